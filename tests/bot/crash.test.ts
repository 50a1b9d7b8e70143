import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { startBotApiEmulator } from '../../src/emulator/index.ts';
import { answersTo, askMany, freePort, spawnBot, until } from '../helpers/bot-process.ts';
import { startFakeOpenAi } from '../helpers/fake-openai.ts';
import { createTestPostgresSchema, freshDataDir, postgresUrl } from '../helpers/db.ts';

const dataDirs: string[] = [];
afterAll(() => {
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
});

const setups = [
  {
    name: 'the embedded database',
    env: async () => {
      const dir = freshDataDir();
      dataDirs.push(dir);
      return { DATA_DIR: dir };
    },
  },
  ...(postgresUrl ? [{ name: 'PostgreSQL', env: async () => ({ DATABASE_URL: await createTestPostgresSchema() }) }] : []),
];

describe.each(setups)('`sme-bridge start` killed while answers wait to be sent, on $name', (setup) => {
  it('answers every question exactly once when it is started again on the same data', async () => {
    const emulator = await startBotApiEmulator();
    const env = { ...(await setup.env()), PORT: String(await freePort()), RATE_LIMIT_PER_MINUTE: '1000' };
    const first = spawnBot(emulator, env);
    let second: ReturnType<typeof spawnBot> | undefined;
    try {
      await until(() => emulator.state.calls.some((c) => c.method === 'getUpdates'), 150_000, 'the bot to start polling');
      // Telegram holds every message back, as under a flood wait: answers pile up unsent.
      const recover = emulator.state.failFor('sendMessage', 10 * 60_000, {
        code: 429,
        description: 'Too Many Requests: retry after 5',
        parameters: { retry_after: 5 },
      });
      const questions = await askMany(emulator, { members: 30, count: 300, perSecond: 40 });
      await until(() => first.queued >= questions.length, 120_000, 'every answer to be queued');
      expect(questions.filter((q) => answersTo(emulator, q).length > 0)).toEqual([]);
      first.kill('SIGKILL');
      await first.exited;
      recover();

      second = spawnBot(emulator, env);
      await until(() => questions.every((q) => answersTo(emulator, q).length > 0), 180_000, 'every question to be answered');
      // A duplicate would come right after the first copy: give it time to show.
      await new Promise((r) => setTimeout(r, 2_000));
      const notOnce = questions.map((q) => ({ ...q, answers: answersTo(emulator, q).length })).filter((q) => q.answers !== 1);
      expect(notOnce).toEqual([]);
      // The second process answered nothing again that the first had already queued.
      expect(second.queued).toBe(0);
      second.kill('SIGTERM');
      expect(await second.exited, second.stderr).toBe(0);
    } finally {
      first.kill('SIGKILL');
      second?.kill('SIGKILL');
      await emulator.close();
    }
  }, 420_000);
});

describe.each(setups)('`sme-bridge start` killed while it is answering, on $name', (setup) => {
  it('answers the questions it had taken but not answered when it is started again, each exactly once', async () => {
    const emulator = await startBotApiEmulator();
    const model = await startFakeOpenAi();
    // The model is slow at first: the questions are taken (claimed, confirmed to Telegram) and in hand when the process dies.
    let slow = true;
    model.onChat(() => (slow ? { delayMs: 60_000 } : { content: 'Pay through a licensed exchange house.' }));
    const env = {
      ...(await setup.env()),
      PORT: String(await freePort()),
      RATE_LIMIT_PER_MINUTE: '1000',
      OPENAI_API_KEY: 'sk-crash-test',
      OPENAI_BASE_URL: model.baseURL,
      OPENAI_TIMEOUT_MS: '60000',
      QUESTION_BUDGET_MS: '90000',
    };
    const first = spawnBot(emulator, env);
    let second: ReturnType<typeof spawnBot> | undefined;
    try {
      await until(() => emulator.state.calls.some((c) => c.method === 'getUpdates'), 150_000, 'the bot to start polling');
      const questions = await askMany(emulator, { members: 10, count: 10, perSecond: 20 });
      // Every member's question has reached the model: each was taken and is being answered.
      await until(() => model.chatRequests().length >= questions.length, 60_000, 'every question to reach the model');
      first.kill('SIGKILL');
      await first.exited;
      expect(questions.filter((q) => answersTo(emulator, q).length > 0)).toEqual([]);
      slow = false;

      second = spawnBot(emulator, { ...env, PORT: String(await freePort()) });
      await until(() => questions.every((q) => answersTo(emulator, q).length > 0), 120_000, 'every question to be answered');
      await new Promise((r) => setTimeout(r, 2_000));
      expect(questions.map((q) => answersTo(emulator, q).length)).toEqual(questions.map(() => 1));
      second.kill('SIGTERM');
      expect(await second.exited, second.stderr).toBe(0);
    } finally {
      first.kill('SIGKILL');
      second?.kill('SIGKILL');
      await emulator.close();
      await model.close();
    }
  }, 300_000);
});

