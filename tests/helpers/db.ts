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

interface Baseline {
  tables: string[];
  /** Rows the migrations themselves wrote, put back after every test. */
  rows: { table: string; json: string }[];
  schema: string;
}

/** Closed test databases, emptied back to their migrated state, waiting for the next test of this worker; and what they were emptied to. */
const pools = {
  pglite: { idle: [] as Db[], baseline: undefined as Promise<Baseline> | undefined },
  postgres: { idle: [] as Db[], baseline: undefined as Promise<Baseline> | undefined },
};

// Tables, columns, triggers and functions of this database's own schema (a PostgreSQL server holds
// the other workers' test schemas beside it): a test that changed any of them leaves no reusable database.
const SCHEMA_FINGERPRINT = `SELECT md5(string_agg(x, ',' ORDER BY x)) AS fingerprint FROM (
  SELECT c.relname::text || '.' || a.attname::text || ':' || a.atttypid::text AS x FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid
   WHERE c.relnamespace = current_schema()::regnamespace AND a.attnum > 0 AND NOT a.attisdropped
  UNION ALL SELECT t.tgname::text || t.tgenabled::text FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
   WHERE NOT t.tgisinternal AND c.relnamespace = current_schema()::regnamespace
  UNION ALL SELECT proname::text || md5(prosrc) FROM pg_proc WHERE pronamespace = current_schema()::regnamespace) parts`;

async function captureBaseline(db: Db): Promise<Baseline> {
  const tables = (
    await db.query<{ name: string }>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() AND tablename <> 'schema_migrations'`)
  ).map((r) => r.name);
  const rows: Baseline['rows'] = [];
  for (const table of tables) {
    const [row] = await db.query<{ json: string | null }>(`SELECT json_agg(t)::text AS json FROM ${table} t`);
    if (row?.json) rows.push({ table, json: row.json });
  }
  const [fingerprint] = await db.query<{ fingerprint: string }>(SCHEMA_FINGERPRINT);
  return { tables, rows, schema: fingerprint!.fingerprint };
}

/** Empties a test's database back to the migrated state; false when it cannot be reused. */
async function reset(db: Db, base: Baseline): Promise<boolean> {
  try {
    const [now] = await db.query<{ fingerprint: string }>(SCHEMA_FINGERPRINT);
    if (now?.fingerprint !== base.schema) return false;
    await db.transaction(async (tx) => {
      // Without the tables' own triggers: a TRUNCATE trigger would record a change (the change
      // feed's rows) that the migrated database does not have.
      await tx.exec(`SET LOCAL session_replication_role = replica`);
      await tx.exec(`TRUNCATE ${base.tables.join(', ')} RESTART IDENTITY CASCADE`);
      for (const { table, json } of base.rows) await tx.query(`INSERT INTO ${table} SELECT * FROM json_populate_recordset(null::${table}, $1::json)`, [json]);
    });
    return true;
  } catch {
    return false;
  }
}

/**
 * A migrated, empty database of `kind`, lent: a database closed by one test is emptied (TRUNCATE,
 * then the migrations' own rows put back) and lent to the next test of the same worker; one whose
 * schema a test changed is really closed. Loading PGlite's migrated dump costs about half a
 * second, and so does migrating a new PostgreSQL schema.
 */
async function lend<D extends Db>(kind: keyof typeof pools, openFresh: () => Promise<D>): Promise<D> {
  const pool = pools[kind];
  const db = (pool.idle.pop() as D | undefined) ?? (await openFresh());
  pool.baseline ??= captureBaseline(db);
  const base = await pool.baseline;
  let closed = false;
  // Closed means closed for the test that held it, even though the instance lives on for the next.
  const open = () => {
    if (closed) throw new Error(`${kind === 'pglite' ? 'PGlite' : 'The PostgreSQL test database'} is closed`);
  };
  return Object.assign(Object.create(db) as D, {
    query: (async (sql: string, params?: readonly unknown[]) => {
      open();
      return db.query(sql, params);
    }) as Db['query'],
    exec: async (sql: string) => {
      open();
      return db.exec(sql);
    },
    transaction: (async (fn: Parameters<Db['transaction']>[0]) => {
      open();
      return db.transaction(fn);
    }) as Db['transaction'],
    async close() {
      if (closed) return;
      closed = true;
      if (await reset(db, base)) pool.idle.push(db);
      else await db.close();
    },
  });
}

/** A migrated, empty embedded database (see lend). */
export async function openTestPglite(): Promise<Db> {
  return lend('pglite', async () => {
    const db = await openPglite(undefined, { loadDataDir: await pgliteTemplate() });
    await migrate(db);
    return db;
  });
}

/**
 * A migrated, empty schema on the test server (see lend); on another server `url`, a new schema
 * each call. Schemas stay on the server (tests/global-setup.ts drops those over an hour old);
 * a lent one is emptied when its test closes it.
 */
export async function openTestPostgres(url = postgresUrl!): Promise<Db> {
  const openFresh = async () => {
    const db = await openPostgres(await createTestPostgresSchema(url));
    await migrate(db);
    return db;
  };
  return url === postgresUrl ? lend('postgres', openFresh) : openFresh();
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
