import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach } from 'vitest';
import { createApp, createAppLogger, type App } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { consoleConfig } from '../../src/console/console-config.ts';
import { runConsole } from '../../src/console/run-console.ts';
import type { Db } from '../../src/db/db.ts';
import { parseTelegramHtml } from '../../src/emulator/telegram-html.ts';
import type { Language } from '../../src/text/language.ts';
import { openTestPglite } from '../helpers/db.ts';
import { CANARY_SECRETS, LogCanaries } from '../helpers/log-canaries.ts';
import { plain } from '../helpers/telegram.ts';

/** A terminal a test types into and reads from. */
export class FakeTerminal {
  readonly input = new PassThrough();
  readonly output = new PassThrough();
  text = '';

  constructor(private readonly logs: LogCanaries | undefined) {
    this.output.on('data', (chunk: Buffer) => (this.text += plain(chunk.toString('utf8'))));
  }

  type(line: string): number {
    this.logs?.watch(line);
    const mark = this.text.length;
    this.input.write(`${line}\n`);
    return mark;
  }

  /** Waits until the output written after `from` satisfies `test`; returns that output. */
  async waitFor(test: (after: string) => boolean, from = 0, timeoutMs = 20_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    while (!test(this.text.slice(from))) {
      if (Date.now() > deadline) throw new Error(`terminal output did not match in time; it was:\n${this.text.slice(from)}`);
      await new Promise((r) => setTimeout(r, 25));
    }
    return this.text.slice(from);
  }
}

/**
 * The console chat as `npm start` runs it (the app built from consoleConfig), on a test PGlite
 * (or the database `openDb` opens).
 * Every log line, at trace level, is checked for the canary secrets and the lines typed; the
 * consoles still running when a test ends are ended before their database closes.
 */
export function consoleHarness(openDb: () => Promise<Db> = openTestPglite) {
  let db: Db | undefined;
  let app: App | undefined;
  let logs: LogCanaries | undefined;
  let dataDir: string | undefined;
  const consoles: { term: FakeTerminal; running: Promise<void> }[] = [];

  afterEach(async () => {
    for (const c of consoles.splice(0)) {
      c.term.input.end();
      await c.running.catch(() => {});
    }
    await app?.close();
    await db?.close();
    app = undefined;
    db = undefined;
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    dataDir = undefined;
    const checked = logs;
    logs = undefined;
    checked?.assertClean();
  });

  return {
    async openApp(env: Record<string, string> = {}): Promise<App> {
      db ??= await openDb();
      // Its own DATA_DIR, where the console keeps its chats between starts (the database is the test's).
      dataDir ??= mkdtempSync(join(tmpdir(), 'sme-console-'));
      const config = consoleConfig(loadConfig({ LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent', DATA_DIR: dataDir, ...env }));
      logs = new LogCanaries(CANARY_SECRETS, { level: config.logLevel, forward: process.stderr });
      app = await createApp(config, { db, logger: createAppLogger(config, logs.stream, 'trace') });
      return app;
    },

    startConsole(a: App, languageCode?: string): { term: FakeTerminal; running: Promise<void> } {
      const term = new FakeTerminal(logs);
      const running = runConsole({ app: a, input: term.input, output: term.output, ...(languageCode ? { languageCode } : {}) });
      consoles.push({ term, running });
      return { term, running };
    },
  };
}

/** A locale text as the terminal shows it: bot messages' HTML parsed away (the console's own texts are plain), isolation marks removed. */
export const shown = (a: App, language: Language, key: string, args?: Record<string, string | number>) => {
  const text = a.translator.t(language, key, args);
  return plain(key.startsWith('console-') ? text : parseTelegramHtml(text));
};
