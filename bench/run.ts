/**
 * Benchmarks. `npm run bench` runs every part; `npm run bench -- quality`, `-- speed`, `-- bot`,
 * `-- memory`, `-- faults`, `-- curation` or `-- digest` one (the bot and memory parts also run alone as `tsx bench/bot.ts` and
 * `tsx bench/memory.ts`, with their own flags).
 * Options: --dir DIR (eval folder, default ../shared/eval/dev), --members DIR,DIR (more folders the quality part reports on,
 * default eval/members/fit,eval/members/report; empty for none), --distractors N (default 2000),
 * --pglite-sizes 1000,10000  --postgres-sizes 1000,10000,100000  (0 or empty skips),
 * --curation-sizes 100000 (published experiences behind the review cards, PostgreSQL),
 * --postgres-url URL (default DATABASE_URL or postgres://postgres@127.0.0.1:5432/test),
 * --plain-synthetic (speed base without its long tail of made-up names: every word common).
 */
import { parseArgs } from 'node:util';
import { runQuality } from './quality.ts';
import { measure, type SpeedRow, speedTable } from './speed.ts';
import { writeLatestRun } from './docs.ts';
import { memoryTable, runMemoryBench, type MemoryRow } from './memory.ts';
import { faultTable, runFaultBench } from './faults.ts';
import { curationTable, measureReviewCards, type CurationRow } from './curation.ts';
import {
  botBenchTable,
  DEFAULT_BOT_BENCH,
  FLOORS,
  runBotBench,
  runFloorBench,
  runStreamBench,
  streamBenchTable,
  type BotBenchRow,
  type StreamBenchRow,
} from './bot.ts';
import { digestBenchTable, runDigestBench, type DigestBenchRow } from './digest.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    dir: { type: 'string', default: '../shared/eval/dev' },
    members: { type: 'string', default: 'eval/members/fit,eval/members/report' },
    distractors: { type: 'string', default: '2000' },
    'pglite-sizes': { type: 'string', default: '1000,10000' },
    'postgres-sizes': { type: 'string', default: '1000,10000,100000' },
    'postgres-url': { type: 'string' },
    'curation-sizes': { type: 'string', default: '100000' },
    'plain-synthetic': { type: 'boolean', default: false },
  },
});
// The bench is a developer tool outside the application, so it reads its one setting directly.
const postgresUrl = values['postgres-url'] ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const sizes = (s: string) =>
  s
    .split(',')
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);
const part = positionals[0] ?? 'all';
const printed: string[] = [];
const out = (line: string) => {
  printed.push(line);
  process.stdout.write(`${line}\n`);
};
/** Writes what the part printed since `from` into its document in docs/. */
const record = (doc: string, command: string, from: number) =>
  writeLatestRun(new URL(`../docs/${doc}.md`, import.meta.url).pathname, command, printed.slice(from));

