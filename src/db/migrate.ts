import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { probeCapabilities } from './capabilities.ts';
import type { Db } from './db.ts';

const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations/', import.meta.url));
// Any fixed number works; all migrators take the same lock so only one applies a migration.
const MIGRATION_LOCK = 7_310_442;

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** The database was migrated by a newer release of the program than this one. */
export class SchemaTooNewError extends Error {
  constructor(
    readonly databaseVersion: number,
    readonly codeVersion: number,
  ) {
    super(
      `The database schema is at version ${databaseVersion}, newer than this program knows (${codeVersion}). Upgrade the program before running it against this database.`,
    );
    this.name = 'SchemaTooNewError';
  }
}

/** Reads `migrations/NNNN_name.sql`, ordered by number. */
export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: Number(f.slice(0, 4)), name: f.slice(5, -4), sql: readFileSync(`${dir}/${f}`, 'utf8') }));
}

/**
 * Applies pending migrations, each in its own transaction that first takes an advisory lock
 * and re-checks what is applied: safe to run twice and from two processes at once. Returns
 * the versions it applied. Refuses a database whose schema is newer than the code.
 */
export async function migrate(db: Db, migrations = readMigrations()): Promise<number[]> {
  const latest = migrations.at(-1)?.version ?? 0;
  if (await allApplied(db, migrations, latest)) {
    await probeCapabilities(db);
    return [];
  }
  const applied: number[] = [];
  for (const migration of migrations) {
    const didApply = await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      await tx.exec(
        'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
      );
      const [row] = await tx.query<{ max: number | null }>('SELECT max(version) AS max FROM schema_migrations');
      const current = row?.max ?? 0;
      if (current > latest) throw new SchemaTooNewError(current, latest);
      const [done] = await tx.query('SELECT 1 FROM schema_migrations WHERE version = $1', [migration.version]);
      if (done) return false;
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
      await tx.exec(migration.sql);
      return true;
    });
    if (didApply) applied.push(migration.version);
  }
  // A migration may have installed an extension.
  await probeCapabilities(db);
  return applied;
}

/**
 * Whether every migration is recorded already, read without the lock: a version is recorded in
 * its migration's own transaction, so a recorded one is complete. Nearly every start finds nothing
 * to apply, and the locked check costs a transaction per migration (on an embedded DATA_DIR, each
 * statement a message to the PGlite thread). In the schema the migrations would create tables in
 * (the first of the search path that exists), not one further down the path.
 */
async function allApplied(db: Db, migrations: readonly Migration[], latest: number): Promise<boolean> {
  const [table] = await db.query<{ present: boolean }>(
    "SELECT EXISTS (SELECT 1 FROM pg_tables WHERE schemaname = current_schema() AND tablename = 'schema_migrations') AS present",
  );
  if (!table?.present) return false;
  const recorded = new Set((await db.query<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => r.version));
  const newest = Math.max(0, ...recorded);
  if (newest > latest) throw new SchemaTooNewError(newest, latest);
  return migrations.every((m) => recorded.has(m.version));
}
