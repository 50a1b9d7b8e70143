import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DbUnavailableError, type Db } from '../../src/db/db.ts';
import { openPgliteThread } from '../../src/db/pglite-worker.ts';
import { freshDataDir } from '../helpers/db.ts';

// The embedded database as `sme-bridge` opens it: PGlite in a thread of its own (the CLI tests
// run every command on it too). One database for the file, in a copy of the migrated data
// folder: creating one (initdb) takes seconds, opening one a fraction.
const dataDirs: string[] = [];
function dataDir(): string {
  const dir = freshDataDir();
  dataDirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
});

describe('PGlite in its own thread', () => {
  let db: Db;
  beforeAll(async () => {
    db = await openPgliteThread(dataDir());
  });
  afterAll(async () => db.close());
  beforeEach(async () => {
    await db.exec('DROP TABLE IF EXISTS notes; CREATE TABLE notes (id int PRIMARY KEY, text text NOT NULL, tags text[])');
  });

  it('runs statements with parameters, arrays included, and returns their rows', async () => {
    await db.query('INSERT INTO notes (id, text, tags) VALUES ($1, $2, $3)', [1, 'بندر عباس', ['customs', '清关']]);
    expect(await db.query('SELECT id, text, tags FROM notes')).toEqual([{ id: 1, text: 'بندر عباس', tags: ['customs', '清关'] }]);
  });

  it('commits a transaction that resolves and rolls back one that throws, passing the error on', async () => {
    await db.transaction(async (tx) => {
      await tx.query('INSERT INTO notes (id, text) VALUES (1, $1)', ['kept']);
    });
    const failure = new Error('halfway');
    await expect(
      db.transaction(async (tx) => {
        await tx.query('INSERT INTO notes (id, text) VALUES (2, $1)', ['dropped']);
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(await db.query('SELECT text FROM notes ORDER BY id')).toEqual([{ text: 'kept' }]);
  });

  it('makes a statement from outside wait until an open transaction ends', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const transaction = db.transaction(async (tx) => {
      await tx.query('INSERT INTO notes (id, text) VALUES (1, $1)', ['inside']);
      await held;
    });
    // Sent while the transaction is open, answered after it committed: it sees the row.
    const outside = db.query<{ n: number }>('SELECT count(*)::int AS n FROM notes');
    await new Promise((resolve) => setTimeout(resolve, 50));
    release();
    await transaction;
    expect(await outside).toEqual([{ n: 1 }]);
  });

  it("keeps PostgreSQL's error code and message", async () => {
    await db.query('INSERT INTO notes (id, text) VALUES (1, $1)', ['first']);
    await expect(db.query('INSERT INTO notes (id, text) VALUES (1, $1)', ['again'])).rejects.toMatchObject({
      code: '23505',
      message: expect.stringMatching(/duplicate key/),
    });
    // The database goes on answering after an error.
    expect(await db.query('SELECT count(*)::int AS n FROM notes')).toEqual([{ n: 1 }]);
  });

  it('says what to fix when the data directory cannot be written, with the cause for the log', async () => {
    await expect(openPgliteThread('/dev/null/sme')).rejects.toSatisfy(
      (e: unknown) => e instanceof DbUnavailableError && /DATA_DIR \/dev\/null\/sme is not writable/.test(e.message),
    );
    await expect(openPgliteThread('/dev/null/sme')).rejects.toSatisfy(
      (e: unknown) => e instanceof Error && e.cause instanceof Error && /ENOTDIR/.test(String((e.cause as Error & { code?: string }).code ?? e.cause.message)),
    );
  });

  it('does not keep a process alive once idle, so a command that never closed it still ends', async () => {
    const worker = fileURLToPath(new URL('../../src/db/pglite-worker.ts', import.meta.url));
    const script = join(mkdtempSync(join(tmpdir(), 'sme-pglite-idle-')), 'never-closes.mjs');
    dataDirs.push(dirname(script));
    writeFileSync(
      script,
      `const { openPgliteThread } = await import(${JSON.stringify(worker)});\nconst db = await openPgliteThread(${JSON.stringify(dataDir())});\nconsole.log(JSON.stringify(await db.query('SELECT $1::int AS n', [7])));\n`,
    );
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', script], { timeout: 20_000 });
    expect(stdout.trim()).toBe('[{"n":7}]');
  });

  // Last: it closes the file's database.
  it('refuses statements after it was closed, saying so', async () => {
    await db.close();
    await expect(db.query('SELECT 1')).rejects.toThrow(/closed/);
  });
});
