import { migrate } from '../src/db/migrate.ts';
import { type EvalQuestion, loadEvalSet } from '../src/knowledge/evaluation/eval.ts';
import { ExperienceRepository } from '../src/knowledge/experiences/repository.ts';
import { Glossary } from '../src/knowledge/glossary/glossary.ts';
import { seedGlossaryIfEmpty } from '../src/knowledge/glossary/glossary-csv.ts';
import { databaseLexicalIndex } from '../src/knowledge/search/lexical-index.ts';
import { fetchStats } from '../src/knowledge/search/bm25.ts';
import { memoryLexicalIndex } from '../src/knowledge/search/memory-index-sync.ts';
import { createRetriever, type Retriever } from '../src/knowledge/search/retrieval.ts';
import { logger, openBenchDb } from './support.ts';
import { syntheticExperiences } from './synthetic.ts';

export interface SpeedRow {
  database: 'pglite' | 'postgres';
  experiences: number;
  texts: number;
  importPerSecond: number;
  p50: number;
  p95: number;
  /** The same questions through the in-memory index the bot uses (SEARCH_INDEX=memory). */
  memoryLoadSeconds: number;
  memoryP50: number;
  memoryP95: number;
  rssMb: number;
}

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

export async function measure(
  database: 'pglite' | 'postgres',
  size: number,
  dir: string,
  postgresUrl: string,
  options: { longTail?: boolean } = {},
): Promise<SpeedRow> {
  const set = loadEvalSet(dir);
  const opened = await openBenchDb(database, postgresUrl);
  const { db } = opened;
  try {
    await migrate(db);
    await seedGlossaryIfEmpty(db);
    const records = syntheticExperiences([...set.experiences, ...set.distractors], size, 1, 'speed', options);
    const repository = new ExperienceRepository(db);
    const started = performance.now();
    for (let i = 0; i < records.length; i += 5000) await repository.upsertRecords(records.slice(i, i + 5000), { status: 'published' });
    const importSeconds = (performance.now() - started) / 1000;
    if (database === 'postgres') await db.exec('ANALYZE');
    const [{ n }] = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM experience_texts')) as [{ n: number }];
    // Statistics read for every question, as if none were cached: the search's cost when its terms are new.
    const retriever = createRetriever({ db, glossary: await Glossary.load(db), logger, lexical: databaseLexicalIndex(db, (terms) => fetchStats(db, terms)) });
    for (const q of set.questions.slice(0, 10)) await retriever.search({ text: q.text, language: q.language });
    const times = await timeQuestions(retriever, set.questions);
    const memory = memoryLexicalIndex(db, logger);
    const loadStarted = performance.now();
    await memory.load();
    const memoryLoadSeconds = (performance.now() - loadStarted) / 1000;
    const memoryRetriever = createRetriever({ db, glossary: await Glossary.load(db), logger, lexical: memory });
    for (const q of set.questions.slice(0, 10)) await memoryRetriever.search({ text: q.text, language: q.language });
    const memoryTimes = await timeQuestions(memoryRetriever, set.questions);
    return {
      database,
      experiences: size,
      texts: n,
      importPerSecond: size / importSeconds,
      p50: percentile(times, 50),
      p95: percentile(times, 95),
      memoryLoadSeconds,
      memoryP50: percentile(memoryTimes, 50),
      memoryP95: percentile(memoryTimes, 95),
      rssMb: process.resourceUsage().maxRSS / 1024,
    };
  } finally {
    await opened.drop();
  }
}

/** Every question asked twice, each timed. */
async function timeQuestions(retriever: Retriever, questions: EvalQuestion[]): Promise<number[]> {
  const times: number[] = [];
  for (let round = 0; round < 2; round++) {
    for (const q of questions) {
      const t = performance.now();
      await retriever.search({ text: q.text, language: q.language });
      times.push(performance.now() - t);
    }
  }
  return times;
}

export function speedTable(rows: SpeedRow[]): string[] {
  return [
    '| database | experiences | texts | import (experiences/s) | search p50 (ms) | search p95 (ms) | memory index: load (s) | p50 (ms) | p95 (ms) | peak RSS (MB) |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map(
      (r) =>
        `| ${r.database} | ${r.experiences.toLocaleString('en')} | ${r.texts.toLocaleString('en')} | ${r.importPerSecond.toFixed(0)} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.memoryLoadSeconds.toFixed(1)} | ${r.memoryP50.toFixed(1)} | ${r.memoryP95.toFixed(1)} | ${r.rssMb.toFixed(0)} |`,
    ),
  ];
}
