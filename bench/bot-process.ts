/**
 * The bot under benchmark, in a process of its own (forked by bench/bot.ts): in production
 * Telegram and the model run elsewhere, so the bot's event loop must not also carry the fake
 * Bot API, the fake model and the simulated members. The parent sends one `start` message and
 * later `profile` (after its warm-up), `cpu` and `stop`; this process answers each on the IPC channel.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { constants, PerformanceObserver } from 'node:perf_hooks';
import { run, sequentialize } from '@grammyjs/runner';
import { Bot } from 'grammy';
import OpenAI from 'openai';
import { createApp } from '../src/app.ts';
import { createBot } from '../src/bot/bot.ts';
import { startPolling } from '../src/bot/run.ts';
import { outboxApi } from '../src/bot/outbox-sender.ts';
import { startSenders } from '../src/bot/senders.ts';
import { loadConfig } from '../src/config.ts';
import type { Db } from '../src/db/db.ts';
import { migrate } from '../src/db/migrate.ts';
import { openPgliteThread } from '../src/db/pglite-worker.ts';
import { openPostgres } from '../src/db/postgres.ts';
import { loadEvalSet } from '../src/knowledge/evaluation/eval.ts';
import { ExperienceRepository } from '../src/knowledge/experiences/repository.ts';
import type { UserFromGetMe } from 'grammy/types';
import { syntheticExperiences } from './synthetic.ts';
import { countingDb, type StatementCounts } from './counting-db.ts';

export interface BotProcessStart {
  type: 'start';
  /**
   * `bot`: the real bot and application. `floor`: the least any bot meeting the issue must do
   * per question, with none of ours: `statements` trivial round trips (claim the update, load
   * the member and conversation state, count the rate limit, log the question), `llmCalls`
   * model calls through the `openai` SDK (translate, answer), one reply with buttons.
   */
  kind: 'bot' | 'floor';
  statements?: number;
  llmCalls?: number;
  searchIndex?: 'memory' | 'database';
  /** `pglite` (in memory, in this process) or a PostgreSQL URL scoped to the run's schema. */
  database: 'pglite' | string;
  experiences: number;
  dir: string;
  token: string;
  apiRoot: string;
  botInfo: UserFromGetMe;
  llmBaseUrl?: string;
  /** Where to write the CPU profile of the bot answering (from the `profile` message to stop: not the import nor the warm-up). */
  profileDir?: string;
}

export type BotProcessReply =
  | { type: 'ready'; importSeconds: number; experiences: number }
  /** `statements`: every statement the bot sent so far, by statement (none counted for the floor). */
  /** `gc`: the collections so far and their pauses on the main thread (minor: the young generation's). */
  | { type: 'cpu'; userMs: number; systemMs: number; maxRssMb: number; statements: StatementCounts; gc: GcCounts }
  | { type: 'profiling' }
  | { type: 'stopped' }
  | { type: 'failed'; message: string };

const send = (m: BotProcessReply) => process.send?.(m);

let statementCounts: () => StatementCounts = () => ({});

export interface GcCounts {
  minor: number;
  major: number;
  pauseMs: number;
}

/**
 * Collections since the process started: how much an answer allocates shows in how many minor
 * collections it takes (each empties the young generation, a fixed size), which the machine's
 * load does not change, unlike time.
 */
const gc: GcCounts = { minor: 0, major: 0, pauseMs: 0 };
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    const kind = (entry.toJSON() as { detail?: { kind?: number } }).detail?.kind;
    if (kind === constants.NODE_PERFORMANCE_GC_MINOR) gc.minor++;
    else if (kind === constants.NODE_PERFORMANCE_GC_MAJOR) gc.major++;
    gc.pauseMs += entry.duration;
  }
}).observe({ entryTypes: ['gc'] });

