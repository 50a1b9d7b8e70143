/**
 * Bot benchmark: members asking through the Bot API emulator, the real bot and the real
 * application, with an instant fake LLM (or offline), at a given knowledge-base size, on PGlite
 * and on PostgreSQL. Latency runs from the update being queued at "Telegram" to the answer's
 * last message arriving there. Two loads: members asking back to back (the bot's capacity in
 * questions per second), and questions arriving at fixed rates (the latency a member sees at
 * that load). `--floor` adds the ceiling of any bot on this machine (an echo bot).
 *
 *   npx tsx bench/bot.ts [--experiences 10000] [--members 50] [--questions 4] [--rates 10,25,50,100,200]
 *                        [--seconds 4] [--llm fake|offline] [--databases pglite,postgres] [--floor]
 *                        [--postgres-url URL] [--dir ../shared/eval/dev]
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { run } from '@grammyjs/runner';
import { Bot } from 'grammy';
import { createApp } from '../src/app.ts';
import { createBot } from '../src/bot/bot.ts';
import { type BotApiEmulator, startBotApiEmulator, type EmulatedUser } from '../src/bot/emulator/index.ts';
import { startPolling } from '../src/bot/run.ts';
import { loadConfig } from '../src/config.ts';
import { migrate } from '../src/db/migrate.ts';
import { loadEvalSet } from '../src/knowledge/eval.ts';
import { ExperienceRepository } from '../src/knowledge/experience-repository.ts';
import { startFakeOpenAi } from '../tests/helpers/fake-openai.ts';
import { openBenchDb } from './support.ts';
import { random, syntheticExperiences } from './synthetic.ts';

export interface BotBenchOptions {
  database: 'pglite' | 'postgres';
  experiences: number;
  /** Closed loop: this many members ask back to back (the bot's capacity). */
  members: number;
  questionsPerMember: number;
  /** Open loop: questions arrive at these rates (per second, Poisson), each for `seconds`. */
  rates: number[];
  seconds: number;
  llm: 'fake' | 'offline';
  dir: string;
  postgresUrl: string;
}

export interface BotBenchRow {
  database: string;
  experiences: number;
  llm: string;
  /** "50 members back to back" or "open loop". */
  load: string;
  /** Offered questions per second (open loop only). */
  offered?: number;
  answered: number;
  perSecond: number;
  p50: number;
  p95: number;
  rssMb: number;
}

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? NaN;
const rssMb = () => process.resourceUsage().maxRSS / 1024;

/**
 * Members talking to "Telegram": a question is an update offered to the bot, and it is answered
 * when the message carrying the buttons (an answer's last message) arrives. A chat's answers
 * come in the order of its questions (the bot handles one chat's updates in order).
 */
function membersOf(emulator: BotApiEmulator) {
  const waiting = new Map<number, (() => void)[]>();
  emulator.subscribe((a) => {
    if (a.kind === 'message' && a.message.reply_markup) waiting.get(a.message.chat_id)?.shift()?.();
  });
  return {
    ask(user: EmulatedUser, text: string): Promise<number> {
      return new Promise<number>((resolve) => {
        const started = performance.now();
        const queue = waiting.get(user.id) ?? [];
        queue.push(() => resolve(performance.now() - started));
        waiting.set(user.id, queue);
        emulator.say(user, text);
      });
    },
  };
}

type Ask = (user: EmulatedUser, text: string) => Promise<number>;

/** `members` members each asking `perMember` questions, the next as soon as the last is answered. */
async function closedLoop(ask: Ask, users: EmulatedUser[], questions: string[], perMember: number) {
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(users.map(async (u, i) => {
    for (let k = 0; k < perMember; k++) latencies.push(await ask(u, questions[(i * perMember + k) % questions.length]!));
  }));
  return { latencies, seconds: (performance.now() - started) / 1000 };
}

/**
 * Questions arriving at `rate` per second for `seconds` (exponential gaps, seeded), from members
 * taken in turn, whether or not earlier ones are answered: the latency a member sees at that load.
 */
async function openLoop(ask: Ask, users: EmulatedUser[], questions: string[], rate: number, seconds: number) {
  const rand = random(rate);
  const pending: Promise<number>[] = [];
  const started = performance.now();
  let due = 0;
  for (let i = 0; due < seconds * 1000; i++) {
    const wait = started + due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    pending.push(ask(users[i % users.length]!, questions[i % questions.length]!));
    due += (-Math.log(1 - rand()) / rate) * 1000;
  }
  const latencies = await Promise.all(pending);
  return { latencies, seconds: (performance.now() - started) / 1000 };
}

async function withBot(o: BotBenchOptions, log: (line: string) => void, fn: (ask: Ask) => Promise<BotBenchRow[]>): Promise<BotBenchRow[]> {
  const set = loadEvalSet(o.dir);
  const { db, drop } = await openBenchDb(o.database, o.postgresUrl);
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
    try {
      return await fn(membersOf(emulator).ask);
    } finally {
      await polling.stop();
      await app.close();
    }
  } finally {
    await emulator.close();
    await llm?.close();
    await drop();
  }
}

