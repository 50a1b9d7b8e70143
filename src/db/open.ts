import { join } from 'node:path';
import type { DatabaseConfig } from '../config.ts';
import { probeCapabilities } from './capabilities.ts';
import { DataDirInUseError, describeHolder, LOCK_FILE, lockDataDir, type DataDirHolder } from './data-dir-lock.ts';
import type { Db } from './db.ts';
import { migrate } from './migrate.ts';
import { clusterDir, writableDataDir } from './pglite.ts';
import { restoreEmptyClusterIfNew } from './empty-cluster.ts';
import { MAX_SOCKET_PATH, SOCKET_NAME } from './pglite-session.ts';
import { openPgliteThread } from './pglite-worker.ts';
import { openPostgres } from './postgres.ts';

export interface OpenDatabaseOptions {
  /** Apply pending migrations (default true). */
  migrateSchema?: boolean;
  onIdleClientError?: (error: Error) => void;
  /**
   * The embedded database must be this process's own (`start`): refused when another process
   * has DATA_DIR open. Otherwise a command reaches the database through the process that has it.
   */
  own?: boolean;
  /** Where the lock's takeovers and the socket's state are told (the app's logger). */
  logger?: { info(fields: object, message: string): void; warn(fields: object, message: string): void };
}

/**
 * Opens the configured database and probes what it can do. The embedded database belongs to
 * one process at a time (DATA_DIR's lock, data-dir-lock.ts); that process serves it on a unix
 * socket in DATA_DIR, and other commands open it through that socket.
 */
export async function openDatabase(config: DatabaseConfig, options: OpenDatabaseOptions = {}): Promise<Db> {
  if (config.kind === 'postgres') return openPostgresWithDeadlines(config, options);
  const db = await openEmbedded(config.dataDir, options);
  try {
    // Migrating probes again after the migrations, which may install an extension.
    if (options.migrateSchema ?? true) await migrate(db);
    else await probeCapabilities(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}

/**
 * PostgreSQL with statement deadlines and keepalive, so a silent link fails a statement instead
 * of holding it. Migrations run before, on a connection of their own without the deadline: a
 * migration (or waiting for another process's) may rightly take longer than any question.
 */
async function openPostgresWithDeadlines(config: Extract<DatabaseConfig, { kind: 'postgres' }>, options: OpenDatabaseOptions): Promise<Db> {
  if (options.migrateSchema ?? true) {
    const migrating = await openPostgres(config.url, { max: 1 });
    try {
      await migrate(migrating);
    } finally {
      await migrating.close();
    }
  }
  const db = await openPostgres(config.url, {
    ...(options.onIdleClientError ? { onIdleClientError: options.onIdleClientError } : {}),
    ...(config.statementTimeoutMs ? { statementTimeoutMs: config.statementTimeoutMs } : {}),
    ...(config.keepAliveMs ? { keepAliveMs: config.keepAliveMs } : {}),
  });
  try {
    await probeCapabilities(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}

async function openEmbedded(dataDir: string, options: OpenDatabaseOptions): Promise<Db> {
  const dir = writableDataDir(dataDir);
  const taken = lockDataDir(dir, (stale) =>
    options.logger?.info(
      { dataDir: dir, stale },
      `took over DATA_DIR from ${stale ? describeHolder(stale) : 'an unreadable lock file'}: that process is no longer running`,
    ),
  );
  if ('heldBy' in taken) return openThroughHolder(dir, taken.heldBy, options);
  const { lock } = taken;
  const socketFits = join(dir, SOCKET_NAME).length <= MAX_SOCKET_PATH;
  let db: Awaited<ReturnType<typeof openPgliteThread>>;
  try {
    // Unpacked here rather than in the PGlite thread: what unpacking used is freed where the
    // bot's own allocations reuse it, not in the thread's heap (~30 MB of a first start).
    await restoreEmptyClusterIfNew(clusterDir(dir));
    db = await openPgliteThread(dir, socketFits ? { serveIn: dir } : {});
  } catch (error) {
    lock.release();
    throw error;
  }
  if (db.served.serving) lock.serving(dir);
  else {
    const why = socketFits ? db.served.notServed : `the socket path ${join(dir, SOCKET_NAME)} is longer than ${MAX_SOCKET_PATH} bytes`;
    options.logger?.warn(
      { dataDir: dir },
      `other commands cannot reach the database while this process runs (${why}): they will be told to stop it or set DATABASE_URL`,
    );
  }
  const close = db.close.bind(db);
  db.close = async () => {
    try {
      await close();
    } finally {
      lock.release();
    }
  };
  return db;
}

async function openThroughHolder(dir: string, holder: DataDirHolder, options: OpenDatabaseOptions): Promise<Db> {
  const who = describeHolder(holder);
  const lockFile = join(dir, LOCK_FILE);
  if (options.own) {
    throw new DataDirInUseError(
      `DATA_DIR ${dir} is already open in ${who}, and this command needs it to itself: stop that process first (or let it finish), or set DATABASE_URL to use PostgreSQL, which several processes can share.`,
      holder,
    );
  }
  if (!holder.socketDir) {
    throw new DataDirInUseError(
      `DATA_DIR ${dir} is in use by ${who}, which does not share it: wait for it to finish or stop it, or set DATABASE_URL to use PostgreSQL. If no such process is running, delete ${lockFile}.`,
      holder,
    );
  }
  try {
    const db = await openPostgres(
      { socketDir: holder.socketDir },
      { namedStatements: false, max: 4, ...(options.onIdleClientError ? { onIdleClientError: options.onIdleClientError } : {}) },
    );
    options.logger?.info({ dataDir: dir, holder }, `using the embedded database through ${who}`);
    return db;
  } catch (cause) {
    throw new DataDirInUseError(
      `DATA_DIR ${dir} is in use by ${who}, and its database socket in ${holder.socketDir} did not answer (${(cause as Error).message}): stop that process, or set DATABASE_URL to use PostgreSQL. If no such process is running, delete ${lockFile}.`,
      holder,
    );
  }
}