async function start(m: BotProcessStart): Promise<() => Promise<void>> {
  const opened: Db = m.database === 'pglite' ? await openPgliteThread(undefined) : await openPostgres(m.database);
  if (m.kind === 'floor') return startFloor(m, opened);
  const counting = countingDb(opened);
  const db = counting.db;
  statementCounts = counting.counts;
  await migrate(db);
  const set = loadEvalSet(m.dir);
  const records = [
    ...set.experiences,
    ...syntheticExperiences([...set.experiences, ...set.distractors], Math.max(0, m.experiences - set.experiences.length), 7, 'botbench'),
  ];
  const t0 = performance.now();
  const repository = new ExperienceRepository(db);
  for (let i = 0; i < records.length; i += 2000) await repository.upsertRecords(records.slice(i, i + 2000), { status: 'published' });
  if (m.database !== 'pglite') await db.exec('ANALYZE');
  const importSeconds = (performance.now() - t0) / 1000;

  const env = {
    LOG_LEVEL: 'warn',
    RATE_LIMIT_PER_MINUTE: '1000000',
    SEARCH_INDEX: m.searchIndex ?? 'memory',
    ...(m.llmBaseUrl ? { OPENAI_API_KEY: 'bench', OPENAI_BASE_URL: m.llmBaseUrl } : {}),
  };
  const app = await createApp(loadConfig(env), { db });
  // The emulator has no Telegram limits; throttling would measure the throttler, not the bot.
  await app.loadSearchIndex();
  const bot = createBot(m.token, { app }, { apiRoot: m.apiRoot, botInfo: m.botInfo, throttle: false });
  // Answers go out through the outbox, as in `start`; the emulator has no sending limit to keep.
  const senders = startSenders(app, outboxApi(m.token, m.apiRoot), { messagesPerSecond: 1_000_000, concurrency: 8 });
  const polling = await startPolling(bot, app.logger, { pollTimeoutSeconds: 1 });
  send({ type: 'ready', importSeconds, experiences: records.length });
  return async () => {
    await polling.stop();
    await senders.stop();
    await app.close();
    await db.close();
  };
}

async function startFloor(m: BotProcessStart, db: Db): Promise<() => Promise<void>> {
  await db.exec('CREATE TABLE floor_log (id bigserial PRIMARY KEY, text text NOT NULL)');
  const model = new OpenAI({ apiKey: 'bench', baseURL: m.llmBaseUrl ?? 'http://127.0.0.1:9/v1', maxRetries: 0 });
  const bot = new Bot(m.token, { client: { apiRoot: m.apiRoot }, botInfo: m.botInfo });
  bot.use(sequentialize((ctx) => ctx.chatId?.toString()));
  bot.on('message:text', async (ctx) => {
    for (let i = 0; i < (m.statements ?? 0); i++)
      await (i % 2 === 0
        ? db.query('INSERT INTO floor_log (text) VALUES ($1)', [ctx.message.text])
        : db.query('SELECT count(*) FROM floor_log WHERE id = $1', [i]));
    for (let i = 0; i < (m.llmCalls ?? 0); i++)
      await model.chat.completions.create({ model: 'bench', messages: [{ role: 'user', content: ctx.message.text }] });
    await ctx.reply(`echo: ${ctx.message.text}`, { reply_markup: { inline_keyboard: [[{ text: 'ok', callback_data: 'ok' }]] } });
  });
  const runner = run(bot, { runner: { fetch: { timeout: 1 } } });
  send({ type: 'ready', importSeconds: 0, experiences: 0 });
  return async () => {
    await runner.stop();
    await db.close();
  };
}

/**
 * Profiles from now until the returned function writes the profiles into `dir`: the CPU's, and
 * where memory was allocated (sampled, counting what the collector has since freed: that is the
 * garbage an answer leaves).
 */
async function startProfile(dir: string): Promise<() => Promise<void>> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('HeapProfiler.enable');
  await session.post('HeapProfiler.startSampling', {
    samplingInterval: 64 * 1024,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  });
  await session.post('Profiler.start');
  return async () => {
    const { profile } = await session.post('Profiler.stop');
    const { profile: allocations } = await session.post('HeapProfiler.stopSampling');
    mkdirSync(dir, { recursive: true });
    const name = `bot-${process.pid}-${Date.now()}`;
    writeFileSync(join(dir, `${name}.cpuprofile`), JSON.stringify(profile));
    writeFileSync(join(dir, `${name}.heapprofile`), JSON.stringify(allocations));
    session.disconnect();
  };
}

let stop: (() => Promise<void>) | undefined;
let profileDir: string | undefined;
let stopProfile: (() => Promise<void>) | undefined;
process.on('message', (m: BotProcessStart | { type: 'profile' } | { type: 'cpu' } | { type: 'stop' }) => {
  void (async () => {
    try {
      if (m.type === 'start') {
        const stopBot = await start(m);
        profileDir = m.profileDir;
        stop = async () => {
          await stopProfile?.();
          await stopBot();
        };
      } else if (m.type === 'profile') {
        if (profileDir && !stopProfile) stopProfile = await startProfile(profileDir);
        send({ type: 'profiling' });
      } else if (m.type === 'cpu') {
        const { user, system } = process.cpuUsage();
        send({
          type: 'cpu',
          userMs: user / 1000,
          systemMs: system / 1000,
          maxRssMb: process.resourceUsage().maxRSS / 1024,
          statements: statementCounts(),
          gc: { ...gc },
        });
      } else {
        await stop?.();
        process.send?.({ type: 'stopped' } satisfies BotProcessReply, () => process.exit(0));
      }
    } catch (e) {
      send({ type: 'failed', message: (e as Error).stack ?? String(e) });
    }
  })();
});