describe.each(setups)('`sme-bridge start` killed while fetched questions wait behind a slow one of their chat, on $name', (setup) => {
  it('answers the waiting questions too when it is started again, each exactly once', async () => {
    const emulator = await startBotApiEmulator();
    const model = await startFakeOpenAi();
    // Each member's first question is stuck at the model; their next ones, fetched and confirmed to
    // Telegram, wait in the process's memory behind it (one chat's updates run in order).
    let slow = true;
    model.onChat(() => (slow ? { delayMs: 60_000 } : { content: 'Pay through a licensed exchange house.' }));
    const env = {
      ...(await setup.env()),
      PORT: String(await freePort()),
      RATE_LIMIT_PER_MINUTE: '1000',
      OPENAI_API_KEY: 'sk-crash-test',
      OPENAI_BASE_URL: model.baseURL,
      OPENAI_TIMEOUT_MS: '60000',
      QUESTION_BUDGET_MS: '90000',
    };
    const first = spawnBot(emulator, env);
    let second: ReturnType<typeof spawnBot> | undefined;
    try {
      await until(() => emulator.state.calls.some((c) => c.method === 'getUpdates'), 150_000, 'the bot to start polling');
      const questions = await askMany(emulator, { members: 3, count: 12, perSecond: 20 });
      const lastId = Math.max(...questions.map((q) => q.updateId));
      await until(() => model.chatRequests().length >= 3, 60_000, "every member's first question to reach the model");
      // Telegram was told every question was received: it will not send any of them again.
      await until(
        () => emulator.state.calls.some((c) => c.method === 'getUpdates' && Number(c.params.offset) > lastId),
        60_000,
        'every question to be confirmed to Telegram',
      );
      first.kill('SIGKILL');
      await first.exited;
      expect(questions.filter((q) => answersTo(emulator, q).length > 0)).toEqual([]);
      slow = false;

      second = spawnBot(emulator, { ...env, PORT: String(await freePort()) });
      await until(() => questions.every((q) => answersTo(emulator, q).length > 0), 120_000, 'every question to be answered');
      await new Promise((r) => setTimeout(r, 2_000));
      expect(questions.map((q) => answersTo(emulator, q).length)).toEqual(questions.map(() => 1));
      // Each member's answers came in the order they asked.
      for (const chatId of new Set(questions.map((q) => q.chatId))) {
        const asked = questions.filter((q) => q.chatId === chatId).map((q) => q.messageId);
        const answered = emulator.state
          .messages(chatId)
          .filter((m) => m.from === 'bot' && asked.includes(m.reply_to_message_id ?? -1))
          .map((m) => m.reply_to_message_id);
        expect([...new Set(answered)]).toEqual(asked);
      }
      second.kill('SIGTERM');
      expect(await second.exited, second.stderr).toBe(0);
    } finally {
      first.kill('SIGKILL');
      second?.kill('SIGKILL');
      await emulator.close();
      await model.close();
    }
  }, 300_000);
});
