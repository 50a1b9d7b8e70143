import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnProgram } from '../helpers/bot-process.ts';
import { freshDataDir } from '../helpers/db.ts';
import { main } from '../../src/main.ts';
import { cli } from '../helpers/cli.ts';

const dataDir = freshDataDir();
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('starting the program', () => {
  it('reports every bad setting with exit code 2 and no stack trace', async () => {
    const result = await cli(['migrate'], { DATA_DIR: dataDir, EMBEDDING_DIMENSIONS: '-3', LOG_LEVEL: 'chatty' });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/EMBEDDING_DIMENSIONS: expects a number above 0/);
    expect(result.stderr).toMatch(/LOG_LEVEL: expects one of/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('names host and port of an unreachable PostgreSQL, without a stack trace', async () => {
    const result = await cli(['migrate'], { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/smebridge' });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/Cannot connect to PostgreSQL at 127\.0\.0\.1:1/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('says DATA_DIR is not writable when it cannot be created', async () => {
    const result = await cli(['migrate'], { DATA_DIR: '/dev/null/sme' });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/DATA_DIR \/dev\/null\/sme is not writable/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('migrates a new embedded database, and a second run has nothing to do', async () => {
    const newDataDir = `${dataDir}/new`;
    const first = await cli(['migrate'], { DATA_DIR: newDataDir });
    expect(first).toMatchObject({ code: 0 });
    expect(first.stdout).toMatch(/Applied migrations 1, 2, 3/);
    const second = await cli(['migrate'], { DATA_DIR: newDataDir });
    expect(second.stdout).toMatch(/Schema is up to date/);
  });

  it('prints help for every command', async () => {
    const help = async (argv: string[]) => {
      const lines: string[] = [];
      const code = await main(argv, { out: (line) => lines.push(line), err: (line) => lines.push(line) });
      return { code, text: lines.join('\n') };
    };
    const top = await help(['--help']);
    expect(top.code).toBe(0);
    for (const command of ['start', 'worker', 'migrate', 'import', 'export', 'ask', 'eval', 'glossary']) {
      expect(top.text).toContain(command);
      const page = await help([command, '--help']);
      expect(page.code, command).toBe(0);
      expect(page.text).toMatch(new RegExp(`Usage: sme-bridge ${command}`));
    }
  });

  it('`start` without BOT_TOKEN opens the console chat on the demo base, logs to a file, and /quit exits 0', async () => {
    const consoleDir = `${dataDir}/console`;
    const question = 'How do I pay a supplier in China?';
    const chat = spawnProgram(['start'], { LOG_LEVEL: 'trace', DATA_DIR: consoleDir }, { stdin: true });
    const waitFor = async (pattern: RegExp, what: string) => {
      const deadline = Date.now() + 120_000;
      while (!pattern.test(chat.stdout())) {
        if (Date.now() > deadline || chat.child.exitCode !== null) throw new Error(`no ${what} in the console's output:\n${chat.stdout()}\n${chat.stderr()}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    try {
      await waitFor(/BOT_TOKEN/, 'banner saying how to connect to Telegram');
      chat.child.stdin!.write(`${question}\n`);
      // An answer ends with its buttons, shown as numbered choices.
      await waitFor(/\[1\] .+/, 'answer with numbered buttons');
      chat.child.stdin!.write('/quit\n');
      expect(await chat.exited).toBe(0);
      // The terminal belongs to the chat: the log lines went to a file.
      expect(chat.stderr()).toBe('');
      expect(chat.stdout()).not.toMatch(/"level":/);
      const logFile = join(consoleDir, 'console.log');
      expect(existsSync(logFile)).toBe(true);
      // Every line, down to trace: what the member typed is not among them.
      expect(readFileSync(logFile, 'utf8')).not.toContain(question);
      expect(
        readFileSync(logFile, 'utf8')
          .split('\n')
          .filter(Boolean)
          .every((l) => typeof JSON.parse(l).level === 'number'),
      ).toBe(true);
    } finally {
      chat.kill('SIGKILL');
    }
  }, 180_000);
});
