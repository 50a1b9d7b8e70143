import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Db } from '../src/db/db.ts';
import { openPgliteThread } from '../src/db/pglite-worker.ts';
import { openPostgres } from '../src/db/postgres.ts';
import type { AbstentionFeatures } from '../src/knowledge/search/abstention.ts';
import { type EvalQuestion, type EvalSet, loadEvalSet, openEvalDatabase } from '../src/knowledge/evaluation/eval.ts';
import type { Glossary } from '../src/knowledge/glossary/glossary.ts';
import { memoryLexicalIndex } from '../src/knowledge/search/memory-index-sync.ts';
import { createRetriever, type RetrievalOptions, type SearchResult } from '../src/knowledge/search/retrieval.ts';
import { createLogger } from '../src/log.ts';
import type { ExperienceRecord } from '../src/knowledge/experiences/experience.ts';

export const logger = createLogger('warn');

export async function openEvalSet(dir: string, extra: ExperienceRecord[] = []): Promise<{ set: EvalSet; db: Db; glossary: Glossary }> {
  const set = loadEvalSet(dir);
  const { db, glossary } = await openEvalDatabase([...set.experiences, ...set.distractors, ...extra]);
  return { set, db, glossary };
}

export async function evaluateWithFeatures(db: Db, glossary: Glossary, questions: EvalQuestion[], options: Partial<RetrievalOptions> = {}) {
  const retriever = createRetriever({ db, glossary, logger, lexical: memoryLexicalIndex(db, logger), options });
  const rows: {
    id: string;
    kind: EvalQuestion['kind'];
    language: EvalQuestion['language'];
    ok: boolean;
    features: AbstentionFeatures;
    /** Set when a rule, not the confidence, decided the tier (a question asking live information). */
    reason: SearchResult['reason'];
    ranked: string[];
    relevant: string[];
  }[] = [];
  for (const q of questions) {
    const result = await retriever.search({ text: q.text, language: q.language });
    rows.push({
      id: q.id,
      kind: q.kind,
      language: q.language,
      ok: q.relevant.includes(result.hits[0]?.externalId ?? ''),
      features: result.features!,
      reason: result.reason,
      ranked: result.hits.map((h) => h.externalId),
      relevant: q.relevant,
    });
  }
  return rows;
}

/**
 * Answerable questions turned into unanswerable ones: each asked with the experiences that
 * answer it archived (back to published afterwards). A `none` question is one the base has no
 * answer for, and these are the hardest kind: on topic, in the words of the base, with near
 * neighbours of the missing answer still there. They give the abstention model more negatives
 * than the dev set's own `none` questions, without writing any question for it.
 */
export async function evaluateHeldOut(db: Db, glossary: Glossary, questions: EvalQuestion[], options: Partial<RetrievalOptions> = {}) {
  const retriever = createRetriever({ db, glossary, logger, lexical: memoryLexicalIndex(db, logger), options });
  const setStatus = (ids: string[], status: string) => db.query('UPDATE experiences SET status = $2 WHERE external_id = ANY($1::text[])', [ids, status]);
  const rows: { id: string; kind: 'none'; ok: boolean; abstained: boolean; features: AbstentionFeatures }[] = [];
  for (const q of questions.filter((x) => x.kind === 'same' || x.kind === 'cross_translated')) {
    await setStatus(q.relevant, 'archived');
    try {
      const result = await retriever.search({ text: q.text, language: q.language });
      rows.push({ id: `${q.id}-held-out`, kind: 'none', ok: false, abstained: result.abstained, features: result.features! });
    } finally {
      await setStatus(q.relevant, 'published');
    }
  }
  return rows;
}

/** A fresh schema on the PostgreSQL at `postgresUrl`: a URL whose connections use it, and its removal. */
export async function benchSchema(postgresUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const scoped = new URL(postgresUrl);
  scoped.searchParams.set('options', `-c search_path=${schema},public`);
  return {
    url: scoped.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: postgresUrl });
      await c.connect();
      await c.query(`DROP SCHEMA ${schema} CASCADE`);
      await c.end();
    },
  };
}

/**
 * A database for one benchmark run: an in-memory PGlite in its own thread (as the product opens it), or a fresh schema on the PostgreSQL
 * at `postgresUrl` that `drop` removes (closing the database either way).
 */
export async function openBenchDb(database: 'pglite' | 'postgres', postgresUrl: string): Promise<{ db: Db; drop: () => Promise<void> }> {
  if (database === 'pglite') {
    const db = await openPgliteThread(undefined);
    return { db, drop: () => db.close() };
  }
  const schema = await benchSchema(postgresUrl);
  const db = await openPostgres(schema.url);
  return {
    db,
    drop: async () => {
      await db.close();
      await schema.drop();
    },
  };
}
