import type { Db } from '../src/db/db.ts';
import type { AbstentionFeatures } from '../src/knowledge/abstention.ts';
import { type EvalQuestion, type EvalSet, loadEvalSet, openEvalDatabase } from '../src/knowledge/eval.ts';
import type { Glossary } from '../src/knowledge/glossary.ts';
import { createRetriever, type RetrievalOptions } from '../src/knowledge/retrieval.ts';
import { createLogger } from '../src/log.ts';
import type { ExperienceRecord } from '../src/knowledge/types.ts';

export const logger = createLogger('warn');

export async function openEvalSet(dir: string, extra: ExperienceRecord[] = []): Promise<{ set: EvalSet; db: Db; glossary: Glossary }> {
  const set = loadEvalSet(dir);
  const { db, glossary } = await openEvalDatabase([...set.experiences, ...set.distractors, ...extra]);
  return { set, db, glossary };
}

export async function evaluateWithFeatures(db: Db, glossary: Glossary, questions: EvalQuestion[], options: Partial<RetrievalOptions> = {}) {
  const retriever = createRetriever({ db, glossary, logger, options });
  const rows: { id: string; kind: EvalQuestion['kind']; ok: boolean; features: AbstentionFeatures }[] = [];
  for (const q of questions) {
    const result = await retriever.search({ text: q.text, language: q.language });
    rows.push({ id: q.id, kind: q.kind, ok: q.relevant.includes(result.hits[0]?.externalId ?? ''), features: result.features! });
  }
  return rows;
}
