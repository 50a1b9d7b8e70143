import { rmSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startBotApiEmulator } from '../../src/emulator/index.ts';
import { freePort, spawnProgram, until } from '../helpers/bot-process.ts';
import { freshDataDir } from '../helpers/db.ts';
import { fakeOpenAiPerFile } from '../helpers/fake-openai-per-file.ts';

const llm = fakeOpenAiPerFile();
let dataDir: string;
beforeAll(() => {
  dataDir = freshDataDir();
});
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

it('stops within 10 s of SIGTERM while a model call stalls, and the member still gets an answer', async () => {
  // Headers, then nothing: before the deadlines, such a call held the stop for minutes.
  llm.onChat({ stallAfterHeaders: true });
  const emulator = await startBotApiEmulator();
  const user = { id: 901, first_name: 'Mina', language_code: 'en' };
  const bot = spawnProgram(['start'], {
    BOT_TOKEN: emulator.token,
    TELEGRAM_API_ROOT: emulator.apiRoot,
    OPENAI_API_KEY: 'sk-test',
    OPENAI_BASE_URL: llm.baseURL,
    // Far away: only the stop may end the call in time.
    OPENAI_TIMEOUT_MS: '120000',
    QUESTION_BUDGET_MS: '120000',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    PORT: String(await freePort()),
  });
  try {
    await until(() => emulator.state.calls.some((c) => c.method === 'getUpdates'), 150_000, 'the bot to start polling');
    emulator.say(user, 'How do I pay a supplier in China?');
    await until(() => llm.chatRequests().length > 0, 20_000, 'the model call');
    await new Promise((r) => setTimeout(r, 300));
    const signalled = Date.now();
    bot.kill('SIGTERM');
    const code = await Promise.race([bot.exited, new Promise((r) => setTimeout(() => r('still running'), 15_000))]);
    expect(code, bot.stderr()).toBe(0);
    expect(Date.now() - signalled).toBeLessThan(10_000);
    expect(emulator.state.messages(user.id).filter((m) => m.from === 'bot')).toHaveLength(1);
  } finally {
    bot.kill('SIGKILL');
    await emulator.close();
  }
}, 240_000);
