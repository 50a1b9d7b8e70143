/**
 * What one question's search costs the bot: the dev questions asked with the two translations
 * the bot bench's fake model gives (so the three-language work of a real question), through the
 * in-memory index, over synthetic experiences in an in-memory PGlite (in its own thread, as the
 * product opens it). Two figures: warm, every question asked once before (its words' near
 * spellings remembered, as for words members type again and again); and first sight, each
 * question asked of a fresh retriever (nothing remembered: a word the bot has not met yet).
 *
 *   npx tsx bench/search-cost.ts [experiences, default 10000] [rounds, default 10] [eval folder, default ../shared/eval/dev] [memory|database, default memory]
 *
 * `database`: through the database index instead (SEARCH_INDEX=database), a fresh statistics cache with each fresh retriever.
 */
import { migrate } from '../src/db/migrate.ts';
import { openPgliteThread } from '../src/db/pglite-worker.ts';
import { loadEvalSet } from '../src/knowledge/evaluation/eval.ts';
import { ExperienceRepository } from '../src/knowledge/experiences/repository.ts';
import { Glossary } from '../src/knowledge/glossary/glossary.ts';
import { seedGlossaryIfEmpty } from '../src/knowledge/glossary/glossary-csv.ts';
import { memoryLexicalIndex } from '../src/knowledge/search/memory-index-sync.ts';
import { createRetriever, type Retriever } from '../src/knowledge/search/retrieval.ts';
import { fakeTranslations } from './bot.ts';
import { logger } from './support.ts';
import { syntheticExperiences } from './synthetic.ts';

const size = Number(process.argv[2] ?? 10_000);
const rounds = Number(process.argv[3] ?? 10);
const set = loadEvalSet(process.argv[4] ?? '../shared/eval/dev');
const db = await openPgliteThread(undefined);
try {
  await migrate(db);
  await seedGlossaryIfEmpty(db);
  const records = [
    ...set.experiences,
    ...syntheticExperiences([...set.experiences, ...set.distractors], Math.max(0, size - set.experiences.length), 7, 'cost'),
  ];
  await new ExperienceRepository(db).upsertRecords(records, { status: 'published' });
  const glossary = await Glossary.load(db);
  const lexical = memoryLexicalIndex(db, logger);
  const index = process.argv[5] ?? 'memory';
  const newRetriever = () => createRetriever({ db, glossary, logger, ...(index === 'memory' ? { lexical } : {}) });
  const warm = newRetriever();
  const translate = fakeTranslations(set.questions);
  const ask = (retriever: Retriever, q: (typeof set.questions)[number]) => {
    const { [q.language]: _same, ...translations } = translate(q.text);
    return retriever.search({ text: q.text, language: q.language, translations });
  };
  for (const q of set.questions) await ask(warm, q);
  const times = { warm: [] as number[], firstSight: [] as number[] };
  // The process's CPU time too: on a machine shared with other work, wall time also counts waiting for a core.
  const cpu = { warm: 0, firstSight: 0 };
  const cpuMs = (since: NodeJS.CpuUsage) => {
    const { user, system } = process.cpuUsage(since);
    return (user + system) / 1000;
  };
  // Alternated question by question, so both see the same hour of a shared machine.
  for (let r = 0; r < rounds; r++) {
    for (const q of set.questions) {
      let t = performance.now();
      let c = process.cpuUsage();
      await ask(warm, q);
      times.warm.push(performance.now() - t);
      cpu.warm += cpuMs(c);
      const fresh = newRetriever();
      t = performance.now();
      c = process.cpuUsage();
      await ask(fresh, q);
      times.firstSight.push(performance.now() - t);
      cpu.firstSight += cpuMs(c);
    }
  }
  const summary = (ms: number[], cpuTotal: number) => {
    ms.sort((a, b) => a - b);
    const at = (p: number) => ms[Math.min(ms.length - 1, Math.floor(p * ms.length))]!.toFixed(2);
    return `mean ${(ms.reduce((a, b) => a + b, 0) / ms.length).toFixed(2)} ms, p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, CPU ${(cpuTotal / ms.length).toFixed(2)} ms`;
  };
  process.stdout.write(
    `${records.length} experiences, ${index} index, ${times.warm.length} searches each way with two translations each:\n` +
      `  warm (words met before):  ${summary(times.warm, cpu.warm)}\n` +
      `  first sight (fresh retriever): ${summary(times.firstSight, cpu.firstSight)}\n`,
  );
} finally {
  await db.close();
}
