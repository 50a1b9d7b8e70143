/**
 * What one question's search costs the bot: the dev questions asked with the two translations
 * the bot bench's fake model gives (so the three-language work of a real question), through the
 * in-memory index, over synthetic experiences in an in-memory PGlite (in its own thread, as the
 * product opens it).
 *
 *   npx tsx bench/search-cost.ts [experiences, default 10000] [rounds, default 10]
 */
import { migrate } from '../src/db/migrate.ts';
import { openPgliteThread } from '../src/db/pglite-worker.ts';
import { loadEvalSet } from '../src/knowledge/evaluation/eval.ts';
import { ExperienceRepository } from '../src/knowledge/experiences/repository.ts';
import { Glossary } from '../src/knowledge/glossary/glossary.ts';
import { seedGlossaryIfEmpty } from '../src/knowledge/glossary/glossary-csv.ts';
import { memoryLexicalIndex } from '../src/knowledge/search/memory-index-sync.ts';
import { createRetriever } from '../src/knowledge/search/retrieval.ts';
import { fakeTranslations } from './bot.ts';
import { logger } from './support.ts';
import { syntheticExperiences } from './synthetic.ts';

const size = Number(process.argv[2] ?? 10_000);
const rounds = Number(process.argv[3] ?? 10);
const set = loadEvalSet('../shared/eval/dev');
const db = await openPgliteThread(undefined);
try {
  await migrate(db);
  await seedGlossaryIfEmpty(db);
  const records = [
    ...set.experiences,
    ...syntheticExperiences([...set.experiences, ...set.distractors], Math.max(0, size - set.experiences.length), 7, 'cost'),
  ];
  await new ExperienceRepository(db).upsertRecords(records, { status: 'published' });
  const retriever = createRetriever({ db, glossary: await Glossary.load(db), logger, lexical: memoryLexicalIndex(db, logger) });
  const translate = fakeTranslations(set.questions);
  const ask = (q: (typeof set.questions)[number]) => {
    const { [q.language]: _same, ...translations } = translate(q.text);
    return retriever.search({ text: q.text, language: q.language, translations });
  };
  for (const q of set.questions) await ask(q);
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of set.questions) {
      const t = performance.now();
      await ask(q);
      times.push(performance.now() - t);
    }
  }
  times.sort((a, b) => a - b);
  const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!.toFixed(2);
  const mean = (times.reduce((a, b) => a + b, 0) / times.length).toFixed(2);
  process.stdout.write(
    `${records.length} experiences, ${times.length} searches with two translations each: mean ${mean} ms, p50 ${at(0.5)} ms, p95 ${at(0.95)} ms\n`,
  );
} finally {
  await db.close();
}
