/**
 * Peak memory of `sme-bridge start`: the console chat (no BOT_TOKEN) run as a member would run
 * it, one question typed and answered, then /quit; the peak resident set size of its process.
 * On the demo base (a first start on an empty database, which creates it and loads the demo, and
 * a start on one that exists) and on 10,000 synthetic experiences, on PGlite (a DATA_DIR) and on
 * PostgreSQL (a fresh schema).
 *
 *   npx tsx bench/memory.ts [--databases pglite,postgres] [--experiences 10000] [--dir ../shared/eval/dev] [--postgres-url URL]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { loadEvalSet } from '../src/knowledge/evaluation/eval.ts';
import { benchSchema } from './support.ts';
import { syntheticExperiences } from './synthetic.ts';

const BIN = fileURLToPath(new URL('../bin/sme-bridge.mjs', import.meta.url));
const QUESTION = 'How do I pay a supplier in China when my bank cannot send the transfer?';
// A start that has not ended by then is stuck: it is stopped and reported, not waited for.
const START_TIMEOUT_MS = 10 * 60_000;

export interface MemoryRow {
  database: 'pglite' | 'postgres';
  base: string;
  /** `first start`: the database is empty (created, migrated, demo loaded); `existing`: it was set up before. */
  start: 'first start' | 'existing';
  peakRssMb: number;
  seconds: number;
  /** The question got an answer with its feedback buttons (else the figure measures less than a start, or the bot abstained). */
  answered: boolean;
}

/** Where a start keeps its data: the environment that points it there, and its removal. */
interface Target {
  env: Record<string, string>;
  drop(): Promise<void>;
}

async function newTarget(database: MemoryRow['database'], postgresUrl: string): Promise<Target> {
  if (database === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'sme-memory-'));
    return { env: { DATA_DIR: join(dir, 'data') }, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const schema = await benchSchema(postgresUrl);
  return { env: { DATABASE_URL: schema.url }, drop: schema.drop };
}

/**
 * Runs `sme-bridge start` in the console from an empty folder (no `.env` of the developer's
 * reaches it): types `question` (if any), waits for its answer as a member would, then /quit.
 * Reads the process's peak resident set size (VmHWM, Linux).
 */
async function runStart(env: Record<string, string>, question?: string): Promise<{ peakRssMb: number; seconds: number; output: string }> {
  const cwd = mkdtempSync(join(tmpdir(), 'sme-memory-cwd-'));
  const started = performance.now();
  const child = spawn(process.execPath, [BIN, 'start'], {
    cwd,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LANG: 'en_US.UTF-8', LOG_LEVEL: 'info', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  let errors = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (errors += d.toString()));
  // VmHWM is the process's own high-water mark: the last reading before it exits is its peak.
  let peakKb = 0;
  const read = () => {
    try {
      const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      if (hwm) peakKb = Math.max(peakKb, Number(hwm[1]));
    } catch {
      // Exited between two readings.
    }
  };
  const poll = setInterval(read, 20);
  const stuck = setTimeout(() => child.kill(), START_TIMEOUT_MS);
  const code = await new Promise<number | null>((resolve) => {
    child.on('exit', resolve);
    if (!question) return child.stdin.end('/quit\n');
    child.stdin.write(`${question}\n`);
    const quitOnAnswer = setInterval(() => {
      if (!replied(output)) return;
      clearInterval(quitOnAnswer);
      child.stdin.end('/quit\n');
    }, 100);
    child.on('exit', () => clearInterval(quitOnAnswer));
  });
  clearTimeout(stuck);
  clearInterval(poll);
  rmSync(cwd, { recursive: true, force: true });
  if (code !== 0) throw new Error(`sme-bridge start exited with ${code}: ${errors.trim().split('\n').slice(-3).join(' ')}`);
  return { peakRssMb: peakKb / 1024, seconds: (performance.now() - started) / 1000, output };
}

const answered = (output: string) => output.includes('👍');
// Any reply with buttons (numbered choices in the console): an answer, or the offer to ask the community.
const replied = (output: string) => /^\s+\[\d+\] /m.test(output);

export async function runMemoryBench(
  o: { databases: MemoryRow['database'][]; experiences: number; dir: string; postgresUrl: string },
  log: (line: string) => void = () => {},
): Promise<MemoryRow[]> {
  const rows: MemoryRow[] = [];
  for (const database of o.databases) {
    const measured = async (base: string, start: MemoryRow['start'], target: Target) => {
      const r = await runStart(target.env, QUESTION);
      rows.push({ database, base, start, peakRssMb: r.peakRssMb, seconds: r.seconds, answered: answered(r.output) });
      log(`${database}, ${base}, ${start}: peak ${r.peakRssMb.toFixed(0)} MB`);
    };
    const fresh = await newTarget(database, o.postgresUrl);
    try {
      await measured('demo (36)', 'first start', fresh);
    } finally {
      await fresh.drop();
    }
    const demo = await newTarget(database, o.postgresUrl);
    try {
      // A start that asks nothing sets the database up; the measured one then finds it ready.
      await runStart(demo.env);
      await measured('demo (36)', 'existing', demo);
    } finally {
      await demo.drop();
    }
    const large = await newTarget(database, o.postgresUrl);
    try {
      const set = loadEvalSet(o.dir);
      // Through the application, so the database is as `start` leaves it (search tokens of this version).
      const app = await createApp(loadConfig({ LOG_LEVEL: 'warn', ...large.env }));
      try {
        const records = syntheticExperiences([...set.experiences, ...set.distractors], o.experiences, 11, 'memory');
        for (let i = 0; i < records.length; i += 2000) await app.experiences.upsertRecords(records.slice(i, i + 2000), { status: 'published' });
        if (database === 'postgres') await app.db.exec('ANALYZE');
      } finally {
        await app.close();
      }
      await measured(`${o.experiences.toLocaleString('en')} synthetic`, 'existing', large);
    } finally {
      await large.drop();
    }
  }
  return rows;
}

export function memoryTable(rows: MemoryRow[]): string[] {
  return [
    '| database | experiences | start | peak RSS (MB) | seconds | answered |',
    '| --- | --- | --- | ---: | ---: | --- |',
    ...rows.map((r) => `| ${r.database} | ${r.base} | ${r.start} | ${r.peakRssMb.toFixed(0)} | ${r.seconds.toFixed(1)} | ${r.answered ? 'yes' : 'no'} |`),
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({
    options: {
      databases: { type: 'string', default: 'pglite,postgres' },
      experiences: { type: 'string', default: '10000' },
      dir: { type: 'string', default: '../shared/eval/dev' },
      'postgres-url': { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/test' },
    },
  });
  const databases = values.databases.split(',').filter((d): d is MemoryRow['database'] => d === 'pglite' || d === 'postgres');
  const rows = await runMemoryBench({ databases, experiences: Number(values.experiences), dir: values.dir, postgresUrl: values['postgres-url'] }, (line) =>
    process.stderr.write(`${line}\n`),
  );
  process.stdout.write('\n### Memory: `sme-bridge start` in the console, one question, then /quit\n\n');
  for (const line of memoryTable(rows)) process.stdout.write(`${line}\n`);
}
