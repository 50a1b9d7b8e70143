import { migrate } from '../src/db/migrate.ts';
import { createTranslator, DEFAULT_LOCALES_DIR } from '../src/i18n.ts';
import { loadEvalSet } from '../src/knowledge/evaluation/eval.ts';
import { ExperienceRepository } from '../src/knowledge/experiences/repository.ts';
import { Glossary } from '../src/knowledge/glossary/glossary.ts';
import { seedGlossaryIfEmpty } from '../src/knowledge/glossary/glossary-csv.ts';
import { databaseLexicalIndex } from '../src/knowledge/search/lexical-index.ts';
import { memoryLexicalIndex } from '../src/knowledge/search/memory-index-sync.ts';
import { createRetriever, type Retriever } from '../src/knowledge/search/retrieval.ts';
import { loadReviewCard } from '../src/community/review-card.ts';
import { renderReviewCard } from '../src/bot/render/review-card.ts';
import type { Db } from '../src/db/db.ts';
import { logger, openBenchDb } from './support.ts';
import { syntheticExperiences } from './synthetic.ts';

export interface CurationRow {
  database: 'pglite' | 'postgres';
  experiences: number;
  index: 'memory' | 'database';
  cards: number;
  p50: number;
  p95: number;
}

const PENDING = 100;
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

/**
 * Showing a review card: the contribution with every language version, the contributor's record,
 * the three most similar published experiences (the bot's own search) and the warnings, rendered
 * as the bot sends it, for `PENDING` pending contributions among `size` published experiences;
 * each card shown twice, timed, after a warm-up.
 */
export async function measureReviewCards(database: 'pglite' | 'postgres', size: number, dir: string, postgresUrl: string): Promise<CurationRow[]> {
  const set = loadEvalSet(dir);
  const opened = await openBenchDb(database, postgresUrl);
  const { db } = opened;
  try {
    await migrate(db);
    await seedGlossaryIfEmpty(db);
    const sources = [...set.experiences, ...set.distractors];
    const repository = new ExperienceRepository(db);
    const published = syntheticExperiences(sources, size, 1, 'pub');
    for (let i = 0; i < published.length; i += 5000) await repository.upsertRecords(published.slice(i, i + 5000), { status: 'published' });
    await repository.upsertRecords(syntheticExperiences(sources, PENDING, 7, 'pending'), { status: 'pending' });
    if (database === 'postgres') await db.exec('ANALYZE');
    const pending = (await db.query<{ id: number }>("SELECT id::float8 AS id FROM experiences WHERE status = 'pending' ORDER BY id")).map((r) => r.id);
    const glossary = await Glossary.load(db);
    const memory = memoryLexicalIndex(db, logger);
    await memory.load();
    const rows: CurationRow[] = [];
    for (const [index, lexical] of [
      ['memory', memory],
      ['database', databaseLexicalIndex(db)],
    ] as const) {
      const retriever = createRetriever({ db, glossary, logger, lexical });
      const times = await timeCards(db, retriever, pending);
      rows.push({ database, experiences: size, index, cards: times.length, p50: percentile(times, 50), p95: percentile(times, 95) });
    }
    return rows;
  } finally {
    await opened.drop();
  }
}

async function timeCards(db: Db, retriever: Retriever, ids: number[]): Promise<number[]> {
  const translator = createTranslator(DEFAULT_LOCALES_DIR);
  const show = async (id: number) => {
    const card = (await loadReviewCard(db, retriever, id))!;
    if (card.similar.length === 0) throw new Error(`no similar experience found for pending ${id}: the bench would time less than a card costs`);
    return renderReviewCard(card, 'en', (key, values) => translator.t('en', key, values), translator).html;
  };
  for (const id of ids.slice(0, 10)) await show(id);
  const times: number[] = [];
  for (let round = 0; round < 2; round++) {
    for (const id of ids) {
      const t = performance.now();
      await show(id);
      times.push(performance.now() - t);
    }
  }
  return times;
}

export function curationTable(rows: CurationRow[]): string[] {
  return [
    '| database | published experiences | search index | cards shown | p50 (ms) | p95 (ms) |',
    '| --- | ---: | --- | ---: | ---: | ---: |',
    ...rows.map((r) => `| ${r.database} | ${r.experiences.toLocaleString('en')} | ${r.index} | ${r.cards} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} |`),
  ];
}
