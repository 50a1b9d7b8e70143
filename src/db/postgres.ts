import pg from 'pg';
import { DbUnavailableError, type Db, type Queryable } from './db.ts';

/** Connects to PostgreSQL; fails with a message naming host and port when it is unreachable. */
export async function openPostgres(url: string, options: { max?: number } = {}): Promise<Db> {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10, connectionTimeoutMillis: 5_000 });
  // An idle client's error (server restart) must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  try {
    const client = await pool.connect();
    client.release();
  } catch (cause) {
    await pool.end().catch(() => {});
    const { hostname, port, pathname } = new URL(url);
    throw new DbUnavailableError(
      `Cannot connect to PostgreSQL at ${hostname || 'localhost'}:${port || '5432'} (database ${pathname.slice(1) || '(default)'}): ${(cause as Error).message}. Check DATABASE_URL and that the server is running.`,
      { cause },
    );
  }
  return new PostgresDb(pool);
}

class PostgresDb implements Db {
  readonly kind = 'postgres' as const;
  hasVector = false;
  constructor(private readonly pool: pg.Pool) {}

  async query<T>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    const result = await this.pool.query(sql, params as unknown[]);
    return result.rows as T[];
  }

  async exec(sql: string): Promise<void> {
    await this.pool.query(sql);
  }

  async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await fn({
        query: async <R>(sql: string, params: readonly unknown[] = []) => (await client.query(sql, params as unknown[])).rows as R[],
        exec: async (sql: string) => {
          await client.query(sql);
        },
      });
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
