import { Worker } from 'node:worker_threads';
import { DbUnavailableError, type Db, type Queryable } from './db.ts';
import type { FromPgliteThread, PgliteThreadData, PgliteThreadOpened, SerializedError, ToPgliteThread } from './pglite-protocol.ts';

const THREAD = new URL('./pglite-thread.mjs', import.meta.url);

type Request = ToPgliteThread extends infer M ? (M extends { id: number } ? Omit<M, 'id'> : never) : never;

/**
 * The embedded PGlite database in a thread of its own. PGlite executes every statement on the
 * thread that calls it, so in the bot's thread the database's work and the bot's share one
 * core; here they run side by side, and the bot thread only posts statements and takes rows.
 * Same contract as openPglite (pglite.ts), which runs in the caller's thread. With `serveIn`
 * the thread also serves the database to other processes on a unix socket in that folder.
 */
export async function openPgliteThread(dataDir: string | undefined, options: { serveIn?: string } = {}): Promise<Db & { served: PgliteThreadOpened }> {
  const worker = new Worker(THREAD, { workerData: { dataDir, ...options } satisfies PgliteThreadData });
  const waiting = new Map<number, { resolve: (rows: unknown[] | undefined) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  let nextTx = 1;
  let ended: Error | undefined;
  const opened = new Promise<unknown[] | undefined>((resolve, reject) => waiting.set(0, { resolve, reject }));
  worker.on('message', (m: FromPgliteThread) => {
    const w = waiting.get(m.id);
    if (!w) return;
    waiting.delete(m.id);
    // An idle database does not keep the process alive (as PGlite in the caller's thread would
    // not): a command that ends without closing it still exits. A statement under way does.
    if (waiting.size === 0) worker.unref();
    if (m.ok) w.resolve(m.rows);
    else w.reject(deserializeError(m.error));
  });
  const fail = (error: Error) => {
    // A crash reports 'error' before 'exit': the first reason is the one worth keeping.
    ended ??= error;
    for (const w of waiting.values()) w.reject(ended);
    waiting.clear();
  };
  worker.on('error', (e) => fail(new Error(`the PGlite thread failed: ${e.message}`, { cause: e })));
  worker.on('exit', () => fail(new Error('the database was closed: its PGlite thread has ended')));

  const call = (request: Request): Promise<unknown[] | undefined> => {
    if (ended) return Promise.reject(ended);
    const id = nextId++;
    return new Promise((resolve, reject) => {
      waiting.set(id, { resolve, reject });
      worker.ref();
      worker.postMessage({ ...request, id } as ToPgliteThread);
    });
  };
  const queryable = (tx?: number): Queryable => ({
    query: async <T>(sql: string, params: readonly unknown[] = []) => ((await call({ op: 'query', sql, params, ...(tx ? { tx } : {}) })) ?? []) as T[],
    exec: async (sql: string) => {
      await call({ op: 'exec', sql, ...(tx ? { tx } : {}) });
    },
  });

  let served: PgliteThreadOpened;
  try {
    served = ((await opened) as PgliteThreadOpened[])[0]!;
  } catch (e) {
    await worker.terminate();
    throw e;
  }
  return {
    kind: 'pglite',
    hasVector: false,
    served,
    ...queryable(),
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      const tx = nextTx++;
      await call({ op: 'begin', tx });
      let result: T;
      try {
        result = await fn(queryable(tx));
      } catch (e) {
        // The statement's own error says what went wrong; a failed rollback would only hide it.
        await call({ op: 'end', tx, commit: false }).catch(() => undefined);
        throw e;
      }
      await call({ op: 'end', tx, commit: true });
      return result;
    },
    async close() {
      if (ended) return;
      await call({ op: 'close' });
      await worker.terminate();
    },
  };
}

function deserializeError(e: SerializedError): Error {
  const options = e.cause ? { cause: deserializeError(e.cause) } : undefined;
  const error = e.name === 'DbUnavailableError' ? new DbUnavailableError(e.message, options) : new Error(e.message, options);
  if (e.name !== 'DbUnavailableError') error.name = e.name;
  Object.assign(error, e.fields);
  if (e.stack) error.stack = e.stack;
  return error;
}
