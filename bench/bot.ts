/**
 * Bot benchmark: many members asking at once through the Bot API emulator, the real bot and
 * the real application, with an instant fake LLM (or offline). Measures answered questions
 * per second and the latency from the update being queued at "Telegram" to the answer's last
 * message arriving there, at a given knowledge-base size, on PGlite and on PostgreSQL.
 *
 *   npx tsx bench/bot.ts [--experiences 10000] [--members 50] [--questions 4] [--llm fake|offline]
 *                        [--databases pglite,postgres] [--postgres-url URL] [--dir ../shared/eval/dev]
 */
import { randomBytes } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { createApp } from '../src/app.ts';
import { createBot } from '../src/bot/bot.ts';
import { startBotApiEmulator, type EmulatedUser } from '../src/bot/emulator/index.ts';
import { startPolling } from '../src/bot/run.ts';
import { loadConfig } from '../src/config.ts';
import type { Db } from '../src/db/db.ts';
import { migrate } from '../src/db/migrate.ts';
import { openPglite } from '../src/db/pglite.ts';
import { openPostgres } from '../src/db/postgres.ts';
import { loadEvalSet } from '../src/knowledge/eval.ts';
import { ExperienceRepository } from '../src/knowledge/experience-repository.ts';
import { startFakeOpenAi } from '../tests/helpers/fake-openai.ts';
import { syntheticExperiences } from './synthetic.ts';

export interface BotBenchOptions {
  database: 'pglite' | 'postgres';
  experiences: number;
  members: number;
  questionsPerMember: number;
  llm: 'fake' | 'offline';
  dir: string;
  postgresUrl: string;
}

export interface BotBenchRow {
  database: string;
  experiences: number;
  llm: string;
  members: number;
  answered: number;
  perSecond: number;
  p50: number;
  p95: number;
  rssMb: number;
}

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? NaN;

async function openDb(o: BotBenchOptions): Promise<{ db: Db; drop(): Promise<void> }> {
  if (o.database === 'pglite') {
    const db = await openPglite(undefined);
    return { db, drop: () => db.close() };
  }
  const schema = `bench_bot_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: o.postgresUrl });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const scoped = new URL(o.postgresUrl);
  scoped.searchParams.set('options', `-c search_path=${schema},public`);
  const db = await openPostgres(scoped.toString());
  return {
    db,
    async drop() {
      await db.close();
      const c = new pg.Client({ connectionString: o.postgresUrl });
      await c.connect();
      await c.query(`DROP SCHEMA ${schema} CASCADE`);
      await c.end();
    },
  };
}

export async function runBotBench(o: BotBenchOptions, log: (line: string) => void = () => {}): Promise<BotBenchRow> {
  const set = loadEvalSet(o.dir);
  const { db, drop } = await openDb(o);
  const llm = o.llm === 'fake' ? await startFakeOpenAi() : undefined;
  // Instant and well-formed: the "translation" repeats the question, the answer is one line.
  llm?.onChat((r) => {
    if (!r.messages.some((m) => /you translate/i.test(m.content))) return { content: 'From the experiences cited below: pay through a licensed exchange house.' };
    const question = r.messages.at(-1)!.content.split('\n\n').slice(1).join('\n\n');
    return { content: JSON.stringify({ fa: question, zh: question, en: question }) };
  });
  const emulator = await startBotApiEmulator({ holdMs: 500 });
  try {
    await migrate(db);
    const records = [...set.experiences, ...syntheticExperiences([...set.experiences, ...set.distractors], Math.max(0, o.experiences - set.experiences.length), 7, 'botbench')];
    const t0 = performance.now();
    const repository = new ExperienceRepository(db);
    for (let i = 0; i < records.length; i += 2000) await repository.upsertRecords(records.slice(i, i + 2000), { status: 'published' });
    if (o.database === 'postgres') await db.exec('ANALYZE');
    log(`${o.database}: ${records.length} experiences imported in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    const env = { LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '1000000', ...(llm ? { OPENAI_API_KEY: 'bench', OPENAI_BASE_URL: llm.baseURL } : {}) };
    const app = await createApp(loadConfig(env), { db });
    // The emulator has no Telegram limits; throttling would measure the throttler, not the bot.
    const bot = createBot(emulator.token, { app }, { apiRoot: emulator.apiRoot, botInfo: emulator.botInfo, throttle: false });
    const polling = await startPolling(bot, app.logger, { pollTimeoutSeconds: 1 });

    // An answer's last message carries the buttons; that is when the member has the answer.
    const waiting = new Map<number, () => void>();
    emulator.subscribe((a) => {
      if (a.kind === 'message' && a.message.reply_markup) waiting.get(a.message.chat_id)?.();
    });
    const ask = (user: EmulatedUser, text: string) =>
      new Promise<number>((resolve) => {
        const started = performance.now();
        waiting.set(user.id, () => {
          waiting.delete(user.id);
          resolve(performance.now() - started);
        });
        emulator.say(user, text);
      });

    const questions = set.questions;
    const users = Array.from({ length: o.members }, (_, i): EmulatedUser => ({ id: 9_000_000 + i, first_name: `Bench${i}`, language_code: questions[i % questions.length]!.language }));
    for (const u of users.slice(0, 5)) await ask(u, questions[0]!.text); // warm-up: caches, JIT, member rows

    const latencies: number[] = [];
    const started = performance.now();
    await Promise.all(
      users.map(async (u, i) => {
        for (let k = 0; k < o.questionsPerMember; k++) latencies.push(await ask(u, questions[(i * o.questionsPerMember + k) % questions.length]!.text));
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    await polling.stop();
    await app.close();
    return {
      database: o.database,
      experiences: records.length,
      llm: o.llm,
      members: o.members,
      answered: latencies.length,
      perSecond: latencies.length / seconds,
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      rssMb: process.resourceUsage().maxRSS / 1024,
    };
  } finally {
    await emulator.close();
    await llm?.close();
    await drop();
  }
}

export function botBenchTable(rows: BotBenchRow[]): string[] {
  return [
    '| database | experiences | LLM | members at once | answered | answered/s | p50 (ms) | p95 (ms) | peak RSS (MB) |',
    '| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map((r) => `| ${r.database} | ${r.experiences} | ${r.llm} | ${r.members} | ${r.answered} | ${r.perSecond.toFixed(1)} | ${r.p50.toFixed(0)} | ${r.p95.toFixed(0)} | ${r.rssMb.toFixed(0)} |`),
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({
    options: {
      experiences: { type: 'string', default: '10000' },
      members: { type: 'string', default: '50' },
      questions: { type: 'string', default: '4' },
      llm: { type: 'string', default: 'fake' },
      databases: { type: 'string', default: 'pglite,postgres' },
      dir: { type: 'string', default: '../shared/eval/dev' },
      'postgres-url': { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/test' },
    },
  });
  const out = (line: string) => process.stdout.write(`${line}\n`);
  const rows: BotBenchRow[] = [];
  for (const database of values.databases.split(',').filter(Boolean) as BotBenchOptions['database'][]) {
    try {
      rows.push(
        await runBotBench(
          { database, experiences: Number(values.experiences), members: Number(values.members), questionsPerMember: Number(values.questions), llm: values.llm === 'offline' ? 'offline' : 'fake', dir: values.dir, postgresUrl: values['postgres-url'] },
          (line) => process.stderr.write(`${line}\n`),
        ),
      );
    } catch (e) {
      out(`${database}: skipped (${(e as Error).message})`);
    }
  }
  out('\n### Bot: members asking at once through the Bot API emulator\n');
  for (const line of botBenchTable(rows)) out(line);
}
