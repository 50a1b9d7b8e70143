import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startBotApiEmulator } from '../../src/emulator/index.ts';
import { freshDataDir } from '../helpers/db.ts';
import { startFakeOpenAi, type FakeOpenAi } from '../helpers/fake-openai.ts';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function until(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

let dataDir: string;
let llm: FakeOpenAi;
beforeAll(async () => {
  dataDir = freshDataDir();
  llm = await startFakeOpenAi();
});
afterAll(async () => {
  await llm?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

it('stops within 10 s of SIGTERM while a model call stalls, and the member still gets an answer', async () => {
  // Headers, then nothing: before the deadlines, such a call held the stop for minutes.
  llm.onChat({ stallAfterHeaders: true });
  const emulator = await startBotApiEmulator();
  const user = { id: 901, first_name: 'Mina', language_code: 'en' };
  const child = spawn(process.execPath, ['bin/sme-bridge.mjs', 'start'], {
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
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
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  try {
    await until(() => emulator.state.calls.some((c) => c.method === 'getUpdates'), 150_000, 'the bot to start polling');
    emulator.say(user, 'How do I pay a supplier in China?');
    await until(() => llm.chatRequests().length > 0, 20_000, 'the model call');
    await new Promise((r) => setTimeout(r, 300));
    const signalled = Date.now();
    child.kill('SIGTERM');
    const code = await Promise.race([exited, new Promise((r) => setTimeout(() => r('still running'), 15_000))]);
    expect(code, stderr).toBe(0);
    expect(Date.now() - signalled).toBeLessThan(10_000);
    expect(emulator.state.messages(user.id).filter((m) => m.from === 'bot')).toHaveLength(1);
  } finally {
    child.kill('SIGKILL');
    await emulator.close();
  }
}, 240_000);
