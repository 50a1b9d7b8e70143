import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.ts';
import { createBot } from '../../src/bot/bot.ts';
import { commandList, GROUP_COMMANDS, registerCommands } from '../../src/bot/commands.ts';
import { startBotApiEmulator, type BotApiEmulator } from '../../src/emulator/index.ts';
import { startWebhook } from '../../src/web/serve.ts';
import { migrate } from '../../src/db/migrate.ts';
import { openPostgres } from '../../src/db/postgres.ts';
import { loadConfig } from '../../src/config.ts';
import type { Db } from '../../src/db/db.ts';
import { freePort, spawnProgram, until } from '../helpers/bot-process.ts';
import { createTestPostgresSchema, freshDataDir, openTestPglite, postgresUrl } from '../helpers/db.ts';
import { plain } from '../helpers/telegram.ts';
import { postUpdate, privateMessageUpdate } from '../helpers/webhook.ts';

/** What `start` logs when a stop signal arrives (src/cli/start.ts). */
const STOPPING = 'stopping: finishing the updates in hand';

const user = { id: 501, first_name: 'Sara', language_code: 'en' };
const messageUpdate = (updateId: number, text: string) => privateMessageUpdate(user, updateId, text);

/** The bot of one process, on either database. */
const webhookSetups = [
  {
    name: 'one thread, embedded database',
    async open() {
      const db = await openTestPglite();
      const app = await createApp(loadConfig({ LOG_LEVEL: 'silent' }), { db });
      return { db, app };
    },
  },
  ...(postgresUrl
    ? [
        {
          name: 'PostgreSQL',
          async open() {
            const url = await createTestPostgresSchema();
            const db = await openPostgres(url);
            await migrate(db);
            const app = await createApp(loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: url }), { db });
            return { db, app };
          },
        },
      ]
    : []),
];

