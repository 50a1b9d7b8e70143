import { Writable } from 'node:stream';
import type { AiConfig } from '../../src/config.ts';
import { createLogger, type Logger } from '../../src/log.ts';

export interface LogLine {
  level: number;
  msg: string;
  kind?: string;
  err?: { type?: string; message?: string; stack?: string };
  [key: string]: unknown;
}

/** A real pino logger writing into memory, so a test can read what an operator would see. */
export function memoryLogger(): { logger: Logger; lines: LogLine[]; warnings(): LogLine[] } {
  const lines: LogLine[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) lines.push(JSON.parse(line) as LogLine);
      done();
    },
  });
  return { logger: createLogger('debug', sink), lines, warnings: () => lines.filter((l) => l.level === 40) };
}

export function openAiConfig(baseURL: string, overrides: Partial<Extract<AiConfig, { mode: 'openai' }>> = {}): AiConfig {
  return { mode: 'openai', apiKey: 'sk-test', baseURL, chatModel: 'fake-chat', embeddingModel: 'fake-embed', dimensions: 8, timeoutMs: 2_000, ...overrides };
}
