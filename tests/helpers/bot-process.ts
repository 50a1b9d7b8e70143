import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { createServer } from 'node:net';
import type { Readable, Writable } from 'node:stream';
import type { BotApiEmulator, ChatMessage, EmulatedUser } from '../../src/emulator/index.ts';

/** A port nothing listens on just now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Waits until `check()` holds, polling every 50 ms; resolves with the milliseconds it took. */
export async function until(check: () => boolean, timeoutMs: number, what: string): Promise<number> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return Date.now() - started;
}

const BIN = new URL('../../bin/sme-bridge.mjs', import.meta.url).pathname;

/** `sme-bridge …` as a real process. */
export interface SpawnedProgram {
  readonly child: ChildProcessByStdio<Writable | null, Readable, Readable>;
  /** What it wrote on stdout so far. */
  stdout(): string;
  /** What it wrote on stderr so far (only the lines `keepStderrLine` kept, when given). */
  stderr(): string;
  /** Resolves with the exit code (null when killed by a signal). */
  readonly exited: Promise<number | null>;
  kill(signal: NodeJS.Signals): void;
}

export interface SpawnOptions {
  /** Pipe stdin (`child.stdin`) instead of leaving it closed. */
  stdin?: boolean;
  /** Sees every complete stderr line; those it returns false for are left out of `stderr()`. */
  keepStderrLine?: (line: string) => boolean;
}

/** Runs `sme-bridge <args>` with only PATH, HOME and `env` as its environment. */
export function spawnProgram(args: string[], env: Record<string, string>, options: SpawnOptions = {}): SpawnedProgram {
  // Typed by the stdio below: stdout and stderr are pipes; stdin one only when asked.
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    stdio: [options.stdin ? 'pipe' : 'ignore', 'pipe', 'pipe'],
  }) as ChildProcessByStdio<Writable | null, Readable, Readable>;
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  let stderr = '';
  let partial = '';
  const keep = options.keepStderrLine;
  child.stderr.on('data', (chunk: Buffer) => {
    const lines = (partial + chunk.toString('utf8')).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) if (!keep || keep(line)) stderr += `${line}\n`;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    stdout: () => stdout,
    // Without a filter, a line still being written is shown too, as the terminal would.
    stderr: () => (keep ? stderr : stderr + partial),
    exited,
    kill: (signal) => void child.kill(signal),
  };
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
  let queued = 0;
  const program = spawnProgram(
    ['start'],
    { BOT_TOKEN: emulator.token, TELEGRAM_API_ROOT: emulator.apiRoot, LOG_LEVEL: 'info', ...env },
    {
      // Counts the queued answers; keeps warnings and worse for a failure's message.
      keepStderrLine: (line) => {
        if (line.includes(QUEUED)) queued++;
        else if (!line.includes('"level":30')) return true;
        return false;
      },
    },
  );
  return {
    get queued() {
      return queued;
    },
    get stderr() {
      return program.stderr();
    },
    exited: program.exited,
    kill: program.kill,
  };
}

export interface AskedQuestion {
  chatId: number;
  messageId: number;
  updateId: number;
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
    asked.push({ chatId: user.id, messageId: update.message!.message_id, updateId: update.update_id });
  }
  return asked;
}

/** The answers the bot sent to `question`: its messages replying to it with the answer's buttons. */
export function answersTo(emulator: BotApiEmulator, question: AskedQuestion): ChatMessage[] {
  return emulator.state
    .messages(question.chatId)
    .filter((m) => m.from === 'bot' && m.reply_to_message_id === question.messageId && (m.reply_markup?.inline_keyboard.length ?? 0) > 0);
}
