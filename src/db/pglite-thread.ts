import { parentPort, workerData } from 'node:worker_threads';
import type { Queryable } from './db.ts';
import { openPglite } from './pglite.ts';
import { BackendSession, serveOnSocket } from './pglite-session.ts';
import { type FromPgliteThread, type PgliteThreadData, type PgliteThreadOpened, serializeError, type ToPgliteThread } from './pglite-protocol.ts';

/**
 * The thread that holds an embedded PGlite database for the main thread (see pglite-worker.ts).
 * PGlite runs each statement on the thread that calls it; here that is not the bot's.
 */
const port = parentPort!;
const send = (m: FromPgliteThread) => port.postMessage(m);
const { dataDir, serveIn } = workerData as PgliteThreadData;

try {
  const db = await openPglite(dataDir);
  // Shared with the commands served on the socket: one user of PGlite's backend at a time.
  const session = new BackendSession();
  let stopServing: (() => Promise<void>) | undefined;
  let notServed: string | undefined;
  if (serveIn) {
    // Without the socket the database still works for this process; the caller says what is lost.
    try {
      stopServing = await serveOnSocket(db.pglite, session, serveIn);
    } catch (e) {
      notServed = (e as Error).message;
    }
  }
  /**
   * Open transactions. Each holds PGlite's lock until the main thread ends it, so statements
   * from outside wait, as they would in one thread; `settled` is PGlite's COMMIT or ROLLBACK.
   */
  const transactions = new Map<number, { tx: Queryable; end: (commit: boolean) => void; settled: Promise<void> }>();
  const ROLLED_BACK = Symbol('rolled back');
  const target = (tx: number | undefined): Queryable => {
    if (tx === undefined) return db;
    const open = transactions.get(tx);
    if (!open) throw new Error(`transaction ${tx} is not open`);
    return open.tx;
  };
  // The session is given back when the transaction has settled, whichever way (below).
  const begin = async (id: number) => {
    await session.acquire('app');
    await beginHeld(id);
  };
  const beginHeld = (id: number) =>
    new Promise<void>((begun, failed) => {
      const settled = db
        .transaction(
          (tx) =>
            new Promise<void>((commit, rollback) => {
              transactions.set(id, { tx, end: (ok) => (ok ? commit() : rollback(ROLLED_BACK)), settled });
              begun();
            }),
        )
        .catch((e: unknown) => {
          if (e !== ROLLED_BACK) throw e;
        })
        .finally(() => {
          transactions.delete(id);
          session.release();
        });
      // Before the callback runs (PGlite first awaits its BEGIN), so `settled` above is set.
      settled.catch(failed);
    });
  const handle = async (m: ToPgliteThread): Promise<unknown[] | undefined> => {
    switch (m.op) {
      case 'query':
        return m.tx === undefined ? session.run(() => db.query(m.sql, m.params)) : target(m.tx).query(m.sql, m.params);
      case 'exec':
        await (m.tx === undefined ? session.run(() => db.exec(m.sql)) : target(m.tx).exec(m.sql));
        return undefined;
      case 'begin':
        await begin(m.tx);
        return undefined;
      case 'end': {
        const open = transactions.get(m.tx);
        if (!open) throw new Error(`transaction ${m.tx} is not open`);
        open.end(m.commit);
        await open.settled;
        return undefined;
      }
      case 'close':
        await stopServing?.();
        await db.close();
        return undefined;
    }
  };
  port.on('message', (m: ToPgliteThread) => {
    handle(m).then(
      (rows) => {
        send(rows ? { id: m.id, ok: true, rows } : { id: m.id, ok: true });
        if (m.op === 'close') port.close();
      },
      (e: unknown) => send({ id: m.id, ok: false, error: serializeError(e) }),
    );
  });
  send({ id: 0, ok: true, rows: [{ serving: stopServing !== undefined, ...(notServed ? { notServed } : {}) } satisfies PgliteThreadOpened] });
} catch (e) {
  send({ id: 0, ok: false, error: serializeError(e) });
}
