/** Messages between the Db of the main thread (pglite-worker.ts) and the thread that holds PGlite (pglite-thread.ts). */
export type ToPgliteThread =
  | { id: number; op: 'query'; sql: string; params: readonly unknown[]; tx?: number }
  | { id: number; op: 'exec'; sql: string; tx?: number }
  | { id: number; op: 'begin'; tx: number }
  | { id: number; op: 'end'; tx: number; commit: boolean }
  | { id: number; op: 'close' };

/** `id` 0 answers the opening of the database. */
export type FromPgliteThread = { id: number; ok: true; rows?: unknown[] } | { id: number; ok: false; error: SerializedError };

export interface PgliteThreadData {
  dataDir: string | undefined;
  /** A folder to serve the database in, on a unix socket, to other processes (pglite-session.ts). */
  serveIn?: string;
}

/** The answer to the opening (id 0): whether the database is served on the socket asked for, and if not why. */
export interface PgliteThreadOpened {
  serving: boolean;
  notServed?: string;
}

/** An error as it crosses threads: structured cloning keeps an Error's message but not PostgreSQL's fields. */
export interface SerializedError {
  name: string;
  message: string;
  stack?: string;
  fields: Record<string, string | number | undefined>;
  /** The error's cause, so the log still says why (an unwritable DATA_DIR…). */
  cause?: SerializedError;
}

// The fields of a PostgreSQL error that callers and logs read.
const FIELDS = ['code', 'detail', 'hint', 'position', 'schema', 'table', 'column', 'constraint', 'severity', 'where'] as const;

export function serializeError(e: unknown): SerializedError {
  const error = e instanceof Error ? e : new Error(String(e));
  const fields: SerializedError['fields'] = {};
  for (const f of FIELDS) {
    const value = (error as unknown as Record<string, unknown>)[f];
    if (typeof value === 'string' || typeof value === 'number') fields[f] = value;
  }
  return {
    name: error.name,
    message: error.message,
    ...(error.stack ? { stack: error.stack } : {}),
    fields,
    ...(error.cause !== undefined ? { cause: serializeError(error.cause) } : {}),
  };
}
