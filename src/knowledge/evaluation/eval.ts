import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { LANGUAGES } from '../../text/language.ts';
import type { Db } from '../../db/db.ts';
import { migrate } from '../../db/migrate.ts';
import { openPglite } from '../../db/pglite.ts';
import { emptyClusterTar } from '../../db/empty-cluster.ts';
import type { Logger } from '../../log.ts';
import { ExperienceRepository } from '../experiences/repository.ts';
import { QUESTION_KINDS, type QuestionOutcome, summarise, type EvalSummary } from './metrics.ts';
import { Glossary } from '../glossary/glossary.ts';
import { seedGlossaryIfEmpty } from '../glossary/glossary-csv.ts';
import { parseKbFile } from '../experiences/kb-format.ts';
import { memoryLexicalIndex } from '../search/memory-index-sync.ts';
import { createRetriever, type RetrievalOptions, type Retriever, type Tier } from '../search/retrieval.ts';
import type { ExperienceRecord } from '../experiences/experience.ts';

const questionSchema = z.object({
  id: z.string().min(1),
  language: z.enum(LANGUAGES),
  text: z.string().min(1),
  relevant: z.array(z.string()),
  kind: z.enum(QUESTION_KINDS),
});
export type EvalQuestion = z.infer<typeof questionSchema>;

export interface EvalSet {
  experiences: ExperienceRecord[];
  distractors: ExperienceRecord[];
  questions: EvalQuestion[];
}

/** An evaluation folder that cannot be read; the message names file and line. */
export class EvalSetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EvalSetError';
  }
}

function readRecords(path: string): ExperienceRecord[] {
  const { records, problems } = parseKbFile(readFileSync(path, 'utf8'));
  if (problems.length > 0) {
    throw new EvalSetError(
      `${path}:\n${problems
        .slice(0, 20)
        .map((p) => `  line ${p.line}${p.field ? ` (${p.field})` : ''}: ${p.message}`)
        .join('\n')}`,
    );
  }
  return records;
}

/** Reads DIR/experiences.jsonl, DIR/questions.jsonl and, when present, DIR/distractors.jsonl. */
export function loadEvalSet(dir: string): EvalSet {
  for (const f of ['experiences.jsonl', 'questions.jsonl']) {
    if (!existsSync(join(dir, f))) throw new EvalSetError(`${join(dir, f)} does not exist; an evaluation folder holds experiences.jsonl and questions.jsonl`);
  }
  const questions: EvalQuestion[] = [];
  readFileSync(join(dir, 'questions.jsonl'), 'utf8')
    .split(/\r?\n/)
    .forEach((line, i) => {
      if (line.trim() === '') return;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch (e) {
        throw new EvalSetError(`${join(dir, 'questions.jsonl')} line ${i + 1}: not JSON (${(e as Error).message})`);
      }
      const parsed = questionSchema.safeParse(value);
      if (!parsed.success)
        throw new EvalSetError(
          `${join(dir, 'questions.jsonl')} line ${i + 1}: ${parsed.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`,
        );
      questions.push(parsed.data);
    });
  const distractorsPath = join(dir, 'distractors.jsonl');
  return {
    experiences: readRecords(join(dir, 'experiences.jsonl')),
    distractors: existsSync(distractorsPath) ? readRecords(distractorsPath) : [],
    questions,
  };
}

/**
 * A fresh in-memory database holding `records` as published and the shipped glossary; never the
 * user's database. It starts from the empty cluster a new DATA_DIR starts from, when one is kept
 * for the installed PGlite, rather than from initdb, and is migrated like any other database, so
 * it has every migration of this program whatever the cluster's age. The caller closes it.
 */
export async function openEvalDatabase(records: ExperienceRecord[], options: { glossaryPath?: string } = {}): Promise<{ db: Db; glossary: Glossary }> {
  const emptyCluster = await emptyClusterTar();
  const db = await openPglite(undefined, emptyCluster ? { loadDataDir: emptyCluster } : {});
  try {
    await migrate(db);
    await seedGlossaryIfEmpty(db, options.glossaryPath);
    await new ExperienceRepository(db).upsertRecords(records, { status: 'published' });
    return { db, glossary: await Glossary.load(db) };
  } catch (e) {
    await db.close();
    throw e;
  }
}

/** The tier a question gets when answered as the bot answers it (with a model: after the model's verdict). */
export type AnsweredTier = (question: EvalQuestion) => Promise<Tier>;

/**
 * Asks every question and records the ranking (top `k` external ids) and the abstention: the
 * search's, or with `answeredTier` the answer's (the ranking stays the search's).
 */
export async function evaluate(retriever: Retriever, questions: EvalQuestion[], k = 10, answeredTier?: AnsweredTier): Promise<QuestionOutcome[]> {
  const outcomes: QuestionOutcome[] = [];
  for (const q of questions) {
    const result = await retriever.search({ text: q.text, language: q.language, limit: k });
    const tier = answeredTier ? await answeredTier(q) : result.tier;
    outcomes.push({
      id: q.id,
      kind: q.kind,
      language: q.language,
      relevant: q.relevant,
      ranked: result.hits.map((h) => h.externalId),
      abstained: tier !== 'answered',
      tier,
      ...(tier === 'nothing' && result.reason ? { reason: result.reason } : {}),
      confidence: result.confidence,
    });
  }
  return outcomes;
}

/** The whole `eval` command: load the folder, build a temporary base, ask, summarise. */
export async function runEval(
  dir: string,
  options: {
    k?: number;
    glossaryPath?: string;
    logger: Logger;
    retrieval?: Partial<RetrievalOptions>;
    /** Answers each question over the temporary base as the bot does (e.g. with a model), for its tier. */
    answering?: (base: { db: Db; retriever: Retriever }) => AnsweredTier;
  },
): Promise<{ outcomes: QuestionOutcome[]; summary: EvalSummary }> {
  const set = loadEvalSet(dir);
  const { db, glossary } = await openEvalDatabase([...set.experiences, ...set.distractors], options.glossaryPath ? { glossaryPath: options.glossaryPath } : {});
  try {
    // The index the bot uses, so the figures are the bot's.
    const lexical = memoryLexicalIndex(db, options.logger);
    const retriever = createRetriever({ db, glossary, lexical, logger: options.logger, ...(options.retrieval ? { options: options.retrieval } : {}) });
    const outcomes = await evaluate(retriever, set.questions, options.k ?? 10, options.answering?.({ db, retriever }));
    return { outcomes, summary: summarise(outcomes) };
  } finally {
    await db.close();
  }
}
