import { pino, type Logger } from 'pino';

export type { Logger };

/** The program's logger: JSON lines on stderr, so stdout stays for command output. */
export function createLogger(level: string, destination: NodeJS.WritableStream = process.stderr): Logger {
  return pino({ level, base: undefined }, destination);
}
