import { afterEach, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.ts';
import { createBot } from '../../src/bot/bot.ts';
import { startPolling, TelegramRefusedError, type RunningBot } from '../../src/bot/run.ts';
import { loadConfig } from '../../src/config.ts';
import type { Db } from '../../src/db/db.ts';
import { startBotApiEmulator, type BotApiEmulator } from '../../src/emulator/index.ts';
import { memoryLogger, type LogLine } from '../ai/support.ts';
import { until } from '../helpers/bot-process.ts';
import { openTestPglite } from '../helpers/db.ts';

const user = { id: 601, first_name: 'Lin', language_code: 'en' };
const cleanup: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step().catch(() => {});
});

/** The bot polling an emulator, logging into memory. */
async function pollingBot(giveUpAfterMs: number): Promise<{ emulator: BotApiEmulator; app: App; db: Db; running: RunningBot; lines: LogLine[] }> {
  const emulator = await startBotApiEmulator({ holdMs: 200 });
  const db = await openTestPglite();
  const log = memoryLogger();
  const app = await createApp(loadConfig({}), { db, logger: log.logger });
  const bot = createBot(emulator.token, { app }, { apiRoot: emulator.apiRoot, botInfo: emulator.botInfo });
  const running = await startPolling(bot, app.logger, { pollTimeoutSeconds: 1, giveUpAfterMs });
  cleanup.push(
    () => db.close(),
    () => app.close(),
    () => running.stop(),
  );
  return { emulator, app, db, running, lines: log.lines };
}

const failures = (lines: LogLine[]) => lines.filter((l) => l.msg === 'fetching updates from Telegram failed; retrying');

it('warns when Telegram cannot be reached (with the cause), not again within the minute, says when it is back, and polls again within seconds', async () => {
  const { emulator, lines } = await pollingBot(60_000);
  const port = Number(new URL(emulator.apiRoot).port);
  await emulator.close();

  await until(() => failures(lines).length > 0, 5_000, 'the warning');
  const [warning] = failures(lines);
  expect(warning!.level).toBe(40);
  expect(JSON.stringify(warning)).toMatch(/ECONNREFUSED|fetch failed|Network request/);
  // Refused connections fail at once; the bot keeps trying, quietly.
  await new Promise((r) => setTimeout(r, 4_000));
  expect(failures(lines)).toHaveLength(1);

  const back = await startBotApiEmulator({ holdMs: 200, port, firstUpdateId: 100 });
  cleanup.push(() => back.close());
  back.say(user, '/help');
  const waited = await until(() => back.state.messages(user.id).some((m) => m.from === 'bot'), 10_000, 'the answer after Telegram came back');
  expect(waited).toBeLessThan(5_000);
  expect(lines.some((l) => l.level === 30 && l.msg === 'Telegram answers again; polling resumed')).toBe(true);
}, 30_000);

it('gives up after TELEGRAM_GIVE_UP_AFTER when connections are refused, saying why', async () => {
  const { emulator, running } = await pollingBot(1_500);
  await emulator.close();
  const started = Date.now();
  const error = await Promise.race([running.failed.catch((e: unknown) => e), new Promise((r) => setTimeout(() => r('still polling'), 10_000))]);
  expect(error).toBeInstanceOf(TelegramRefusedError);
  expect((error as Error).message).toMatch(/Telegram could not be reached for \d+ s \(TELEGRAM_GIVE_UP_AFTER; last error: .+\)\. The bot has stopped/);
  expect(Date.now() - started).toBeLessThan(6_000);
}, 20_000);

it('waits out a Telegram 5xx on getUpdates and answers after it', async () => {
  const { emulator, lines } = await pollingBot(60_000);
  for (let i = 0; i < 3; i++) emulator.state.failNext('getUpdates', 502, 'Bad Gateway');
  emulator.say(user, '/help');
  await until(() => emulator.state.messages(user.id).some((m) => m.from === 'bot'), 10_000, 'the answer');
  expect(failures(lines)).toHaveLength(1);
  expect(JSON.stringify(failures(lines)[0])).toContain('Bad Gateway');
}, 20_000);
