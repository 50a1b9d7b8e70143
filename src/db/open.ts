import type { DatabaseConfig } from '../config.ts';
import type { Db } from './db.ts';
import { migrate } from './migrate.ts';
import { openPgliteThread } from './pglite-worker.ts';
import { openPostgres } from './postgres.ts';

/** Opens the configured database; `migrateSchema` (default true) applies pending migrations. */
export async function openDatabase(config: DatabaseConfig, options: { migrateSchema?: boolean; onIdleClientError?: (error: Error) => void } = {}): Promise<Db> {
  const db = config.kind === 'pglite' ? await openPgliteThread(config.dataDir) : await openPostgres(config.url, options.onIdleClientError ? { onIdleClientError: options.onIdleClientError } : {});
  if (options.migrateSchema ?? true) {
    try {
      await migrate(db);
    } catch (error) {
      await db.close();
      throw error;
    }
  }
  return db;
}
