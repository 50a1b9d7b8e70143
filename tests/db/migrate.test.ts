import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/db.ts';
import { migrate, readMigrations, SchemaTooNewError } from '../../src/db/migrate.ts';
import { openPostgres } from '../../src/db/postgres.ts';
import { createTestPostgresSchema, postgresUrl, testDatabases } from '../helpers/db.ts';

describe.each(testDatabases())('migrations on $name', ({ name, open }) => {
  let db: Db;
  afterEach(async () => db?.close());

  it('are recorded once and running them again applies nothing', async () => {
    db = await open();
    const versions = await db.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
    expect(versions.map((v) => v.version)).toEqual(readMigrations().map((m) => m.version));
    expect(await migrate(db)).toEqual([]);
  });

  it('two migrators at once apply each migration exactly once', async () => {
    db = await open();
    await db.exec('DROP TABLE IF EXISTS probe; ');
    const extra = [...readMigrations(), { version: 9998, name: 'probe', sql: 'CREATE TABLE probe (n int); INSERT INTO probe VALUES (1);' }];
    const [a, b] = await Promise.all([migrate(db, extra), migrate(db, extra)]);
    expect([...a, ...b]).toEqual([9998]);
    expect(await db.query('SELECT n FROM probe')).toEqual([{ n: 1 }]);
  });

  it('refuses a database whose schema is newer than the code', async () => {
    db = await open();
    await db.query("INSERT INTO schema_migrations (version, name) VALUES (9999, 'from_the_future')");
    await expect(migrate(db)).rejects.toBeInstanceOf(SchemaTooNewError);
  });

  it(name === 'pglite' ? 'has pgvector on PGlite' : 'runs without pgvector on this PostgreSQL', async () => {
    db = await open();
    const [ext] = await db.query("SELECT 1 AS present FROM pg_extension WHERE extname = 'vector'");
    expect(db.hasVector).toBe(ext !== undefined);
    if (name === 'pglite') expect(db.hasVector).toBe(true);
  });
});

describe.skipIf(!postgresUrl)('migrations on PostgreSQL, with another migrated schema on the search path', () => {
  const schemaOf = (url: URL) => /search_path=(\w+),/.exec(url.searchParams.get('options')!)![1]!;

  it('migrate the schema they create tables in, not the one further down the path', async () => {
    const below = new URL(await createTestPostgresSchema());
    const migratedBelow = await openPostgres(below.toString());
    try {
      await migrate(migratedBelow);
    } finally {
      await migratedBelow.close();
    }
    const url = new URL(await createTestPostgresSchema());
    const own = schemaOf(url);
    url.searchParams.set('options', `-c search_path=${own},${schemaOf(below)},public`);
    const db = await openPostgres(url.toString());
    try {
      expect(await migrate(db)).toEqual(readMigrations().map((m) => m.version));
      const tables = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = $1 AND tablename = 'experiences'", [own]);
      expect(tables).toEqual([{ n: 1 }]);
      expect(await migrate(db)).toEqual([]);
    } finally {
      await db.close();
    }
  });
});
