import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.ts';
import { startBotApiEmulator, type BotApiEmulator } from '../../src/emulator/index.ts';
import { parseTelegramHtml } from '../../src/emulator/telegram-html.ts';
import { createOutboxSender, outboxApi } from '../../src/bot/outbox-sender.ts';
import { createSendBudget } from '../../src/bot/send-budget.ts';
import { loadConfig } from '../../src/config.ts';
import type { Db } from '../../src/db/db.ts';
import { migrate } from '../../src/db/migrate.ts';
import { openPostgres } from '../../src/db/postgres.ts';
import { createJobRunner } from '../../src/jobs/runner.ts';
import { createLogger } from '../../src/log.ts';
import { createTestPostgresSchema, postgresUrl, testDatabases } from '../helpers/db.ts';
import { plain, TelegramTest } from '../helpers/telegram.ts';

const KEY = 'notify-experience-published';
const TITLE = 'Paying a supplier via <Dubai> & back';

interface JobRow {
  attempts: number;
  last_error: string | null;
  failed_at: Date | null;
  done_at: Date | null;
  delay_s: number;
  result: { messageIds?: number[] } | null;
}
const outboundJobs = (db: Db, memberId: number) =>
  db.query<JobRow>(
    `SELECT attempts, last_error, failed_at, done_at, result, extract(epoch FROM run_at - last_error_at)::float8 AS delay_s
     FROM jobs WHERE kind = 'outbound-message' AND (payload->'recipient'->>'memberId')::bigint = $1 ORDER BY id`,
    [memberId],
  );
const timePasses = (db: Db) => db.query('UPDATE jobs SET run_at = now() WHERE done_at IS NULL AND failed_at IS NULL');

describe.each(testDatabases())('notifications through the outbox on $name', ({ open }) => {
  let db: Db;
  let app: App;
  let emulator: BotApiEmulator;

  // One database for the file: each test has a member of its own.
  beforeAll(async () => {
    db = await open();
    app = await createApp(loadConfig({ LOG_LEVEL: 'silent' }), { db });
    emulator = await startBotApiEmulator();
  });
  afterAll(async () => {
    await emulator?.close();
    await app?.close();
    await db?.close();
  });

  const sender = () =>
    createJobRunner({
      db,
      logger: app.logger,
      handlers: createOutboxSender({
        db,
        api: outboxApi(emulator.token, emulator.apiRoot),
        translator: app.translator,
        giveUpAfterMs: app.config.deliveryGiveUpAfterMs,
      }),
    });
  const member = async (telegramId: number, language?: 'fa' | 'zh' | 'en') => {
    const m = await app.community.members.upsertFromTelegram({ telegramId, name: 'Sara' });
    if (language) await app.community.members.setLanguage(m.id, language);
    return m;
  };
  const botMessages = (chatId: number) => emulator.state.messages(chatId).filter((m) => m.from === 'bot');
  const expected = (language: 'fa' | 'zh' | 'en') => plain(parseTelegramHtml(app.translator.t(language, KEY, { title: escaped(TITLE) })));

  it('delivers a notification once, in the language the member chose, with its values as written', async () => {
    const sara = await member(7001, 'fa');
    await db.transaction((tx) => app.notifier.notify({ memberId: sara.id }, KEY, { title: TITLE }, tx));

    expect(await sender().runDue()).toBe(1);
    expect(await sender().runDue()).toBe(0);
    const sent = botMessages(7001);
    expect(sent).toHaveLength(1);
    expect(plain(sent[0]!.text)).toBe(expected('fa'));
    expect(plain(sent[0]!.text)).toContain(TITLE);
    const [job] = await outboundJobs(db, sara.id);
    expect(job!.done_at).not.toBeNull();
    expect(job!.result?.messageIds).toEqual([sent[0]!.message_id]);
  });

  it("writes to a member who never chose a language in their Telegram app's language, until they choose one", async () => {
    const li = await app.community.members.upsertFromTelegram({ telegramId: 7010, name: 'Li', language: 'zh' });
    await app.notifier.notify({ memberId: li.id }, KEY, { title: TITLE });
    await sender().runDue();
    expect(plain(botMessages(7010)[0]!.text)).toBe(expected('zh'));

    await app.community.members.setLanguage(li.id, 'fa');
    await app.notifier.notify({ memberId: li.id }, KEY, { title: TITLE });
    await sender().runDue();
    expect(plain(botMessages(7010)[1]!.text)).toBe(expected('fa'));
  });

  it('sends nothing when the transaction that queued it rolls back', async () => {
    const sara = await member(7002, 'zh');
    await expect(
      db.transaction(async (tx) => {
        await app.notifier.notify({ memberId: sara.id }, KEY, { title: TITLE }, tx);
        throw new Error('publishing failed');
      }),
    ).rejects.toThrow('publishing failed');
    expect(await sender().runDue()).toBe(0);
    expect(botMessages(7002)).toHaveLength(0);
  });

  it('waits as long as Telegram says after a 429, without counting it as a failed attempt, then sends once', async () => {
    const sara = await member(7003, 'en');
    await app.notifier.notify({ memberId: sara.id }, KEY, { title: TITLE });
    emulator.state.failNext('sendMessage', 429, 'Too Many Requests: retry after 7', { retry_after: 7 });

    expect(await sender().runDue()).toBe(1);
    expect(botMessages(7003)).toHaveLength(0);
    expect((await outboundJobs(db, sara.id))[0]).toMatchObject({ attempts: 0, delay_s: 7, failed_at: null, done_at: null });
    expect(await sender().runDue()).toBe(0);

    await timePasses(db);
    expect(await sender().runDue()).toBe(1);
    expect(botMessages(7003)).toHaveLength(1);
    expect(plain(botMessages(7003)[0]!.text)).toBe(expected('en'));
  });

  it("keeps a message to a member who blocked the bot as failed at once, with Telegram's error", async () => {
    const sara = await member(7004, 'en');
    await app.notifier.notify({ memberId: sara.id }, KEY, { title: TITLE });
    emulator.state.failNext('sendMessage', 403, 'Forbidden: bot was blocked by the user');
    await sender().runDue();
    const [job] = await outboundJobs(db, sara.id);
    expect(job!.failed_at).not.toBeNull();
    expect(job!.attempts).toBe(1);
    expect(job!.last_error).toContain('Forbidden: bot was blocked by the user');
  });

  it('resumes a notification too long for one message at the part Telegram failed, never sending an earlier part again', async () => {
    const sara = await member(7006, 'en');
    // A message whose one value runs over Telegram's 4,096 characters (outside any tag, which a part must not cut).
    const who = 'Paying a supplier via Dubai '.repeat(300).trim();
    await app.notifier.notify({ memberId: sara.id }, 'bot-story-contributor', { who });
    const off = emulator.subscribe((a) => {
      if (a.kind === 'message' && a.message.chat_id === 7006) {
        emulator.state.failNext('sendMessage', 502, 'Bad Gateway');
        off();
      }
    });
    expect(await sender().runDue()).toBe(1);
    expect(botMessages(7006)).toHaveLength(1);
    await timePasses(db);
    expect(await sender().runDue()).toBe(1);
    const sent = botMessages(7006);
    expect(sent.length).toBeGreaterThan(1);
    const calls = emulator.state.calls.filter((c) => c.method === 'sendMessage' && Number(c.params.chat_id) === 7006);
    // Each part once, and the failed try of the second.
    expect(calls).toHaveLength(sent.length + 1);
    expect(new Set(sent.map((m) => m.text)).size).toBe(sent.length);
    expect(plain(sent.map((m) => m.text).join(' '))).toContain(who.slice(-200));
    const [job] = await outboundJobs(db, sara.id);
    expect(job!.result?.messageIds).toEqual(sent.map((m) => m.message_id));
  });

  it('does not write to a member who used /forget', async () => {
    const sara = await member(7005, 'en');
    await app.notifier.notify({ memberId: sara.id }, KEY, { title: TITLE });
    await db.query('UPDATE members SET forgotten_at = now() WHERE id = $1', [sara.id]);
    await sender().runDue();
    expect(botMessages(7005)).toHaveLength(0);
  });
});

