import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.ts';

describe('configuration', () => {
  it('runs on the embedded database, offline, in console mode when nothing is set', () => {
    const config = loadConfig({});
    expect(config.database).toEqual({ kind: 'pglite', dataDir: './data' });
    expect(config.ai).toEqual({ mode: 'offline' });
    expect(config.telegram).toEqual({ mode: 'console' });
    expect(config.searchIndex).toBe('memory');
    // The issue's default: ten questions a member a minute.
    expect(config.rateLimitPerMinute).toBe(10);
    expect(config.reviewAfterMonths).toBe(12);
    expect(config.staffChatId).toBeUndefined();
  });

  it('reads the staff chat and the review period, and says what a bad value should be', () => {
    const config = loadConfig({ STAFF_CHAT_ID: '-1001234567890', REVIEW_AFTER_MONTHS: '6' });
    expect(config.staffChatId).toBe(-1001234567890);
    expect(config.reviewAfterMonths).toBe(6);
    expect(() => loadConfig({ STAFF_CHAT_ID: 'staff', REVIEW_AFTER_MONTHS: '0' })).toThrow(
      /STAFF_CHAT_ID: expects the staff group's Telegram chat id[\s\S]*REVIEW_AFTER_MONTHS: expects a number above 0/,
    );
  });

  it('talks to the public Bot API unless TELEGRAM_API_ROOT says otherwise', () => {
    expect(loadConfig({ BOT_TOKEN: '1:abc' }).telegram).toEqual({
      mode: 'polling',
      token: '1:abc',
      apiRoot: 'https://api.telegram.org',
      giveUpAfterMs: 3_600_000,
    });
  });

  it('lists every bad variable with what it expects, in one error', () => {
    let error: unknown;
    try {
      loadConfig({ DATABASE_URL: 'mysql://db', EMBEDDING_DIMENSIONS: 'many', LOG_LEVEL: 'loud', OPENAI_BASE_URL: 'not a url', SEARCH_INDEX: 'disk' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toHaveLength(5);
    expect(problems.join('\n')).toMatch(/DATABASE_URL: expects a postgres/);
    expect(problems.join('\n')).toMatch(/EMBEDDING_DIMENSIONS: expects a whole number/);
    expect(problems.join('\n')).toMatch(/LOG_LEVEL: expects one of/);
    expect(problems.join('\n')).toMatch(/OPENAI_BASE_URL: expects an http/);
    expect(problems.join('\n')).toMatch(/SEARCH_INDEX: expects memory or database/);
  });

  it('gives up on an undelivered message after DELIVERY_GIVE_UP_AFTER (1 hour unless set), and says what a bad value should look like', () => {
    expect(loadConfig({}).deliveryGiveUpAfterMs).toBe(3_600_000);
    expect(loadConfig({ DELIVERY_GIVE_UP_AFTER: '' }).deliveryGiveUpAfterMs).toBe(3_600_000);
    expect(loadConfig({ DELIVERY_GIVE_UP_AFTER: '90s' }).deliveryGiveUpAfterMs).toBe(90_000);
    expect(loadConfig({ DELIVERY_GIVE_UP_AFTER: '30m' }).deliveryGiveUpAfterMs).toBe(1_800_000);
    expect(loadConfig({ DELIVERY_GIVE_UP_AFTER: '2h' }).deliveryGiveUpAfterMs).toBe(7_200_000);
    // A bare number is seconds, as for TELEGRAM_GIVE_UP_AFTER.
    expect(loadConfig({ DELIVERY_GIVE_UP_AFTER: '3600' }).deliveryGiveUpAfterMs).toBe(3_600_000);
    for (const bad of ['an hour', '0s', '-5m']) {
      expect(() => loadConfig({ DELIVERY_GIVE_UP_AFTER: bad })).toThrow(/DELIVERY_GIVE_UP_AFTER: expects a duration above 0 such as 3600, 90s, 10m or 1h/);
    }
  });

  it("tells a member their answer is late after ANSWER_LATE_NOTICE_AFTER and waits out a handler's 429 up to TELEGRAM_MAX_RETRY_WAIT (30 s and 60 s unless set)", () => {
    expect(loadConfig({})).toMatchObject({ answerLateNoticeAfterMs: 30_000, telegramMaxRetryWaitMs: 60_000 });
    expect(loadConfig({ ANSWER_LATE_NOTICE_AFTER: '10s', TELEGRAM_MAX_RETRY_WAIT: '2m' })).toMatchObject({
      answerLateNoticeAfterMs: 10_000,
      telegramMaxRetryWaitMs: 120_000,
    });
    for (const name of ['ANSWER_LATE_NOTICE_AFTER', 'TELEGRAM_MAX_RETRY_WAIT']) {
      expect(() => loadConfig({ [name]: 'soon' })).toThrow(new RegExp(`${name}: expects a duration above 0 such as 3600, 90s, 10m or 1h`));
    }
  });

  it('refuses the removed BOT_WORKERS setting and says how to scale out instead', () => {
    for (const value of ['1', '4']) {
      expect(() => loadConfig({ DATABASE_URL: 'postgres://db/sme', BOT_WORKERS: value })).toThrow(
        /BOT_WORKERS: was removed.*Delete BOT_WORKERS.*several `sme-bridge start` processes in webhook mode/,
      );
    }
    expect(() => loadConfig({ BOT_WORKERS: '' })).not.toThrow();
  });

  it('chooses webhook mode only with a token, URL and secret, and says what is missing', () => {
    expect(() => loadConfig({ WEBHOOK_URL: 'https://bot.example.org/hook' })).toThrow(
      /WEBHOOK_SECRET: expects a secret[\s\S]*BOT_TOKEN: expects the bot token/,
    );
    const config = loadConfig({ BOT_TOKEN: '1:abc', WEBHOOK_URL: 'https://bot.example.org/hook', WEBHOOK_SECRET: 's3cret', PORT: '9000' });
    expect(config.telegram).toMatchObject({ mode: 'webhook', port: 9000, secret: 's3cret', timeoutMs: 50_000 });
    const hook = { BOT_TOKEN: '1:abc', WEBHOOK_URL: 'https://bot.example.org/hook', WEBHOOK_SECRET: 's3cret' };
    expect(loadConfig({ ...hook, WEBHOOK_TIMEOUT_MS: '20000' }).telegram).toMatchObject({ timeoutMs: 20_000 });
    expect(() => loadConfig({ ...hook, WEBHOOK_TIMEOUT_MS: '0' })).toThrow(/WEBHOOK_TIMEOUT_MS: expects a number above 0/);
    expect(loadConfig({ BOT_TOKEN: '1:abc', TELEGRAM_API_ROOT: 'http://127.0.0.1:8081/' }).telegram).toEqual({
      mode: 'polling',
      token: '1:abc',
      apiRoot: 'http://127.0.0.1:8081',
      giveUpAfterMs: 3_600_000,
    });
  });

  it('uses the OpenAI-compatible provider only when a key is set', () => {
    const config = loadConfig({ OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: 'http://127.0.0.1:9/v1', OPENAI_EMBEDDING_MODEL: 'e5' });
    expect(config.ai).toMatchObject({ mode: 'openai', baseURL: 'http://127.0.0.1:9/v1', embeddingModel: 'e5', dimensions: 1536 });
  });

  it('takes a transcription model for voice questions, and refuses one without a key to reach it', () => {
    expect(loadConfig({ OPENAI_API_KEY: 'sk-test', OPENAI_TRANSCRIPTION_MODEL: 'whisper-1' }).ai).toMatchObject({ transcriptionModel: 'whisper-1' });
    expect(loadConfig({ OPENAI_API_KEY: 'sk-test' }).ai).not.toHaveProperty('transcriptionModel');
    expect(() => loadConfig({ OPENAI_TRANSCRIPTION_MODEL: 'whisper-1' })).toThrow(/OPENAI_TRANSCRIPTION_MODEL: expects OPENAI_API_KEY too/);
  });

  it('bounds waiting: a question budget above the model timeout, statement deadlines on PostgreSQL, and polling gives up after an hour', () => {
    const config = loadConfig({ BOT_TOKEN: '1:abc', DATABASE_URL: 'postgres://db/sme' });
    expect(config.questionBudgetMs).toBe(30_000);
    expect(config.questionBudgetMs).toBeGreaterThan(20_000);
    expect(config.database).toEqual({ kind: 'postgres', url: 'postgres://db/sme', statementTimeoutMs: 15_000, keepAliveMs: 10_000 });
    expect(config.telegram).toMatchObject({ giveUpAfterMs: 3_600_000 });
  });

  it.each([
    ['90', 90_000],
    ['90s', 90_000],
    ['10m', 600_000],
    ['2h', 7_200_000],
    ['1500ms', 1_500],
  ])('reads TELEGRAM_GIVE_UP_AFTER=%s as %d ms', (value, ms) => {
    expect(loadConfig({ BOT_TOKEN: '1:abc', TELEGRAM_GIVE_UP_AFTER: value }).telegram).toMatchObject({ giveUpAfterMs: ms });
  });

  it('refuses a give-up time that is not a duration, saying what it expects', () => {
    for (const value of ['soon', '0', '-5m', '1d']) {
      expect(() => loadConfig({ BOT_TOKEN: '1:abc', TELEGRAM_GIVE_UP_AFTER: value })).toThrow(
        /TELEGRAM_GIVE_UP_AFTER: expects a duration above 0 such as 3600, 90s, 10m or 1h/,
      );
    }
  });

  it('reads the admins (ADMIN_IDS, comma-separated Telegram ids) and the staff chat (STAFF_CHAT_ID), and says what a bad value should look like', () => {
    expect(loadConfig({})).toMatchObject({ adminTelegramIds: [], staffChatId: undefined });
    expect(loadConfig({ ADMIN_IDS: ' 123456789, 987654321 ,', STAFF_CHAT_ID: '-1001234567890' })).toMatchObject({
      adminTelegramIds: [123456789, 987654321],
      staffChatId: -1001234567890,
    });
    expect(() => loadConfig({ ADMIN_IDS: '123,@alice' })).toThrow(/ADMIN_IDS: expects Telegram user ids \(whole numbers above 0\), comma-separated/);
    expect(() => loadConfig({ STAFF_CHAT_ID: 'staff' })).toThrow(/STAFF_CHAT_ID: expects the staff group's Telegram chat id/);
  });

  it('reads the allowed groups (ALLOWED_CHAT_IDS) and the group rate limit, and says what a bad value should look like', () => {
    expect(loadConfig({})).toMatchObject({ allowedChatIds: [], groupRateLimitPerMinute: 10 });
    expect(loadConfig({ ALLOWED_CHAT_IDS: '-1001234567890, -4000000001,', GROUP_RATE_LIMIT_PER_MINUTE: '5' })).toMatchObject({
      allowedChatIds: [-1001234567890, -4000000001],
      groupRateLimitPerMinute: 5,
    });
    // A user id is no group: group chat ids are negative.
    expect(() => loadConfig({ ALLOWED_CHAT_IDS: '123456789' })).toThrow(/ALLOWED_CHAT_IDS: expects group chat ids \(negative whole numbers/);
    expect(() => loadConfig({ GROUP_RATE_LIMIT_PER_MINUTE: '0' })).toThrow(/GROUP_RATE_LIMIT_PER_MINUTE: expects a number above 0/);
  });
});
