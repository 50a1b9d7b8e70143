import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { createBot } from '../../src/bot/bot.ts';
import { outboxApi } from '../../src/bot/outbox-sender.ts';
import { startPolling } from '../../src/bot/run.ts';
import { startSenders } from '../../src/bot/senders.ts';
import { loadConfig } from '../../src/config.ts';
import { openDatabase } from '../../src/db/open.ts';
import { startBotApiEmulator } from '../../src/emulator/index.ts';
import { startWebhook } from '../../src/web/serve.ts';
import { ExperienceRepository } from '../../src/knowledge/experiences/repository.ts';
import { anExperience } from '../helpers/experiences.ts';
import { until } from '../helpers/bot-process.ts';
import { createTestPostgresSchema, postgresUrl } from '../helpers/db.ts';
import { unrelatedExperiences } from '../helpers/telegram-kb.ts';
import { TelegramTest, type TestMember } from '../helpers/telegram.ts';
import { startTcpProxy, type TcpProxy } from '../helpers/tcp-proxy.ts';
import { postUpdate } from '../helpers/webhook.ts';

const EXPERIENCE = anExperience({ id: 'exp-outage-1' });
const TITLE = EXPERIENCE.translations!.en!.title;
/** A statement's limit here: a silent link fails a statement within it plus pg's 2 s margin. */
const STATEMENT_TIMEOUT_MS = 1_000;

/** A new schema holding the base, loaded over a connection of its own: the 1 s limit is for the bot's statements, and loading the base can take longer on a busy machine. */
async function seededSchema(): Promise<string> {
  const url = await createTestPostgresSchema();
  const db = await openDatabase({ kind: 'postgres', url });
  try {
    await new ExperienceRepository(db).upsertRecords([EXPERIENCE, ...unrelatedExperiences()], { status: 'published' });
  } finally {
    await db.close();
  }
  return url;
}

describe.skipIf(!postgresUrl)('PostgreSQL behind a link that breaks', () => {
  let proxy: TcpProxy;
  let tg: TelegramTest;
  beforeAll(async () => {
    const url = await seededSchema();
    const target = new URL(url);
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    tg = await TelegramTest.start({
      openDb: () => openDatabase({ kind: 'postgres', url: proxy.via(url), statementTimeoutMs: STATEMENT_TIMEOUT_MS, keepAliveMs: 1_000 }),
    });
  }, 60_000);
  afterAll(async () => {
    await proxy?.resume();
    await tg?.stop();
    await proxy?.close();
  });

  const willCome = () => tg.plainText('en', 'bot-answer-will-come');
  const texts = (member: TestMember) => member.history.map((m) => m.text);
  const answers = (member: TestMember) => texts(member).filter((t) => t.includes(TITLE));

  it('answers questions asked while the database refuses connections once it is back, and says once that the answer will come', async () => {
    const member = tg.member({ language_code: 'en' });
    await proxy.refuse();
    try {
      const first = tg.emulator.say(member.user, 'How do I pay a Chinese supplier through an exchange house?');
      const polls = tg.emulator.state.calls.length;
      await until(() => texts(member).includes(willCome()), 10_000, 'the notice');
      tg.emulator.say(member.user, 'And what does the exchange house charge for paying a supplier?');
      await new Promise((r) => setTimeout(r, 1_500));
      expect(texts(member)).toEqual([willCome()]);
      // Telegram was never told the question was handled: no getUpdates asked past it.
      const offsets = tg.emulator.state.calls.slice(polls).flatMap((c) => (c.method === 'getUpdates' ? [Number(c.params.offset)] : []));
      expect(Math.max(...offsets)).toBeLessThanOrEqual(first.update_id);
    } finally {
      await proxy.resume();
    }
    await until(() => answers(member).length === 2, 15_000, 'both answers');
    expect(texts(member).filter((t) => t === willCome())).toHaveLength(1);
    // Each question answered once, though Telegram gave them to the bot again.
    expect(texts(member)).toHaveLength(3);
  }, 40_000);

  it('answers at once after every connection was cut, when new ones work: the pool connects again, no notice', async () => {
    const member = tg.member({ language_code: 'en' });
    proxy.cut();
    // The pool hears of its idle connections' end before the question comes.
    await new Promise((r) => setTimeout(r, 300));
    tg.emulator.say(member.user, 'How do I pay a Chinese supplier through an exchange house?');
    await until(() => answers(member).length === 1, 15_000, 'the answer');
    expect(texts(member)).toHaveLength(1);
  }, 40_000);

  it('while the link is silent: a question fails within the statement deadline, not the whole outage, and is answered after it with the next ones', async () => {
    const member = tg.member({ language_code: 'en' });
    const other = tg.member({ language_code: 'en' });
    proxy.silence();
    let notified: number;
    try {
      const asked = Date.now();
      tg.emulator.say(member.user, 'How do I pay a Chinese supplier through an exchange house?');
      await until(() => texts(member).includes(willCome()), 15_000, 'the notice');
      notified = Date.now() - asked;
      // Within the statement deadline and pg's margin (and a connection attempt's 5 s), not the outage.
      expect(notified).toBeLessThan(STATEMENT_TIMEOUT_MS + 2_000 + 5_000 + 1_000);
      tg.emulator.say(member.user, 'And what does the exchange house charge for paying a supplier?');
      tg.emulator.say(other.user, 'How do I pay a Chinese supplier through an exchange house?');
      // Others who write meanwhile are told too, without their updates being taken.
      await until(() => texts(other).includes(willCome()), 10_000, "the other member's notice");
      await new Promise((r) => setTimeout(r, 2_000));
      expect(texts(member)).toEqual([willCome()]);
    } finally {
      await proxy.resume();
    }
    const resumed = Date.now();
    await until(() => answers(member).length === 2 && answers(other).length === 1, 20_000, 'every answer');
    // Not queued behind a hung statement: the answers come within seconds of the link.
    expect(Date.now() - resumed).toBeLessThan(10_000);
    expect(texts(member)).toHaveLength(3);
    expect(texts(other)).toHaveLength(2);
  }, 60_000);
});

