/**
 * Where an import's time goes: tokenising (timed alone first), then every statement of the
 * import by its first words, with Node's CPU time. The next place to look when the import
 * rate moves.
 *   npx tsx bench/profile-import.ts pglite|postgres SIZE
 */
import type { Db, Queryable } from '../src/db/db.ts';
import { migrate } from '../src/db/migrate.ts';
import { loadEvalSet } from '../src/knowledge/evaluation/eval.ts';
import { ExperienceRepository } from '../src/knowledge/experiences/repository.ts';
import { indexText } from '../src/knowledge/experiences/search-tokens.ts';
import { seedGlossaryIfEmpty } from '../src/knowledge/glossary/glossary-csv.ts';
import { openBenchDb } from './support.ts';
import { syntheticExperiences } from './synthetic.ts';

const [database, sizeArg] = process.argv.slice(2);
const size = Number(sizeArg);
const url = 'postgres://postgres@127.0.0.1:5432/test';
const set = loadEvalSet('../shared/eval/dev');
const { db, drop } = await openBenchDb(database === 'postgres' ? 'postgres' : 'pglite', url);
await migrate(db);
await seedGlossaryIfEmpty(db);
const t0 = performance.now();
const records = syntheticExperiences([...set.experiences, ...set.distractors], size, 1, 'speed', { longTail: true });
const tGen = performance.now() - t0;
const t1 = performance.now();
let texts = 0;
for (const r of records) {
  indexText(r, r.tags ?? [], r.language);
  texts++;
  for (const [l, t] of Object.entries(r.translations ?? {})) {
    indexText(t!, r.tags ?? [], l as never);
    texts++;
  }
}
const tTok = performance.now() - t1;
const times = new Map<string, [number, number]>();
const timed = (q: Queryable): Queryable => ({
  query: async (sql, params) => {
    const key = sql.trim().replace(/\s+/g, ' ').slice(0, 40);
    const s = performance.now();
    try {
      return await q.query(sql, params);
    } finally {
      const e = times.get(key) ?? [0, 0];
      times.set(key, [e[0] + performance.now() - s, e[1] + 1]);
    }
  },
  exec: (sql) => q.exec(sql),
});
const wrapped: Db = Object.assign(Object.create(Object.getPrototypeOf(db)), db, {
  transaction: <T>(fn: (tx: Queryable) => Promise<T>) =>
    db.transaction(async (tx) => {
      return fn(timed(tx));
    }),
});
const repo = new ExperienceRepository(wrapped);
const cpu0 = process.cpuUsage();
const t2 = performance.now();
for (let i = 0; i < records.length; i += 5000) {
  await repo.upsertRecords(records.slice(i, i + 5000), { status: 'published' });
}
const tImp = performance.now() - t2;
const cpu = process.cpuUsage(cpu0);
console.log(
  `${database} ${size} texts=${texts} gen=${tGen.toFixed(0)}ms tokenise=${tTok.toFixed(0)}ms (${(tTok / texts).toFixed(3)} ms/text) import=${tImp.toFixed(0)}ms => ${(size / (tImp / 1000)).toFixed(0)}/s, node cpu=${((cpu.user + cpu.system) / 1000).toFixed(0)}ms`,
);
for (const [k, [ms, n]] of [...times].sort((a, b) => b[1][0] - a[1][0])) console.log(`  ${ms.toFixed(0).padStart(7)} ms ${String(n).padStart(5)}x  ${k}`);
await drop();