describe.each(webhookSetups)('webhook mode ($name)', (setup) => {
  let emulator: BotApiEmulator;
  let db: Db;
  let app: App;
  let stop: () => Promise<void>;
  let base: string;

  beforeAll(async () => {
    emulator = await startBotApiEmulator();
    ({ db, app } = await setup.open());
    await app.loadSearchIndex();
    const bot = createBot(emulator.token, { app }, { apiRoot: emulator.apiRoot, botInfo: emulator.botInfo });
    await registerCommands(bot.api, app.translator);
    const running = await startWebhook(bot, {
      db,
      logger: app.logger,
      url: 'https://bot.example.org/telegram/hook',
      secret: 'right-secret',
      port: 0,
      hostname: '127.0.0.1',
    });
    stop = () => running.stop();
    base = `http://127.0.0.1:${running.port}`;
  });
  afterAll(async () => {
    await stop?.();
    await emulator?.close();
    await app?.close();
    await db?.close();
  });

  const post = (update: unknown, secret?: string) => postUpdate(`${base}/telegram/hook`, update, secret);
  const botMessages = () => emulator.state.messages(user.id).filter((m) => m.from === 'bot');

  it('registers the webhook with its secret', () => {
    const call = emulator.state.calls.find((c) => c.method === 'setWebhook');
    expect(call?.params).toMatchObject({ url: 'https://bot.example.org/telegram/hook', secret_token: 'right-secret' });
  });

  it('refuses calls without the right secret (401) and handles the right one', async () => {
    expect((await post(messageUpdate(1, '/help'))).status).toBe(401);
    expect((await post(messageUpdate(2, '/help'), 'wrong-secret')).status).toBe(401);
    expect(botMessages()).toHaveLength(0);
    expect((await post(messageUpdate(3, '/help'), 'right-secret')).status).toBe(200);
    expect(botMessages().map((m) => plain(m.text))).toEqual([
      app.translator
        .t('en', 'bot-help')
        .replace(/<\/?b>/g, '')
        .replace(/[\u2068\u2069]/g, ''),
    ]);
  });

  it('answers an update Telegram sends twice only once', async () => {
    const before = botMessages().length;
    expect((await post(messageUpdate(4, '/privacy'), 'right-secret')).status).toBe(200);
    expect((await post(messageUpdate(4, '/privacy'), 'right-secret')).status).toBe(200);
    expect(botMessages()).toHaveLength(before + 1);
  });

  it('serves /healthz and /readyz beside the webhook', async () => {
    for (const path of ['/healthz', '/readyz']) {
      const res = await fetch(`${base}${path}`);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ ok: true });
    }
  });

  it('answers a call whose body is not JSON with 400, not as a failure of ours', async () => {
    const res = await fetch(`${base}/telegram/hook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': 'right-secret' },
      body: '{"update_id": 9, "message": ',
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: 'The request body is not valid JSON.', requestId: res.headers.get('x-request-id') });
  });

  it('registers the command menu in fa, zh and en, and a default', () => {
    const all = emulator.state.calls.filter((c) => c.method === 'setMyCommands');
    const calls = all.filter((c) => c.params.scope === undefined);
    expect(calls.map((c) => (c.params.language_code as string | undefined) ?? 'default').sort()).toEqual(['default', 'en', 'fa', 'zh']);
    for (const language of ['fa', 'zh', 'en'] as const) {
      expect(calls.find((c) => c.params.language_code === language)?.params.commands).toEqual(commandList(app.translator, language));
    }
    // Group chats get their own menu: /ask and /settings.
    const inGroups = all.filter((c) => JSON.stringify(c.params.scope) === JSON.stringify({ type: 'all_group_chats' }));
    expect(inGroups.map((c) => (c.params.language_code as string | undefined) ?? 'default').sort()).toEqual(['default', 'en', 'fa', 'zh']);
    for (const language of ['fa', 'zh', 'en'] as const) {
      expect(inGroups.find((c) => c.params.language_code === language)?.params.commands).toEqual(commandList(app.translator, language, GROUP_COMMANDS));
    }
  });
});

describe('`sme-bridge start` with BOT_TOKEN (long polling)', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = freshDataDir();
  });
  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  const setups = [
    { name: 'on the embedded database', env: async () => ({ DATA_DIR: dataDir }) },
    // The pool's connections must be closed before the process can exit.
    ...(postgresUrl ? [{ name: 'on PostgreSQL', env: async () => ({ DATABASE_URL: await createTestPostgresSchema() }) }] : []),
  ];
  it.each(setups)(
    'answers, serves /healthz and /readyz, and on SIGTERM finishes the update in hand, then exits 0 with nothing left open ($name)',
    async (setup) => {
      const emulator = await startBotApiEmulator();
      const port = await freePort();
      const bot = spawnProgram(['start'], {
        BOT_TOKEN: emulator.token,
        TELEGRAM_API_ROOT: emulator.apiRoot,
        // info: the line saying it is stopping tells the test when to let Telegram answer.
        LOG_LEVEL: 'info',
        PORT: String(port),
        ...(await setup.env()),
      });
      try {
        await until(() => emulator.state.calls.some((c) => c.method === 'getUpdates'), 150_000, 'the bot to start polling');
        expect(emulator.state.calls.filter((c) => c.method === 'setMyCommands')).toHaveLength(8);
        // Long polling has an HTTP face too, for a supervisor or a load balancer to ask.
        for (const path of ['/healthz', '/readyz']) expect((await fetch(`http://127.0.0.1:${port}${path}`)).status).toBe(200);

        emulator.say(user, '/help');
        await until(() => emulator.state.messages(user.id).some((m) => m.from === 'bot'), 20_000, 'the /help reply');

        // Telegram holds the answer: the stop arrives while the question is in hand.
        const release = emulator.state.holdNext('sendMessage');
        const sentBefore = emulator.state.calls.filter((c) => c.method === 'sendMessage').length;
        emulator.say(user, 'How do I pay a supplier in China?');
        await until(() => emulator.state.calls.filter((c) => c.method === 'sendMessage').length > sentBefore, 20_000, 'the question to be taken');
        bot.kill('SIGTERM');
        await until(() => bot.stderr().includes(STOPPING), 20_000, 'the bot to begin stopping');
        expect(bot.child.exitCode).toBeNull();
        release();
        const code = await Promise.race([bot.exited, new Promise((r) => setTimeout(() => r('still running'), 30_000))]);
        expect(code, bot.stderr()).toBe(0);
        const replies = emulator.state.messages(user.id).filter((m) => m.from === 'bot');
        expect(replies).toHaveLength(2);
      } finally {
        bot.kill('SIGKILL');
        await emulator.close();
      }
    },
    240_000,
  );

  it('in webhook mode: registers the hook, refuses a call without the secret, answers, and on SIGINT finishes the update in hand, then exits 0', async () => {
    const emulator = await startBotApiEmulator();
    const port = await freePort();
    const bot = spawnProgram(['start'], {
      BOT_TOKEN: emulator.token,
      TELEGRAM_API_ROOT: emulator.apiRoot,
      WEBHOOK_URL: 'https://bot.example.org/hook',
      WEBHOOK_SECRET: 'process-secret',
      PORT: String(port),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
    });
    const post = (update: object, secret?: string) => postUpdate(`http://127.0.0.1:${port}/hook`, update, secret);
    const botReplies = () => emulator.state.messages(user.id).filter((m) => m.from === 'bot');
    try {
      await until(() => emulator.state.calls.some((c) => c.method === 'setWebhook'), 150_000, 'the bot to register its webhook');
      expect(emulator.state.calls.find((c) => c.method === 'setWebhook')?.params).toMatchObject({
        url: 'https://bot.example.org/hook',
        secret_token: 'process-secret',
      });
      expect(emulator.state.calls.filter((c) => c.method === 'setMyCommands')).toHaveLength(8);

      expect((await post(messageUpdate(11, '/help'))).status).toBe(401);
      expect((await post(messageUpdate(12, '/help'), 'process-secret')).status).toBe(200);
      expect(botReplies()).toHaveLength(1);

      // Telegram holds the answer: the stop arrives while the question is in hand.
      const release = emulator.state.holdNext('sendMessage');
      const sentBefore = emulator.state.calls.filter((c) => c.method === 'sendMessage').length;
      const inHand = post(messageUpdate(13, 'How do I pay a supplier in China?'), 'process-secret');
      await until(() => emulator.state.calls.filter((c) => c.method === 'sendMessage').length > sentBefore, 20_000, 'the question to be taken');
      bot.kill('SIGINT');
      await until(() => bot.stderr().includes(STOPPING), 20_000, 'the bot to begin stopping');
      expect(bot.child.exitCode).toBeNull();
      release();
      const code = await Promise.race([bot.exited, new Promise((r) => setTimeout(() => r('still running'), 30_000))]);
      expect(code, bot.stderr()).toBe(0);
      expect((await inHand).status).toBe(200);
      expect(botReplies()).toHaveLength(2);
    } finally {
      bot.kill('SIGKILL');
      await emulator.close();
    }
  }, 240_000);

  it('stops with exit code 1 and says why when Telegram gives the updates to another process (409)', async () => {
    const other = await startBotApiEmulator();
    other.state.failNext('getUpdates', 409, 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running');
    const bot = spawnProgram(['start'], {
      BOT_TOKEN: other.token,
      TELEGRAM_API_ROOT: other.apiRoot,
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      PORT: String(await freePort()),
    });
    try {
      const code = await Promise.race([bot.exited, new Promise((r) => setTimeout(() => r('still running'), 150_000))]);
      const stderr = bot.stderr();
      expect(code, stderr).toBe(1);
      // The last line is for the person at the terminal; the log lines before it, for whoever watches the logs.
      const lines = stderr.trim().split('\n');
      expect(lines.at(-1)).toContain('another process is polling with the same BOT_TOKEN');
      expect(lines.some((l) => l.startsWith('{') && JSON.parse(l).level === 60 && JSON.parse(l).msg.includes('409 Conflict'))).toBe(true);
      expect(stderr).not.toMatch(/\n\s+at /); // messages, not a stack trace
    } finally {
      bot.kill('SIGKILL');
      await other.close();
    }
  }, 240_000);
});