if (part === 'all' || part === 'quality') {
  const from = printed.length;
  const members = values.members.split(',').filter((d) => d !== '');
  await runQuality([values.dir, ...members], out, Number(values.distractors));
  record('quality', 'npm run bench -- quality', from);
}
if (part === 'all' || part === 'speed') {
  const from = printed.length;
  const rows: SpeedRow[] = [];
  for (const size of sizes(values['pglite-sizes'])) rows.push(await measure('pglite', size, values.dir, postgresUrl, { longTail: !values['plain-synthetic'] }));
  for (const size of sizes(values['postgres-sizes'])) {
    try {
      rows.push(await measure('postgres', size, values.dir, postgresUrl, { longTail: !values['plain-synthetic'] }));
    } catch (e) {
      out(`PostgreSQL at ${size}: skipped (${(e as Error).message})`);
    }
  }
  out('\n### Speed (synthetic trilingual experiences; 90 dev questions asked twice after a warm-up)\n');
  for (const line of speedTable(rows)) out(line);
  record('speed', 'npm run bench -- speed', from);
}
if (part === 'all' || part === 'bot') {
  const from = printed.length;
  const rows: BotBenchRow[] = [];
  for (const database of ['pglite', 'postgres'] as const) {
    try {
      const common = { database, members: DEFAULT_BOT_BENCH.members, questionsPerMember: DEFAULT_BOT_BENCH.questionsPerMember, postgresUrl };
      const options = { ...common, llm: 'fake' as const, dir: values.dir };
      const timed = { ...options, ...DEFAULT_BOT_BENCH, rates: [...DEFAULT_BOT_BENCH.rates] };
      for (const [statements, llmCalls] of FLOORS)
        rows.push(...(await runFloorBench({ ...timed, rates: statements > 0 && llmCalls > 0 ? timed.rates : [] }, statements, llmCalls)));
      rows.push(...(await runBotBench(timed)));
    } catch (e) {
      out(`Bot bench on ${database}: skipped (${(e as Error).message})`);
    }
  }
  out('\n### Bot: members asking through the Bot API emulator, instant fake LLM, 10k experiences\n');
  for (const line of botBenchTable(rows)) out(line);
  const streamed: StreamBenchRow[] = [];
  for (const database of ['pglite', 'postgres'] as const) {
    try {
      streamed.push(
        await runStreamBench({ database, experiences: DEFAULT_BOT_BENCH.experiences, members: 10, questionsPerMember: 5, postgresUrl, dir: values.dir }),
      );
    } catch (e) {
      out(`Streamed answers on ${database}: skipped (${(e as Error).message})`);
    }
  }
  out('\n### Bot: streamed answers (a model writing for about 4 s), 10 members back to back\n');
  for (const line of streamBenchTable(streamed)) out(line);
  record('load', 'npm run bench -- bot', from);
}
if (part === 'all' || part === 'memory') {
  const from = printed.length;
  const rows: MemoryRow[] = [];
  for (const database of ['pglite', 'postgres'] as const) {
    try {
      rows.push(...(await runMemoryBench({ databases: [database], experiences: 10_000, dir: values.dir, postgresUrl })));
    } catch (e) {
      out(`Memory bench on ${database}: skipped (${(e as Error).message})`);
    }
  }
  out('\n### Memory: `sme-bridge start` in the console, one question, then /quit\n');
  for (const line of memoryTable(rows)) out(line);
  record('memory', 'npm run bench -- memory', from);
}
if (part === 'all' || part === 'faults') {
  const from = printed.length;
  out('\n### Faults: `sme-bridge start` against the Bot API emulator while something goes wrong\n');
  const rows = await runFaultBench({ databases: ['pglite', 'postgres'], postgresUrl, out });
  out('');
  for (const line of faultTable(rows)) out(line);
  record('faults', 'npm run bench -- faults', from);
}
if (part === 'all' || part === 'curation') {
  const from = printed.length;
  const rows: CurationRow[] = [];
  for (const size of sizes(values['curation-sizes'])) {
    try {
      rows.push(...(await measureReviewCards('postgres', size, values.dir, postgresUrl)));
    } catch (e) {
      out(`Review cards on PostgreSQL at ${size}: skipped (${(e as Error).message})`);
    }
  }
  out(
    '\n### Review cards: a pending contribution with its three most similar published experiences, rendered (target p95 ≤ 100 ms at 100,000 on PostgreSQL)\n',
  );
  for (const line of curationTable(rows)) out(line);
  record('curation', 'npm run bench -- curation', from);
}
if (part === 'all' || part === 'digest') {
  const from = printed.length;
  const rows: DigestBenchRow[] = [];
  for (const database of ['pglite', 'postgres'] as const) {
    try {
      rows.push(await runDigestBench({ database, experiences: 10_000, stale: 1_000, postgresUrl }));
    } catch (e) {
      out(`Digest bench on ${database}: skipped (${(e as Error).message})`);
    }
  }
  out('\n### Re-verification digest: 1,000 of 10,000 experiences past their review date\n');
  for (const line of digestBenchTable(rows)) out(line);
  record('digest', 'npm run bench -- digest', from);
}
