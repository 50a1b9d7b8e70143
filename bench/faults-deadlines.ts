/**
 * Deadline and outage figures for `npm run bench -- faults` (scenarios of bench/faults.ts):
 * - how long after a PostgreSQL outage ends a question asked during it is answered (the link cut
 *   by a TCP proxy: connections refused, or silent);
 * - the worst wait of other members while one chat's model call stalls.
 * Both run the real bot polling the Bot API emulator, over real sockets.
 */
import { createApp, type App } from '../src/app.ts';
import { createBot } from '../src/bot/bot.ts';
import { outboxApi } from '../src/bot/outbox-sender.ts';
import { startPolling, type RunningBot } from '../src/bot/run.ts';
import { startSenders } from '../src/bot/senders.ts';
import { loadConfig } from '../src/config.ts';
import type { Db } from '../src/db/db.ts';
import { migrate } from '../src/db/migrate.ts';
import { openDatabase } from '../src/db/open.ts';
import { openPgliteThread } from '../src/db/pglite-worker.ts';
import { startBotApiEmulator, type BotApiEmulator, type EmulatedUser } from '../src/emulator/index.ts';
import { anExperience } from '../tests/helpers/experiences.ts';
import { startFakeOpenAi } from '../tests/helpers/fake-openai.ts';
import { unrelatedExperiences } from '../tests/helpers/telegram-kb.ts';
import { startTcpProxy } from '../tests/helpers/tcp-proxy.ts';
import { benchSchema, logger } from './support.ts';

const QUESTION = 'How do I pay a Chinese supplier through an exchange house?';
const EXPERIENCES = [anExperience({ id: 'exp-bench-faults-1' }), ...unrelatedExperiences()];

interface RunningTestBot {
  app: App;
  emulator: BotApiEmulator;
  stop(): Promise<void>;
}

async function runBot(db: Db, env: Record<string, string>): Promise<RunningTestBot> {
  const app = await createApp(loadConfig({ LOG_LEVEL: 'silent', ...env }), { db, logger });
  await app.experiences.upsertRecords(EXPERIENCES, { status: 'published' });
  await app.loadSearchIndex();
  const emulator = await startBotApiEmulator({ holdMs: 200 });
  const bot = createBot(emulator.token, { app }, { apiRoot: emulator.apiRoot, botInfo: emulator.botInfo, throttle: false });
  // Answers reach members through the outbox, as in `start`.
  const senders = startSenders(app, outboxApi(emulator.token, emulator.apiRoot));
  const running: RunningBot = await startPolling(bot, app.logger, { pollTimeoutSeconds: 1 });
  return {
    app,
    emulator,
    async stop() {
      await running.stop();
      await senders.stop();
      await emulator.close();
      await app.close();
    },
  };
}

const botReplies = (emulator: BotApiEmulator, user: EmulatedUser) => emulator.state.messages(user.id).filter((m) => m.from === 'bot');

async function until(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export interface DatabaseCutResult {
  mode: 'refuse' | 'silence';
  cutMs: number;
  /** From the question to "the answer will come". */
  noticeMs: number;
  /** From the link's return to the answer. */
  answeredAfterMs: number;
}

/**
 * A question asked while PostgreSQL is cut off for `cutMs` (the proxy refusing connections, or
 * silent): when the member is told the answer will come, and how long after the link is back the
 * answer arrives.
 */
export async function timeToAnswerAfterDatabaseCut(options: {
  postgresUrl: string;
  cutMs?: number;
  mode?: 'refuse' | 'silence';
  statementTimeoutMs?: number;
}): Promise<DatabaseCutResult> {
  const cutMs = options.cutMs ?? 60_000;
  const mode = options.mode ?? 'refuse';
  const schema = await benchSchema(options.postgresUrl);
  const target = new URL(schema.url);
  const proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
  const db = await openDatabase({
    kind: 'postgres',
    url: proxy.via(schema.url),
    statementTimeoutMs: options.statementTimeoutMs ?? 15_000,
    keepAliveMs: 10_000,
  });
  const bot = await runBot(db, {});
  const user: EmulatedUser = { id: 4242, first_name: 'Bench', language_code: 'en' };
  try {
    if (mode === 'refuse') await proxy.refuse();
    else proxy.silence();
    const asked = Date.now();
    bot.emulator.say(user, QUESTION);
    await until(() => botReplies(bot.emulator, user).length >= 1, cutMs + 60_000, 'the notice');
    const noticeMs = Date.now() - asked;
    await new Promise((r) => setTimeout(r, Math.max(0, cutMs - (Date.now() - asked))));
    await proxy.resume();
    const back = Date.now();
    await until(() => botReplies(bot.emulator, user).length >= 2, 120_000, 'the answer');
    return { mode, cutMs, noticeMs, answeredAfterMs: Date.now() - back };
  } finally {
    await proxy.resume();
    await bot.stop();
    await db.close();
    await proxy.close();
    await schema.drop();
  }
}

export interface StalledModelResult {
  members: number;
  budgetMs: number;
  /** Other members' waits from question to answer, while one chat's model call stalls. */
  worstMs: number;
  medianMs: number;
  /** The stalled chat's own wait (about the budget: it gets the answer from the experiences). */
  stalledChatMs: number;
}

/**
 * One member's model call stalls (headers, then nothing); meanwhile `members` others ask
 * questions the model answers at once. How long do they wait?
 */
export async function worstWaitWhileModelStalls(options: { members?: number; budgetMs?: number } = {}): Promise<StalledModelResult> {
  const members = options.members ?? 20;
  const budgetMs = options.budgetMs ?? 30_000;
  const llm = await startFakeOpenAi();
  // The stalled member's question carries a word no other has.
  llm.onChat((r) =>
    r.messages.some((m) => m.content.includes('stall-marker'))
      ? { stallAfterHeaders: true }
      : { content: r.messages.some((m) => /you translate/i.test(m.content)) ? '{}' : 'Pay through a licensed exchange house.' },
  );
  const db = await openPgliteThread(undefined);
  await migrate(db);
  const bot = await runBot(db, {
    OPENAI_API_KEY: 'sk-bench',
    OPENAI_BASE_URL: llm.baseURL,
    OPENAI_TIMEOUT_MS: String(budgetMs * 2),
    QUESTION_BUDGET_MS: String(budgetMs),
  });
  try {
    const stalled: EmulatedUser = { id: 5000, first_name: 'Stalled', language_code: 'en' };
    const stalledAsked = Date.now();
    bot.emulator.say(stalled, `${QUESTION} stall-marker`);
    await until(() => llm.chatRequests().length > 0, 10_000, 'the stalled call');
    const waits = await Promise.all(
      Array.from({ length: members }, async (_, i) => {
        const user: EmulatedUser = { id: 6000 + i, first_name: `Other${i}`, language_code: 'en' };
        const asked = Date.now();
        bot.emulator.say(user, QUESTION);
        await until(() => botReplies(bot.emulator, user).length >= 1, budgetMs * 3, `member ${i}'s answer`);
        return Date.now() - asked;
      }),
    );
    await until(() => botReplies(bot.emulator, stalled).length >= 1, budgetMs * 3, "the stalled member's answer");
    const stalledChatMs = Date.now() - stalledAsked;
    const sorted = [...waits].sort((a, b) => a - b);
    return { members, budgetMs, worstMs: sorted.at(-1) ?? 0, medianMs: sorted[Math.floor(sorted.length / 2)] ?? 0, stalledChatMs };
  } finally {
    await bot.stop();
    await db.close();
    await llm.close();
  }
}
