import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.ts';
import { createBot } from '../../src/bot/bot.ts';
import { outboxApi } from '../../src/bot/outbox-sender.ts';
import { startSenders, type RunningSenders } from '../../src/bot/senders.ts';
import { loadConfig } from '../../src/config.ts';
import type { Db } from '../../src/db/db.ts';
import { startBotApiEmulator, type BotApiEmulator } from '../../src/emulator/index.ts';
import { startWebhook } from '../../src/web/serve.ts';
import { until } from '../helpers/bot-process.ts';
import { testDatabases } from '../helpers/db.ts';
import { anExperience } from '../helpers/experiences.ts';
import { unrelatedExperiences } from '../helpers/telegram-kb.ts';
import { plain } from '../helpers/telegram.ts';
import { postUpdate, privateMessageUpdate } from '../helpers/webhook.ts';

// Telegram's call is answered after this long (50 s in production, WEBHOOK_TIMEOUT_MS).
const TIMEOUT_MS = 300;
const SECRET = 'hook-secret';
const EXPERIENCE = anExperience();
const TITLE = { fa: EXPERIENCE.title, zh: EXPERIENCE.translations!.zh!.title, en: EXPERIENCE.translations!.en!.title };
const QUESTION = 'How do I pay a Chinese supplier through an exchange house?';

describe.each(testDatabases())('webhook mode on $name, an update still being handled when the call must be answered', (database) => {
  let db: Db;
  let app: App;
  let emulator: BotApiEmulator;
  let senders: RunningSenders;
  let stop: () => Promise<void>;
  let hook: string;

  beforeAll(async () => {
    db = await database.open();
    app = await createApp(loadConfig({ LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent' }), { db });
    await app.experiences.upsertRecords([EXPERIENCE, ...unrelatedExperiences()], { status: 'published' });
    await app.loadSearchIndex();
    emulator = await startBotApiEmulator();
    senders = startSenders(app, outboxApi(emulator.token, emulator.apiRoot));
    const bot = createBot(emulator.token, { app }, { apiRoot: emulator.apiRoot, botInfo: emulator.botInfo });
    const running = await startWebhook(bot, {
      db,
      logger: app.logger,
      url: 'https://bot.example.org/hook',
      secret: SECRET,
      port: 0,
      hostname: '127.0.0.1',
      timeoutMs: TIMEOUT_MS,
    });
    stop = () => running.stop();
    hook = `http://127.0.0.1:${running.port}/hook`;
  });
  afterAll(async () => {
    await stop?.();
    await senders?.stop();
    await emulator?.close();
    await app?.close();
    await db?.close();
  });

  const texts = (userId: number) => emulator.state.messages(userId).map((m) => plain(m.text));

  /** Runs `sql` in a transaction left open until `release`: the bot's statements wait behind it. */
  async function holdDatabase(sql: string): Promise<{ release: () => Promise<void> }> {
    let letGo!: () => void;
    const held = new Promise<void>((resolve) => (letGo = resolve));
    let ran!: () => void;
    const running = new Promise<void>((resolve) => (ran = resolve));
    const holding = db.transaction(async (tx) => {
      await tx.query(sql);
      ran();
      await held;
    });
    await running;
    return {
      release: async () => {
        letGo();
        await holding;
      },
    };
  }

  it('answers Telegram in time and still answers the member once when the database frees up', async () => {
    const user = { id: 9_101, first_name: 'Reza', language_code: 'en' };
    const update = privateMessageUpdate(user, 9_101, QUESTION);
    const { release } = await holdDatabase('LOCK TABLE processed_updates IN ACCESS EXCLUSIVE MODE');
    try {
      // Neither handled nor recorded in time: Telegram is asked to send it again rather than told it was received.
      expect((await postUpdate(hook, update, SECRET)).status).toBe(503);
      expect(texts(user.id)).toEqual([]);
    } finally {
      await release();
    }
    await until(() => texts(user.id).length === 1, 15_000, 'the answer');
    expect(texts(user.id)[0]).toContain(TITLE.en);
    // Telegram sends it again: it was handled meanwhile, so it is not answered twice.
    expect((await postUpdate(hook, update, SECRET)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 500));
    expect(texts(user.id)).toHaveLength(1);
  });

  it('records an update waiting behind a slow one of its chat before telling Telegram it was received', async () => {
    const user = { id: 9_150, first_name: 'Sara', language_code: 'en' };
    // The reply to /help is held: the question after it waits in memory, unclaimed, past the timeout.
    const letHelpGo = emulator.state.holdNext('sendMessage');
    const help = postUpdate(hook, privateMessageUpdate(user, 9_150, '/help'), SECRET);
    await until(() => emulator.state.calls.some((c) => c.method === 'sendMessage' && Number(c.params.chat_id) === user.id), 15_000, 'the reply to /help');
    const waiting = privateMessageUpdate(user, 9_151, `${QUESTION}\u0007`);
    expect((await postUpdate(hook, waiting, SECRET)).status).toBe(200);
    const [row] = await db.query<{ handler: string; text: string }>(
      "SELECT handler, unfinished->'message'->>'text' AS text FROM processed_updates WHERE update_id = 9151",
    );
    // Received by this process, not yet handled, and kept as at intake (without control characters).
    expect(row).toEqual({ handler: expect.stringMatching(/^received:/), text: QUESTION });
    letHelpGo();
    expect((await help).status).toBe(200);
    await until(() => texts(user.id).length === 2, 15_000, 'the answer after the help');
    expect(texts(user.id)[1]).toContain(TITLE.en);
  });

  it.each(['fa', 'zh', 'en'] as const)(
    'in %s: a failure after the call was answered still gets the member the apology, and the bot goes on',
    async (language) => {
      const user = { id: 9_200 + ['fa', 'zh', 'en'].indexOf(language), first_name: 'Mina', language_code: language };
      // Held until the call is answered; renamed back only after the claim waiting behind it failed.
      const { release } = await holdDatabase('ALTER TABLE processed_updates RENAME TO processed_updates_away');
      try {
        // Not recorded in time either (the table is held): Telegram is to send it again.
        expect((await postUpdate(hook, privateMessageUpdate(user, user.id, QUESTION), SECRET)).status).toBe(503);
      } finally {
        await release();
      }
      try {
        await until(() => texts(user.id).length === 1, 15_000, 'the apology');
        expect(texts(user.id)).toEqual([plain(app.translator.t(language, 'bot-error-apology'))]);
      } finally {
        await db.query('ALTER TABLE processed_updates_away RENAME TO processed_updates');
      }
      // The next question is answered as usual.
      expect((await postUpdate(hook, privateMessageUpdate(user, user.id + 1_000, QUESTION), SECRET)).status).toBe(200);
      await until(() => texts(user.id).length === 2, 15_000, 'the next answer');
      expect(texts(user.id)[1]).toContain(TITLE[language]);
    },
  );
});