describe.skipIf(!postgresUrl)('a restart during a database outage', () => {
  it('loses no question: the next process fetches it from Telegram again and answers it', async () => {
    const url = await seededSchema();
    const target = new URL(url);
    const proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    const db = await openDatabase({ kind: 'postgres', url: proxy.via(url), statementTimeoutMs: STATEMENT_TIMEOUT_MS, keepAliveMs: 1_000 });
    const app = await createApp(loadConfig({ LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent' }), { db });
    await app.loadSearchIndex();
    const emulator = await startBotApiEmulator({ holdMs: 200 });
    // Answers go out through the outbox, whichever process queued them.
    const senders = startSenders(app, outboxApi(emulator.token, emulator.apiRoot));
    const user = { id: 888, first_name: 'Sami', language_code: 'en' };
    const texts = () =>
      emulator.state
        .messages(user.id)
        .filter((m) => m.from === 'bot')
        .map((m) => m.text);
    const poll = async () => {
      const bot = createBot(emulator.token, { app }, { apiRoot: emulator.apiRoot, botInfo: emulator.botInfo });
      return startPolling(bot, app.logger, { pollTimeoutSeconds: 1 });
    };
    let second: Awaited<ReturnType<typeof poll>> | undefined;
    try {
      const first = await poll();
      await proxy.refuse();
      emulator.say(user, 'How do I pay a Chinese supplier through an exchange house?');
      await until(() => texts().length === 1, 10_000, 'the notice');
      // The process stops (a deploy, a crash) while the database is still away.
      await first.stop();
      await proxy.resume();
      second = await poll();
      await until(() => texts().length === 2, 15_000, 'the answer from the next process');
      expect(texts()[1]).toContain(TITLE);
    } finally {
      await proxy.resume();
      await second?.stop();
      await senders.stop();
      await emulator.close();
      await app.close();
      await db.close();
      await proxy.close();
    }
  }, 60_000);
});

describe.skipIf(!postgresUrl)('webhook mode, PostgreSQL refusing connections', () => {
  it('answers 503 while the database is down, so Telegram sends the update again, tells the member once, and answers the retry once it is back', async () => {
    const url = await seededSchema();
    const target = new URL(url);
    const proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    const db = await openDatabase({ kind: 'postgres', url: proxy.via(url), statementTimeoutMs: STATEMENT_TIMEOUT_MS, keepAliveMs: 1_000 });
    const app = await createApp(loadConfig({ LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent' }), { db });
    await app.loadSearchIndex();
    const emulator = await startBotApiEmulator();
    const senders = startSenders(app, outboxApi(emulator.token, emulator.apiRoot));
    const bot = createBot(emulator.token, { app }, { apiRoot: emulator.apiRoot, botInfo: emulator.botInfo });
    const running = await startWebhook(bot, {
      db,
      logger: app.logger,
      url: 'https://bot.example.org/hook',
      secret: 'hook-secret',
      port: 0,
      hostname: '127.0.0.1',
    });
    const user = { id: 777, first_name: 'Reza', language_code: 'en' };
    const update = {
      update_id: 5001,
      message: {
        message_id: 1,
        date: Math.floor(Date.now() / 1000),
        chat: { id: user.id, type: 'private', first_name: user.first_name },
        from: { ...user, is_bot: false },
        text: 'How do I pay a Chinese supplier through an exchange house?',
      },
    };
    const post = () => postUpdate(`http://127.0.0.1:${running.port}/hook`, update, 'hook-secret');
    const texts = () => emulator.state.messages(user.id).map((m) => m.text.replace(/[\u2068\u2069]/g, ''));
    try {
      await proxy.refuse();
      expect((await post()).status).toBe(503);
      expect((await post()).status).toBe(503);
      expect(texts()).toEqual([app.translator.t('en', 'bot-answer-will-come').replace(/[\u2068\u2069]/g, '')]);
      await proxy.resume();
      expect((await post()).status).toBe(200);
      await until(() => texts().length === 2, 15_000, 'the answer');
      expect(texts()[1]).toContain(TITLE);
      // A retry after that is the same update: not answered twice.
      expect((await post()).status).toBe(200);
      await new Promise((r) => setTimeout(r, 1_000));
      expect(texts()).toHaveLength(2);
    } finally {
      await proxy.resume();
      await running.stop();
      await senders.stop();
      await emulator.close();
      await app.close();
      await db.close();
      await proxy.close();
    }
  }, 60_000);
});
