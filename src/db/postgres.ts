import { createHash } from 'node:crypto';
import pg from 'pg';
import { DbUnavailableError, type Db, type Queryable } from './db.ts';

export interface PostgresOptions {
  max?: number;
  onIdleClientError?: (error: Error) => void;
  /** False for a server whose one session outlives our connections (PGlite served by a running bot, pglite-session.ts). */
  namedStatements?: boolean;
  /**
   * One statement's limit: the server cancels it (statement_timeout), and our side gives up a
   * little later when no answer comes at all (a silent link, where the server's cancel never
   * arrives). Unset: no limit (migrations, which may rightly run long).
   */
  statementTimeoutMs?: number;
  /** TCP keepalive's first probe after this much idle time, so a dead link is noticed on an idle connection. */
  keepAliveMs?: number;
}

/** How much longer than statement_timeout our side waits for the server's own cancel before giving up on the link. */
const SILENT_LINK_MARGIN_MS = 2_000;

/**
 * Connects to PostgreSQL by URL, or to a server listening on a unix socket in `socketDir`;
 * fails with a message naming where when it is unreachable.
 */
export async function openPostgres(target: string | { socketDir: string }, options: PostgresOptions = {}): Promise<Db> {
  const where = typeof target === 'string' ? { connectionString: target } : { host: target.socketDir, user: 'postgres', database: 'postgres' };
  const pool = new pg.Pool({
    ...where,
    max: options.max ?? 10,
    connectionTimeoutMillis: 5_000,
    ...(options.statementTimeoutMs ? { statement_timeout: options.statementTimeoutMs, query_timeout: options.statementTimeoutMs + SILENT_LINK_MARGIN_MS } : {}),
    ...(options.keepAliveMs ? { keepAlive: true, keepAliveInitialDelayMillis: options.keepAliveMs } : {}),
  });
  // An idle client's error (server restart) must not crash the process; the next query reconnects.
  pool.on('error', (error) => options.onIdleClientError?.(error));
  try {
    const client = await pool.connect();
    client.release();
  } catch (cause) {
    await pool.end().catch(() => {});
    if (typeof target !== 'string') throw new DbUnavailableError((cause as Error).message, { cause });
    const { hostname, port, pathname } = new URL(target);
    throw new DbUnavailableError(
      `Cannot connect to PostgreSQL at ${hostname || 'localhost'}:${port || '5432'} (database ${pathname.slice(1) || '(default)'}): ${(cause as Error).message}. Check DATABASE_URL and that the server is running.`,
      { cause },
    );
  }
  return new PostgresDb(pool, options.namedStatements ?? true);
}

/** Distinct statement texts given a name; past this many, texts run unnamed (see `named`). */
const MAX_NAMED = 1_000;

/**
 * Every statement runs as a named prepared statement, parsed and analysed once per connection
 * instead of on every call: half of PostgreSQL's work for the short statements a question
 * runs (measured on this project's rate-limit upsert and member read). The name is a hash of
 * the text, so one text always has one name. Our statement texts are constants with
 * parameters; should some code build texts from values, the first MAX_NAMED distinct texts
 * are named and the rest run unnamed, so neither this map nor the server's statements grow
 * without bound.
 */
function statementNames(): (sql: string) => string | undefined {
  const names = new Map<string, string>();
  return (sql) => {
    let name = names.get(sql);
    if (name === undefined && names.size < MAX_NAMED) {
      name = `s${createHash('sha1').update(sql).digest('base64url')}`;
      names.set(sql, name);
    }
    return name;
  };
}

class PostgresDb implements Db {
  readonly kind = 'postgres' as const;
  hasVector = false;
  private readonly named = statementNames();
  constructor(
    private readonly pool: pg.Pool,
    private readonly namedStatements: boolean,
  ) {}

  private statement(sql: string, params: readonly unknown[]): pg.QueryConfig {
    // Without parameters pg sends the text as a simple query, which may hold several statements.
    const name = params.length > 0 && this.namedStatements ? this.named(sql) : undefined;
    return { text: sql, values: params as unknown[], ...(name ? { name } : {}) };
  }

  async query<T>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    const result = await this.pool.query(this.statement(sql, params));
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
        query: async <R>(sql: string, params: readonly unknown[] = []) => (await client.query(this.statement(sql, params))).rows as R[],
        exec: async (sql: string) => {
          await client.query(sql);
        },
      });
      await client.query('COMMIT');
      client.release();
      return result;
    } catch (error) {
      // A connection that cannot even roll back (the link is gone or silent) must not go back to the pool.
      const broken = await client.query('ROLLBACK').then(
        () => undefined,
        (e: unknown) => (e instanceof Error ? e : new Error(String(e))),
      );
      client.release(broken);
      throw error;
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
