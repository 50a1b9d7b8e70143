import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { DataDirInUseError, LOCK_FILE } from '../../src/db/data-dir-lock.ts';
import type { Db } from '../../src/db/db.ts';
import { openDatabase } from '../../src/db/open.ts';
import { freshDataDir } from '../helpers/db.ts';

const dirs: string[] = [];
const dataDir = () => {
  const dir = freshDataDir();
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** Log lines a logger was given. */
function recordingLogger() {
  const lines: string[] = [];
  const log = (fields: object, message: string) => lines.push(`${message} ${JSON.stringify(fields)}`);
  return { lines, logger: { info: log, warn: log } };
}

/** The pid of a process that has ended. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
  return Number(child.stdout.trim());
}

describe('one process owns an embedded DATA_DIR', () => {
  it('refuses a second process in one line naming the holder and what to do, while the holder does not share it', async () => {
    const dir = dataDir();
    // A live process (this one) that holds the folder without serving it, as a command mid-import would.
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: process.pid, command: 'sme-bridge import staff.jsonl', since: '2026-12-06T13:20:01.000Z' }));
    const opening = openDatabase({ kind: 'pglite', dataDir: dir });
    await expect(opening).rejects.toBeInstanceOf(DataDirInUseError);
    const message = ((await opening.catch((e: unknown) => e)) as Error).message;
    expect(message).not.toContain('\n');
    expect(message).toContain(`pid ${process.pid} (sme-bridge import staff.jsonl), since 2026-12-06 13:20:01 UTC`);
    expect(message).toMatch(/stop it.*DATABASE_URL/);
  });

  it('takes over the lock of a process that has died, saying so in the log, and gives it back on close', async () => {
    const dir = dataDir();
    const pid = deadPid();
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid, command: 'sme-bridge start', since: '2026-12-06T10:00:00.000Z' }));
    const { lines, logger } = recordingLogger();
    const db = await openDatabase({ kind: 'pglite', dataDir: dir }, { logger });
    try {
      expect(lines.join('\n')).toMatch(new RegExp(`took over DATA_DIR from pid ${pid} \\(sme-bridge start\\)`));
      expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: process.pid, socketDir: dir });
    } finally {
      await db.close();
    }
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  }, 60_000);

  describe('while the owner serves it', () => {
    const dir = dataDir();
    let owner: Db;
    let client: Db;
    afterAll(async () => {
      await client?.close();
      await owner?.close();
    });

    it('a command opens it through the owner, and a second owner is refused in one line', async () => {
      owner = await openDatabase({ kind: 'pglite', dataDir: dir }, { own: true });
      client = await openDatabase({ kind: 'pglite', dataDir: dir });
      expect(client.hasVector).toBe(true);
      await owner.exec('CREATE TABLE scratch (v text)');
      await client.query('INSERT INTO scratch VALUES ($1)', ['from the command']);
      expect(await owner.query('SELECT v FROM scratch')).toEqual([{ v: 'from the command' }]);

      const second = await openDatabase({ kind: 'pglite', dataDir: dir }, { own: true }).catch((e: unknown) => e as Error);
      expect(second).toBeInstanceOf(DataDirInUseError);
      expect((second as Error).message).not.toContain('\n');
      expect((second as Error).message).toMatch(new RegExp(`already open in pid ${process.pid} .*stop that process first.*DATABASE_URL`));
    }, 60_000);

    it("the owner's statements never land in a command's open transaction", async () => {
      await owner.exec('DELETE FROM scratch');
      let ownerInsert: Promise<unknown> | undefined;
      const rolledBack = client.transaction(async (tx) => {
        await tx.query('INSERT INTO scratch VALUES ($1)', ['command, rolled back']);
        ownerInsert = owner.query('INSERT INTO scratch VALUES ($1)', ['owner']);
        await tx.query('SELECT pg_sleep(0.05)');
        throw new Error('roll back');
      });
      await expect(rolledBack).rejects.toThrow('roll back');
      await ownerInsert;
      expect(await owner.query('SELECT v FROM scratch')).toEqual([{ v: 'owner' }]);
    });

    it('a command that dies inside a transaction leaves nothing behind, and the owner goes on', async () => {
      await owner.exec('DELETE FROM scratch');
      const dying = new pg.Client({ host: dir, user: 'postgres', database: 'postgres' });
      await dying.connect();
      await dying.query('BEGIN');
      await dying.query('INSERT INTO scratch VALUES ($1)', ['never committed']);
      // And half-way through an extended-protocol exchange that failed: a bad Parse, no Sync.
      const stream = (dying as unknown as { connection: { stream: { write(b: Buffer): void; end(): void } } }).connection.stream;
      const parse = Buffer.from('P\0\0\0\0\0SELEC 1\0\0\0');
      parse.writeInt32BE(parse.length - 1, 1);
      stream.write(parse);
      stream.end();
      dying.on('error', () => {});
      await owner.query('INSERT INTO scratch VALUES ($1)', ['owner']);
      expect(await owner.query('SELECT v FROM scratch')).toEqual([{ v: 'owner' }]);
      expect(await client.query<{ n: number }>('SELECT 1 AS n')).toEqual([{ n: 1 }]);
    });

    it('a command that leaves while its BEGIN waits for the owner does not keep the database', async () => {
      const leaving = new pg.Client({ host: dir, user: 'postgres', database: 'postgres' });
      await leaving.connect();
      leaving.on('error', () => {});
      const stream = (leaving as unknown as { connection: { stream: { destroy(): void } } }).connection.stream;
      const settle = () => new Promise((resolve) => setTimeout(resolve, 100));
      await owner.transaction(async (tx) => {
        await tx.query('SELECT 1');
        void leaving.query('BEGIN').catch(() => undefined);
        await settle();
        stream.destroy();
        await settle();
      });
      expect(await owner.query<{ n: number }>('SELECT 1 AS n')).toEqual([{ n: 1 }]);
      expect(await client.query<{ n: number }>('SELECT 2 AS n')).toEqual([{ n: 2 }]);
    }, 20_000);

    it("a command's statements never land in the owner's open transaction", async () => {
      await owner.exec('DELETE FROM scratch');
      let clientInsert: Promise<unknown> | undefined;
      const rolledBack = owner.transaction(async (tx) => {
        await tx.query('INSERT INTO scratch VALUES ($1)', ['owner, rolled back']);
        clientInsert = client.query('INSERT INTO scratch VALUES ($1)', ['command']);
        await tx.query('SELECT pg_sleep(0.05)');
        throw new Error('roll back');
      });
      await expect(rolledBack).rejects.toThrow('roll back');
      await clientInsert;
      expect(await owner.query('SELECT v FROM scratch')).toEqual([{ v: 'command' }]);
    });
  });
});
