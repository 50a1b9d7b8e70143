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

// Network failures (Node's codes), and what pg says when a link breaks or stays silent.
const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
const UNREACHABLE_MESSAGES = /Connection terminated|Query read timeout|timeout exceeded when trying to connect|not queryable|connection error/i;
// SQLSTATE: 08 connection exception, 57014 statement cancelled (statement_timeout), 57P01–57P03 shutting down or starting, 53300 too many connections.
const UNREACHABLE_SQLSTATE = /^(08...|57014|57P0[123]|53300)$/;

/**
 * True when `error` (or an error it wraps, as `cause` or grammY's `error`) says the database did
 * not answer: unreachable, cut, silent past the statement deadline, or shutting down. Retrying
 * later may then succeed, unlike after a refused statement.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 8; depth++) {
    if (e instanceof DbUnavailableError) return true;
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && (UNREACHABLE_CODES.has(code) || UNREACHABLE_SQLSTATE.test(code))) return true;
    if (typeof message === 'string' && UNREACHABLE_MESSAGES.test(message)) return true;
    e = (e as { cause?: unknown }).cause ?? (e as { error?: unknown }).error;
  }
  return false;
}
