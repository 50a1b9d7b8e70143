import { mkdirSync, accessSync, constants } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { vector } from '@electric-sql/pglite-pgvector';
import { DbUnavailableError, type Db, type Queryable } from './db.ts';

/**
 * Opens (creating if needed) an embedded PGlite database. `dataDir` undefined → in memory.
 * `loadDataDir` starts from a dump made with `dumpDataDir()`, which is much faster than
 * creating a fresh cluster.
 */
export async function openPglite(dataDir: string | undefined, options: { loadDataDir?: Blob | File } = {}): Promise<Db & { pglite: PGlite }> {
  let dir: string | undefined;
  if (dataDir !== undefined) {
    dir = resolve(dataDir);
    try {
      mkdirSync(dir, { recursive: true });
      accessSync(dir, constants.W_OK);
    } catch (cause) {
      throw new DbUnavailableError(`DATA_DIR ${dir} is not writable: ${(cause as Error).message}. Point DATA_DIR at a folder this user can write, or set DATABASE_URL.`, { cause });
    }
  }
  const pglite = await PGlite.create({
    ...(dir ? { dataDir: resolve(dir, 'pglite') } : {}),
    extensions: { vector, pg_trgm },
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
  });
  return new PgliteDb(pglite);
}

class PgliteDb implements Db {
  readonly kind = 'pglite' as const;
  hasVector = false;
  constructor(readonly pglite: PGlite) {}

  async query<T>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    const result = await this.pglite.query<T>(sql, params as unknown[]);
    return result.rows;
  }

  async exec(sql: string): Promise<void> {
    await this.pglite.exec(sql);
  }

  async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    return this.pglite.transaction(async (tx) =>
      fn({
        query: async <R>(sql: string, params: readonly unknown[] = []) => (await tx.query<R>(sql, params as unknown[])).rows,
        exec: async (sql: string) => {
          await tx.exec(sql);
        },
      }),
    );
  }

  async close(): Promise<void> {
    if (!this.pglite.closed) await this.pglite.close();
  }
}
