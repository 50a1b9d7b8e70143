/** Anything that runs parameterised SQL: the database itself or an open transaction. */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs a script of several statements without parameters (migrations, fixtures). */
  exec(sql: string): Promise<void>;
}

/**
 * The one narrow database interface the rest of the program sees. Implemented for PGlite
 * (embedded default) and PostgreSQL through `pg`.
 */
export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** True when the pgvector extension is installed in this database (probed when the database is opened). */
  hasVector: boolean;
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** A database that cannot be reached or created; `message` says what to fix. */
export class DbUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DbUnavailableError';
  }
}
