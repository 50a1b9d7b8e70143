import { createServer } from 'node:net';
import { PassThrough } from 'node:stream';
import { Bot, BotError, GrammyError, HttpError } from 'grammy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppLogger } from '../src/app.ts';
import { describeError } from '../src/bot/errors.ts';
import { loadConfig } from '../src/config.ts';
import { startBotApiEmulator, type BotApiEmulator } from '../src/emulator/index.ts';
import { CANARY } from './helpers/log-canaries.ts';

const DB_PASSWORD = 'p@ss/CANARY-db-password';
const config = loadConfig({
  LOG_LEVEL: 'trace',
  BOT_TOKEN: CANARY.botToken,
  WEBHOOK_URL: 'https://bot.example.org/hook',
  WEBHOOK_SECRET: CANARY.webhookSecret,
  OPENAI_API_KEY: CANARY.openAiKey,
  DATABASE_URL: `postgres://sme:${encodeURIComponent(DB_PASSWORD)}@db.example.org:5432/sme`,
});
const TOKEN_SECRET = CANARY.botToken.split(':')[1]!;
const MEMBER_TEXT = 'Our supplier in Yiwu wants the whole payment before shipping';
const MEMBER_ID = 7_123_456_789;

/** The logger `start` builds from this config, writing into a string. */
function capture() {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (d: Buffer) => (text += d.toString()));
  return { logger: createAppLogger(config, stream), text: () => text };
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('the logger built from the config', () => {
  let emulator: BotApiEmulator;
  beforeAll(async () => {
    emulator = await startBotApiEmulator({ token: CANARY.botToken });
  });
  afterAll(() => emulator?.close());

  it('cuts the bot token out of a network error whose URL carries it, and keeps the cause', async () => {
    const bot = new Bot(CANARY.botToken, { client: { apiRoot: `http://127.0.0.1:${await closedPort()}` } });
    const error = await bot.api.getMe().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    // The leak this guards against: the fetch error names the URL, token and all.
    expect(String((error as HttpError).error)).toContain(CANARY.botToken);

    const log = capture();
    log.logger.error(describeError(error), 'Telegram unreachable');
    expect(log.text()).toContain('ECONNREFUSED');
    expect(log.text()).not.toContain(TOKEN_SECRET);
  });

  it("logs Telegram's refusal without the request's text or chat id", async () => {
    const bot = new Bot(CANARY.botToken, { client: { apiRoot: emulator.apiRoot } });
    emulator.state.failNext('sendMessage', 400, 'Bad Request: chat not found');
    const error = await bot.api.sendMessage(MEMBER_ID, MEMBER_TEXT).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GrammyError);

    const log = capture();
    log.logger.error(describeError(error), 'sending failed');
    const [line] = log.text().trim().split('\n');
    expect(JSON.parse(line!)).toMatchObject({ kind: 'telegram_refused', method: 'sendMessage', error_code: 400 });
    expect(line).toContain('chat not found');
    expect(line).not.toContain(MEMBER_TEXT);
    expect(line).not.toContain(String(MEMBER_ID));
  });

  it("logs a middleware failure without grammY's context (the token, the member's message)", async () => {
    const bot = new Bot(CANARY.botToken, { client: { apiRoot: emulator.apiRoot }, botInfo: emulator.botInfo });
    bot.use(() => {
      throw new Error('relation "members" does not exist');
    });
    const update = {
      update_id: 9,
      message: {
        message_id: 1,
        date: 0,
        chat: { id: MEMBER_ID, type: 'private' as const, first_name: 'Shirin' },
        from: { id: MEMBER_ID, is_bot: false, first_name: 'Shirin' },
        text: MEMBER_TEXT,
      },
    };
    const error = await bot.handleUpdate(update).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BotError);

    const log = capture();
    log.logger.error({ err: error }, 'request failed');
    const line = log.text();
    expect(line).toContain('relation \\"members\\" does not exist');
    for (const leak of [TOKEN_SECRET, MEMBER_TEXT, String(MEMBER_ID), 'Shirin']) expect(line).not.toContain(leak);
  });

  it('cuts every secret of the config out of messages, fields and nested objects, in every spelling', () => {
    const log = capture();
    const url = `postgres://sme:${encodeURIComponent(DB_PASSWORD)}@db.example.org/sme`;
    log.logger.warn({ url, nested: { deeper: { header: `Bearer ${CANARY.openAiKey}` } } }, `could not reach ${url}`);
    log.logger.error({ err: new Error(`webhook secret ${CANARY.webhookSecret} and password "${DB_PASSWORD}" refused`) }, 'refused');
    log.logger.info({ path: `/bot${encodeURIComponent(CANARY.botToken)}/getMe` }, 'call');
    const text = log.text();
    for (const secret of [TOKEN_SECRET, encodeURIComponent(TOKEN_SECRET), CANARY.openAiKey, CANARY.webhookSecret, DB_PASSWORD]) {
      expect(text).not.toContain(secret);
    }
    expect(text).not.toContain(encodeURIComponent(DB_PASSWORD));
    expect(text).toContain('db.example.org');
  });

  it('redacts fields named for message text, names and ids, whatever logs them', () => {
    const log = capture();
    log.logger.info({ text: MEMBER_TEXT, from: 'v1', chat_id: MEMBER_ID, user: { first_name: 'Shirin', username: 'shirin_c', id: 1 } }, 'an update');
    log.logger.info({ member: { name: 'Shirin Canarypour', telegramId: MEMBER_ID, logKey: 'a-key-of-their-own' } }, 'a member logged whole');
    const [line] = log.text().trim().split('\n');
    for (const leak of [MEMBER_TEXT, String(MEMBER_ID), 'Shirin', 'shirin_c', 'a-key-of-their-own']) expect(log.text()).not.toContain(leak);
    expect(JSON.parse(line!)).toMatchObject({ from: 'v1', user: { id: 1 } });
  });
});
