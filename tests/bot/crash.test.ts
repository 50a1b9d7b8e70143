import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { startBotApiEmulator, type BotApiEmulator } from '../../src/emulator/index.ts';
import { answersTo, askMany, freePort, spawnBot, until, type AskedQuestion, type BotProcess } from '../helpers/bot-process.ts';
import { startFakeOpenAi, type FakeOpenAi } from '../helpers/fake-openai.ts';
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

interface Crash {
  emulator: BotApiEmulator;
  /** The chat model, when the scenario has one. */
  model?: FakeOpenAi;
  first: BotProcess;
}

interface Scenario {
  name: string;
  /** Whether `start` answers with a chat model (the fake one, slow until the first process is killed). */
  withModel: boolean;
  /** Sets the scene in the first process; resolves once it is time to kill it, with the questions asked and how Telegram recovers. */
  beforeKill(crash: Crash): Promise<{ questions: AskedQuestion[]; recover?: () => void }>;
  /** Checked once every question has its one answer. */
  check(crash: Crash & { second: BotProcess; questions: AskedQuestion[] }): void;
}

const scenarios: Scenario[] = [
  {
    name: 'killed while answers wait to be sent: every question is answered exactly once, none of them again by the second process',
    withModel: false,
    async beforeKill({ emulator, first }) {
      // Telegram holds every message back, as under a flood wait: answers pile up unsent.
      const recover = emulator.state.failFor('sendMessage', 10 * 60_000, {
        code: 429,
        description: 'Too Many Requests: retry after 5',
        parameters: { retry_after: 5 },
      });
      const questions = await askMany(emulator, { members: 30, count: 300, perSecond: 40 });
      await until(() => first.queued >= questions.length, 120_000, 'every answer to be queued');
      return { questions, recover };
    },
    check({ second }) {
      // The second process answered nothing again that the first had already queued.
      expect(second.queued).toBe(0);
    },
  },
  {
    // Each member's first question is taken (claimed, confirmed to Telegram) and stuck at the model;
    // their next ones, fetched and confirmed too, wait in the process's memory behind it (one chat's
    // updates run in order). This also proves what "killed while it is answering" (ten members, one
    // question each, all at the model) proved before it was merged in here.
    name: 'killed while it is answering, fetched questions waiting behind a slow one of their chat: each is answered exactly once, in the order asked',
    withModel: true,
    async beforeKill({ emulator, model }) {
      const questions = await askMany(emulator, { members: 5, count: 15, perSecond: 20 });
      const lastId = Math.max(...questions.map((q) => q.updateId));
      await until(() => model!.chatRequests().length >= 5, 60_000, "every member's first question to reach the model");
      // Telegram was told every question was received: it will not send any of them again.
      await until(
        () => emulator.state.calls.some((c) => c.method === 'getUpdates' && Number(c.params.offset) > lastId),
        60_000,
        'every question to be confirmed to Telegram',
      );
      return { questions };
    },
    check({ emulator, questions }) {
      for (const chatId of new Set(questions.map((q) => q.chatId))) {
        const asked = questions.filter((q) => q.chatId === chatId).map((q) => q.messageId);
        const answered = emulator.state
          .messages(chatId)
          .filter((m) => m.from === 'bot' && asked.includes(m.reply_to_message_id ?? -1))
          .map((m) => m.reply_to_message_id);
        expect([...new Set(answered)]).toEqual(asked);
      }
    },
  },
];

// The two databases' runs side by side: much of each is waiting (Telegram's flood wait, the sending
// budget, a duplicate's time to show). The scenarios of one database run one after another.
describe.concurrent.each(setups)('`sme-bridge start` killed and started again on the same data, on $name', (setup) => {
  it.sequential.each(scenarios)(
    '$name',
    async (scenario) => {
      const emulator = await startBotApiEmulator();
      const model = scenario.withModel ? await startFakeOpenAi() : undefined;
      let slow = true;
      model?.onChat(() => (slow ? { delayMs: 60_000 } : { content: 'Pay through a licensed exchange house.' }));
      const env = {
        ...(await setup.env()),
        PORT: String(await freePort()),
        RATE_LIMIT_PER_MINUTE: '1000',
        ...(model ? { OPENAI_API_KEY: 'sk-crash-test', OPENAI_BASE_URL: model.baseURL, OPENAI_TIMEOUT_MS: '60000', QUESTION_BUDGET_MS: '90000' } : {}),
      };
      const first = spawnBot(emulator, env);
      let second: BotProcess | undefined;
      try {
        await until(() => emulator.state.calls.some((c) => c.method === 'getUpdates'), 150_000, 'the bot to start polling');
        const { questions, recover } = await scenario.beforeKill({ emulator, first, ...(model ? { model } : {}) });
        expect(questions.filter((q) => answersTo(emulator, q).length > 0)).toEqual([]);
        first.kill('SIGKILL');
        await first.exited;
        expect(questions.filter((q) => answersTo(emulator, q).length > 0)).toEqual([]);
        recover?.();
        slow = false;

        second = spawnBot(emulator, { ...env, PORT: String(await freePort()) });
        await until(() => questions.every((q) => answersTo(emulator, q).length > 0), 180_000, 'every question to be answered');
        // A duplicate would come right after the first copy: give it time to show.
        await new Promise((r) => setTimeout(r, 2_000));
        const notOnce = questions.map((q) => ({ ...q, answers: answersTo(emulator, q).length })).filter((q) => q.answers !== 1);
        expect(notOnce).toEqual([]);
        scenario.check({ emulator, first, second, questions, ...(model ? { model } : {}) });
        second.kill('SIGTERM');
        expect(await second.exited, second.stderr).toBe(0);
      } finally {
        first.kill('SIGKILL');
        second?.kill('SIGKILL');
        await emulator.close();
        await model?.close();
      }
    },
    420_000,
  );
});
