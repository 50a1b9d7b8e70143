import type { DatabaseConfig } from '../config.ts';
import { probeCapabilities } from './capabilities.ts';
import type { Db } from './db.ts';
import { migrate } from './migrate.ts';
import { openPgliteThread } from './pglite-worker.ts';
import { openPostgres } from './postgres.ts';

/** Opens the configured database; `migrateSchema` (default true) applies pending migrations; what the database can do (pgvector) is probed either way. */
export async function openDatabase(config: DatabaseConfig, options: { migrateSchema?: boolean; onIdleClientError?: (error: Error) => void } = {}): Promise<Db> {
  const db = config.kind === 'pglite' ? await openPgliteThread(config.dataDir) : await openPostgres(config.url, options.onIdleClientError ? { onIdleClientError: options.onIdleClientError } : {});
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
