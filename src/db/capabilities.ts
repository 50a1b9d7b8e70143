import type { Db } from './db.ts';

/**
 * Reads what this database can do (today: whether pgvector is installed) into `db`. Run when a
 * database is opened, whether or not it is migrated, and again after migrating (a migration may
 * install an extension).
 */
export async function probeCapabilities(db: Db): Promise<void> {
  const [vector] = await db.query("SELECT 1 FROM pg_extension WHERE extname = 'vector'");
  db.hasVector = vector !== undefined;
}
