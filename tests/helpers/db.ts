import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import pg from 'pg';
import type { Db } from '../../src/db/db.ts';
import { migrate } from '../../src/db/migrate.ts';
import { openPglite } from '../../src/db/pglite.ts';
import { openPostgres } from '../../src/db/postgres.ts';

export interface TestDatabase {
  name: 'pglite' | 'postgres';
  /** A fresh, migrated, empty database of its own. Close it when done. */
  open(): Promise<Db>;
}

/** The PostgreSQL server the suite also runs on, when SME_TEST_POSTGRES_URL is set (.ci/run sets it). */
export const postgresUrl = process.env.SME_TEST_POSTGRES_URL;

let template: Promise<Blob> | undefined;

/** Creating a PGlite cluster costs seconds; cloning the migrated dump made once by tests/global-setup.ts costs a fraction. */
async function pgliteTemplate(): Promise<Blob> {
  template ??= readFile(inject('pgliteDumpFile')).then((bytes) => new Blob([bytes]));
  return template;
}

/** A fresh DATA_DIR holding a migrated, empty embedded database, for running the real program. */
export function freshDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sme-data-'));
  cpSync(inject('pgliteDataDirTemplate'), dir, { recursive: true });
  return dir;
}

export async function openTestPglite(): Promise<Db> {
  const db = await openPglite(undefined, { loadDataDir: await pgliteTemplate() });
  await migrate(db);
  return db;
}

/** Each call gets its own schema, left in place afterwards so a failure can be inspected. */
export async function openTestPostgres(url = postgresUrl!): Promise<Db> {
  const db = await openPostgres(await createTestPostgresSchema(url));
  await migrate(db);
  return db;
}

/** A URL whose connections see only a new, empty schema of their own (not migrated). */
export async function createTestPostgresSchema(url = postgresUrl!): Promise<string> {
  const schema = `t_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query('CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public').catch(() => {});
    await admin.query(`CREATE SCHEMA ${schema}`);
  } finally {
    await admin.end();
  }
  const scoped = new URL(url);
  scoped.searchParams.set('options', `-c search_path=${schema},public`);
  return scoped.toString();
}

export function testDatabases(): TestDatabase[] {
  const list: TestDatabase[] = [{ name: 'pglite', open: openTestPglite }];
  if (postgresUrl) list.push({ name: 'postgres', open: () => openTestPostgres() });
  return list;
}
