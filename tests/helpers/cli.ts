import { execFile } from 'node:child_process';
import { PassThrough, Readable } from 'node:stream';
import { main } from '../../src/main.ts';

export interface CliRun {
  code: number;
  /** What the command printed on stdout and stderr, each line ending in a newline as a terminal shows it. */
  stdout: string;
  stderr: string;
}

/**
 * `sme-bridge …` in this process with exactly the settings `env` (no `.env` file, no process
 * environment), as `main` runs it for the real program; logs go nowhere unless LOG_LEVEL says so.
 * Never the test process's own terminal or signals: the console chat would read an empty input
 * and leave, and a stop is never requested.
 */
export async function cli(argv: string[], env: Record<string, string> = {}): Promise<CliRun> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await main(argv, {
    env: { LOG_LEVEL: 'silent', ...env },
    out: (line) => stdout.push(`${line}\n`),
    err: (line) => stderr.push(`${line}\n`),
    stdin: Readable.from([]),
    stdout: new PassThrough(),
    stopRequested: () => new Promise<string>(() => {}),
  });
  return { code, stdout: stdout.join(''), stderr: stderr.join('') };
}

const BIN = new URL('../../bin/sme-bridge.mjs', import.meta.url).pathname;

/** The real program in a child process, with only PATH, HOME and `env` as its environment. */
export function spawnedCli(argv: string[], env: Record<string, string>, options: { cwd?: string; timeoutMs?: number } = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...argv],
      {
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
        ...(options.cwd ? { cwd: options.cwd } : {}),
        timeout: options.timeoutMs ?? 120_000,
      },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}
