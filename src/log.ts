import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { pino, type Logger } from 'pino';

export type { Logger };

/** The program's logger: JSON lines on stderr, so stdout stays for command output. */
export function createLogger(level: string, destination: NodeJS.WritableStream = process.stderr): Logger {
  return pino({ level, base: undefined }, destination);
}

/** A logger appending to `path` (its folder is created), for when stderr is someone's screen. */
export function createFileLogger(level: string, path: string): Logger {
  mkdirSync(dirname(path), { recursive: true });
  return pino({ level, base: undefined }, pino.destination({ dest: path, sync: true }));
}