/** The value as HTML text, written out here rather than trusting the code under test. */
const escaped = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

describe.runIf(postgresUrl)('two sending processes on one PostgreSQL database', () => {
  const dbs: Db[] = [];
  afterEach(async () => {
    await Promise.all(dbs.splice(0).map((db) => db.close()));
  });

  it('share one budget of messages per second, and send each message once', async () => {
    const url = await createTestPostgresSchema();
    const [a, b] = [await openPostgres(url), await openPostgres(url)];
    dbs.push(a, b);
    await migrate(a);
    const app = await createApp(loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: url }), { db: a });
    const emulator = await startBotApiEmulator();
    try {
      const recipients = Array.from({ length: 7 }, (_, i) => 7100 + i);
      for (const telegramId of recipients) {
        const m = await app.community.members.upsertFromTelegram({ telegramId, name: 'M' });
        await app.notifier.notify({ memberId: m.id }, KEY, { title: TITLE });
      }
      const process = (db: Db) =>
        createJobRunner({
          db,
          logger: createLogger('silent'),
          handlers: createOutboxSender({
            db,
            api: outboxApi(emulator.token, emulator.apiRoot),
            translator: app.translator,
            budget: createSendBudget(db, 3),
            giveUpAfterMs: app.config.deliveryGiveUpAfterMs,
          }),
        });
      // Two loops in each process.
      await Promise.all([process(a).runDue(), process(a).runDue(), process(b).runDue(), process(b).runDue()]);
      for (const chatId of recipients) expect(emulator.state.messages(chatId).filter((m) => m.from === 'bot')).toHaveLength(1);
      const seconds = await a.query<{ used: number }>('SELECT used FROM telegram_send_budget');
      expect(seconds.reduce((sum, s) => sum + s.used, 0)).toBe(7);
      expect(Math.max(...seconds.map((s) => s.used))).toBeLessThanOrEqual(3);
    } finally {
      await emulator.close();
      await app.close();
    }
  });
});

describe('the language of what the bot sends on its own', () => {
  it("follows the member's Telegram app when they never chose one with /language", async () => {
    const tg = await TelegramTest.start();
    try {
      const member = tg.member({ language_code: 'zh' });
      await member.says('/start');
      const stored = await tg.app.community.members.getByTelegramId(member.user.id);
      expect(stored?.language).toBeUndefined();
      await tg.app.notifier.notify({ memberId: stored!.id }, KEY, { title: TITLE });
      await tg.outboxSent();
      expect(plain(member.history.at(-1)!.text)).toBe(plain(parseTelegramHtml(tg.app.translator.t('zh', KEY, { title: escaped(TITLE) }))));
    } finally {
      await tg.stop();
    }
  });
});
