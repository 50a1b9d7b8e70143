import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/** Who is using PGlite's one backend: this process's own statements, or a client on the socket. */
type User = 'app' | 'socket';

/**
 * PGlite has one backend session; this lends it to one user at a time. The app takes it for
 * each statement or for a whole transaction; a socket client from its first protocol message
 * until the backend says it is idle again (ReadyForQuery "I": not in a transaction, not half-way
 * through an extended-protocol exchange). Without this, pglite-socket runs a client's messages
 * one at a time under PGlite's query lock only, so the app's own statements could land inside a
 * client's open transaction (committed or rolled back with it), or between its Parse and Sync.
 */
export class BackendSession {
  private holder: User | undefined;
  private readonly waiting: { user: User; take: () => void }[] = [];

  get heldBy(): User | undefined {
    return this.holder;
  }

  /** Waits for the session; a socket client that holds it already keeps it. */
  async acquire(user: User): Promise<void> {
    if (this.holder === undefined) {
      this.holder = user;
      return;
    }
    if (user === 'socket' && this.holder === 'socket') return;
    await new Promise<void>((take) => this.waiting.push({ user, take }));
  }

  release(): void {
    const next = this.waiting.shift();
    this.holder = next?.user;
    next?.take();
  }

  /** Runs one of the app's statements or transactions with the session. */
  async run<T>(fn: () => Promise<T>): Promise<T> {
    await this.acquire('app');
    try {
      return await fn();
    } finally {
      this.release();
    }
  }
}

/** PostgreSQL clients find a server in a folder by this name (`host=<folder>` for `pg`). */
export const SOCKET_NAME = '.s.PGSQL.5432';
/** sockaddr_un holds 108 bytes with the final NUL: a longer path cannot be listened on. */
export const MAX_SOCKET_PATH = 107;
/** Commands running at once against a running bot; each waits its turn for the backend. */
const MAX_CONNECTIONS = 16;

const SYNC = new Uint8Array([0x53, 0, 0, 0, 4]);
const READY_FOR_QUERY = 0x5a;
const IDLE = 0x49;

/**
 * Serves `pglite` on a unix socket in `dir` (pglite-socket), sharing its backend with this
 * process through `session`. Returns a function that stops serving.
 */
export async function serveOnSocket(pglite: PGlite, session: BackendSession, dir: string): Promise<() => Promise<void>> {
  const path = join(dir, SOCKET_NAME);
  // We hold DATA_DIR's lock: a socket file here is one a dead holder left.
  rmSync(path, { force: true });
  const guarded = sessionGuarded(pglite, session, () => {
    // Checked once the queue has noted whose message that was (it does so after the message).
    setImmediate(() => {
      if (session.heldBy !== 'socket' || holderAttached(server)) return;
      void guarded.giveBack().then(() => resumeQueue(server));
    });
  });
  const server = new PGLiteSocketServer({ db: guarded.db, path, maxConnections: MAX_CONNECTIONS });
  await server.start();
  return async () => {
    await server.stop();
    rmSync(path, { force: true });
  };
}

/**
 * What pglite-socket's query queue uses of a PGlite instance, routed through `session`. The
 * queue asks isInTransaction() to decide whether only the last client may go next: answering
 * "the socket holds the session" makes it keep the backend for that client until it is idle,
 * and its disconnect's clean-up (exec('ROLLBACK')) gives the session back. `stillHeld` is
 * called after each message that leaves the session with the socket.
 */
function sessionGuarded(pglite: PGlite, session: BackendSession, stillHeld: () => void) {
  let idleAfterLast = false;
  /** Ends an extended-protocol exchange left half-way, then any transaction left open, and frees the session. */
  const giveBack = async (): Promise<void> => {
    try {
      await pglite.runExclusive(async () => {
        await pglite.execProtocolRaw(SYNC);
        if (pglite.isInTransaction()) await pglite.execProtocolRaw(simpleQuery('ROLLBACK'));
      });
    } finally {
      if (session.heldBy === 'socket') session.release();
    }
  };
  const guarded = {
    waitReady: pglite.waitReady,
    isInTransaction: () => session.heldBy === 'socket',
    async runExclusive<T>(fn: () => Promise<T>): Promise<T> {
      await session.acquire('socket');
      idleAfterLast = false;
      try {
        return await pglite.runExclusive(fn);
      } finally {
        if (idleAfterLast) session.release();
        else stillHeld();
      }
    },
    async execProtocolRawStream(message: Uint8Array, options: { onRawData: (data: Uint8Array) => void }): Promise<void> {
      // The last 6 bytes of the answer: ReadyForQuery is 'Z', length 5, status.
      let tail = new Uint8Array(0);
      await pglite.execProtocolRawStream(message, {
        onRawData: (data) => {
          const joined = new Uint8Array(tail.length + data.length);
          joined.set(tail);
          joined.set(data, tail.length);
          tail = joined.slice(-6);
          options.onRawData(data);
        },
      });
      idleAfterLast = tail.length === 6 && tail[0] === READY_FOR_QUERY && tail[4] === 5 && tail[5] === IDLE;
    },
    /** Only called with ROLLBACK, for a client that left while holding the session. */
    exec: giveBack,
  };
  return { db: guarded as unknown as PGlite, giveBack };
}

/** pglite-socket 0.2.17's private fields read below (the version is pinned in package.json). */
interface ServerInternals {
  handlers?: Set<{ handlerId: number; isAttached: boolean }>;
  queryQueue?: { lastHandlerId?: number | null; processQueue?: () => Promise<void> };
}

/**
 * Whether the client that holds the session is still connected. One that left while its
 * message waited for the session had its clean-up then, before the session was its own, so
 * nobody else would give it back. Should those fields change, it answers true (no check).
 */
function holderAttached(server: PGLiteSocketServer): boolean {
  const { handlers, queryQueue } = server as unknown as ServerInternals;
  const holder = queryQueue?.lastHandlerId;
  if (!handlers || typeof holder !== 'number') return true;
  return [...handlers].some((h) => h.handlerId === holder && h.isAttached);
}

/** Lets the queue serve the messages of other clients that waited for the one that left. */
function resumeQueue(server: PGLiteSocketServer): void {
  const { queryQueue } = server as unknown as ServerInternals;
  void queryQueue?.processQueue?.call(queryQueue);
}

/** A simple-protocol Query message: 'Q', int32 length (itself, the text, its NUL), the text, NUL. */
function simpleQuery(sql: string): Uint8Array {
  const text = Buffer.from(`${sql}\0`);
  const message = Buffer.alloc(5 + text.length);
  message.writeUInt8(0x51, 0);
  message.writeInt32BE(4 + text.length, 1);
  text.copy(message, 5);
  return message;
}