export async function runBotBench(o: BotBenchOptions, log: (line: string) => void = () => {}): Promise<BotBenchRow[]> {
  const questions = loadEvalSet(o.dir).questions;
  const texts = questions.map((q) => q.text);
  // Many more members than questions in flight: a member rarely waits behind their own question.
  const users = Array.from({ length: Math.max(o.members, 500) }, (_, i): EmulatedUser => ({ id: 9_000_000 + i, first_name: `Bench${i}`, language_code: questions[i % questions.length]!.language }));
  const base = { database: o.database, experiences: o.experiences, llm: o.llm };
  return withBot(o, log, async (ask) => {
    // Warm-up: caches, JIT, and every member's row exists before anything is measured.
    for (let i = 0; i < users.length; i += o.members) await closedLoop(ask, users.slice(i, i + o.members), texts, 1);
    const rows: BotBenchRow[] = [];
    const closed = await closedLoop(ask, users.slice(0, o.members), texts, o.questionsPerMember);
    rows.push({ ...base, load: `${o.members} members back to back`, ...summary(closed) });
    log(`${o.database}: capacity ${rows[0]!.perSecond.toFixed(1)} questions/s`);
    for (const rate of o.rates) {
      const open = await openLoop(ask, users, texts, rate, o.seconds);
      rows.push({ ...base, load: 'open loop', offered: rate, ...summary(open) });
      log(`${o.database}: at ${rate}/s p95 ${rows.at(-1)!.p95.toFixed(0)} ms`);
    }
    return rows;
  });
}

function summary(r: { latencies: number[]; seconds: number }) {
  return { answered: r.latencies.length, perSecond: r.latencies.length / r.seconds, p50: percentile(r.latencies, 50), p95: percentile(r.latencies, 95), rssMb: rssMb() };
}

/**
 * The machine's ceiling for any bot on this stack: grammY with the runner answering each
 * question with one message and `statements` trivial database round trips, through the same
 * emulator, with no search and no model. What the real bot does costs on top of this.
 */
export async function runFloorBench(o: Pick<BotBenchOptions, 'database' | 'postgresUrl' | 'members' | 'questionsPerMember'>, statements: number): Promise<BotBenchRow> {
  const { db, drop } = await openBenchDb(o.database, o.postgresUrl);
  const emulator = await startBotApiEmulator({ holdMs: 500 });
  await db.exec('CREATE TABLE floor_log (id bigserial PRIMARY KEY, text text NOT NULL)');
  const bot = new Bot(emulator.token, { client: { apiRoot: emulator.apiRoot }, botInfo: emulator.botInfo });
  bot.on('message:text', async (ctx) => {
    for (let i = 0; i < statements; i++) await (i % 2 === 0 ? db.query('INSERT INTO floor_log (text) VALUES ($1)', [ctx.message.text]) : db.query('SELECT count(*) FROM floor_log WHERE id = $1', [i]));
    await ctx.reply(`echo: ${ctx.message.text}`, { reply_markup: { inline_keyboard: [[{ text: 'ok', callback_data: 'ok' }]] } });
  });
  const runner = run(bot, { runner: { fetch: { timeout: 1 } } });
  try {
    const { ask } = membersOf(emulator);
    const users = Array.from({ length: o.members }, (_, i): EmulatedUser => ({ id: 8_000_000 + i, first_name: `Floor${i}` }));
    for (const u of users) await ask(u, 'warm-up');
    const closed = await closedLoop(ask, users, ['a question'], o.questionsPerMember);
    return { database: o.database, experiences: 0, llm: 'none', load: `echo bot, ${statements} statements: ${o.members} back to back`, ...summary(closed) };
  } finally {
    await runner.stop();
    await emulator.close();
    await drop();
  }
}

export function botBenchTable(rows: BotBenchRow[]): string[] {
  return [
    '| database | experiences | LLM | load | offered/s | answered | answered/s | p50 (ms) | p95 (ms) | peak RSS (MB) |',
    '| --- | ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map((r) => `| ${r.database} | ${r.experiences} | ${r.llm} | ${r.load} | ${r.offered ?? '–'} | ${r.answered} | ${r.perSecond.toFixed(1)} | ${r.p50.toFixed(0)} | ${r.p95.toFixed(0)} | ${r.rssMb.toFixed(0)} |`),
  ];
}

export const DEFAULT_BOT_BENCH = { experiences: 10_000, members: 50, questionsPerMember: 4, rates: [10, 25, 50, 100, 200], seconds: 4 } as const;

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({
    options: {
      experiences: { type: 'string', default: String(DEFAULT_BOT_BENCH.experiences) },
      members: { type: 'string', default: String(DEFAULT_BOT_BENCH.members) },
      questions: { type: 'string', default: String(DEFAULT_BOT_BENCH.questionsPerMember) },
      rates: { type: 'string', default: DEFAULT_BOT_BENCH.rates.join(',') },
      seconds: { type: 'string', default: String(DEFAULT_BOT_BENCH.seconds) },
      llm: { type: 'string', default: 'fake' },
      databases: { type: 'string', default: 'pglite,postgres' },
      floor: { type: 'boolean', default: false },
      dir: { type: 'string', default: '../shared/eval/dev' },
      'postgres-url': { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/test' },
    },
  });
  const out = (line: string) => process.stdout.write(`${line}\n`);
  const err = (line: string) => process.stderr.write(`${line}\n`);
  const rows: BotBenchRow[] = [];
  const rates = values.rates.split(',').map(Number).filter((n) => n > 0);
  for (const database of values.databases.split(',').filter(Boolean) as BotBenchOptions['database'][]) {
    const common = { database, members: Number(values.members), questionsPerMember: Number(values.questions), postgresUrl: values['postgres-url'] };
    try {
      if (values.floor) for (const statements of [0, 8]) rows.push(await runFloorBench(common, statements));
      rows.push(...(await runBotBench({ ...common, experiences: Number(values.experiences), rates, seconds: Number(values.seconds), llm: values.llm === 'offline' ? 'offline' : 'fake', dir: values.dir }, err)));
    } catch (e) {
      out(`${database}: skipped (${(e as Error).message})`);
    }
  }
  out('\n### Bot: members asking through the Bot API emulator\n');
  for (const line of botBenchTable(rows)) out(line);
}
