import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import type { BotApiEmulator, ChatMessage, EmulatedUser } from '../../src/emulator/index.ts';

/** A port nothing listens on just now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export async function until(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; !check();) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** `sme-bridge start` as a real process, polling `emulator`. */
export interface BotProcess {
  /** Questions whose answer the process logged as queued in the outbox. */
  readonly queued: number;
  readonly stderr: string;
  /** Resolves with the exit code (null when killed by a signal). */
  readonly exited: Promise<number | null>;
  kill(signal: NodeJS.Signals): void;
}

// Logged by the ask feature once the question and its answer's delivery are committed.
const QUEUED = 'the answer is queued for delivery';

export function spawnBot(emulator: BotApiEmulator, env: Record<string, string>): BotProcess {
  const child = spawn(process.execPath, ['bin/sme-bridge.mjs', 'start'], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, BOT_TOKEN: emulator.token, TELEGRAM_API_ROOT: emulator.apiRoot, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  let partial = '';
  let queued = 0;
  child.stderr.on('data', (chunk: Buffer) => {
    const lines = (partial + chunk.toString('utf8')).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      if (line.includes(QUEUED)) queued++;
      else if (!line.includes('"level":30')) stderr += `${line}\n`;
    }
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    get queued() {
      return queued;
    },
    get stderr() {
      return stderr;
    },
    exited,
    kill: (signal) => void child.kill(signal),
  };
}

export interface AskedQuestion {
  chatId: number;
  messageId: number;
}

/** `count` questions from `members` members (each in their private chat), `perSecond` of them a second. */
export async function askMany(
  emulator: BotApiEmulator,
  options: { members: number; count: number; perSecond: number; firstUserId?: number },
): Promise<AskedQuestion[]> {
  const users: EmulatedUser[] = Array.from({ length: options.members }, (_, i) => ({
    id: (options.firstUserId ?? 3_000) + i,
    first_name: `Asker${i}`,
    language_code: 'en',
  }));
  const asked: AskedQuestion[] = [];
  const started = performance.now();
  for (let i = 0; i < options.count; i++) {
    const wait = started + (i * 1000) / options.perSecond - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const user = users[i % users.length]!;
    const update = emulator.say(user, `How do I pay a Chinese supplier through an exchange house? (${i + 1})`);
    asked.push({ chatId: user.id, messageId: update.message!.message_id });
  }
  return asked;
}

/** The answers the bot sent to `question`: its messages replying to it with the answer's buttons. */
export function answersTo(emulator: BotApiEmulator, question: AskedQuestion): ChatMessage[] {
  return emulator.state
    .messages(question.chatId)
    .filter((m) => m.from === 'bot' && m.reply_to_message_id === question.messageId && (m.reply_markup?.inline_keyboard.length ?? 0) > 0);
}
