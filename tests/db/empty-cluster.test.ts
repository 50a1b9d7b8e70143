import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { emptyClusterArchive, emptyClusterTar, pgliteVersion, restoreEmptyClusterIfNew } from '../../src/db/empty-cluster.ts';
import { readMigrations } from '../../src/db/migrate.ts';
import { parseKbFile } from '../../src/knowledge/experiences/kb-format.ts';
import { openEvalDatabase } from '../../src/knowledge/evaluation/eval.ts';
import { openDatabase } from '../../src/db/open.ts';
import { clusterDir } from '../../src/db/pglite.ts';

const folders: string[] = [];
const newFolder = () => {
  const dir = mkdtempSync(join(tmpdir(), 'empty-cluster-'));
  folders.push(dir);
  return dir;
};

afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

describe('a new DATA_DIR starts from the kept empty cluster, not from initdb', () => {
  it('keeps an empty cluster for the installed PGlite (after upgrading PGlite: npm run db:empty-cluster)', () => {
    expect(existsSync(emptyClusterArchive()), `no ${emptyClusterArchive()} for PGlite ${pgliteVersion()}`).toBe(true);
  });

  it('opens, migrates and answers on a new DATA_DIR, with the kept cluster rather than a new one', async () => {
    const kept = clusterDir(newFolder());
    await restoreEmptyClusterIfNew(kept);
    // pg_control begins with the cluster's system identifier, which initdb draws at random.
    const keptIdentifier = readFileSync(join(kept, 'global', 'pg_control'))
      .readBigUInt64LE(0)
      .toString();

    const dataDir = newFolder();
    const db = await openDatabase({ kind: 'pglite', dataDir }, { own: true });
    try {
      const [migrated] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM schema_migrations');
      expect(migrated!.n).toBeGreaterThan(0);
      const [control] = await db.query<{ id: string }>('SELECT system_identifier::text AS id FROM pg_control_system()');
      expect(control!.id).toBe(keptIdentifier);
    } finally {
      await db.close();
    }
    expect(readdirSync(dataDir).some((name) => name.endsWith('.partial'))).toBe(false);
  });

  it('replaces what a process that died while unpacking left, and never touches a cluster that exists', async () => {
    const pgdata = clusterDir(newFolder());
    mkdirSync(`${pgdata}.partial`, { recursive: true });
    writeFileSync(join(`${pgdata}.partial`, 'half-written'), 'x');
    expect(await restoreEmptyClusterIfNew(pgdata)).toBe(true);
    expect(existsSync(join(pgdata, 'PG_VERSION'))).toBe(true);
    expect(existsSync(join(pgdata, 'half-written'))).toBe(false);
    expect(existsSync(`${pgdata}.partial`)).toBe(false);

    writeFileSync(join(pgdata, 'mine'), 'kept');
    expect(await restoreEmptyClusterIfNew(pgdata)).toBe(false);
    expect(existsSync(join(pgdata, 'mine'))).toBe(true);
  });

  it('leaves a new cluster to initdb when none is kept for the installed PGlite', async () => {
    const pgdata = clusterDir(newFolder());
    expect(await restoreEmptyClusterIfNew(pgdata, emptyClusterArchive('0.0.0-not-kept'))).toBe(false);
    expect(existsSync(pgdata)).toBe(false);
    expect(await emptyClusterTar(emptyClusterArchive('0.0.0-not-kept'))).toBeUndefined();
  });
});

describe("eval's temporary database starts from the kept empty cluster, not from initdb", () => {
  it('is the kept cluster, with every migration of this program and the records published', async () => {
    const kept = clusterDir(newFolder());
    await restoreEmptyClusterIfNew(kept);
    const keptIdentifier = readFileSync(join(kept, 'global', 'pg_control'))
      .readBigUInt64LE(0)
      .toString();

    const [record] = parseKbFile(readFileSync('assets/demo-kb.jsonl', 'utf8').split('\n')[0]!).records;
    const { db } = await openEvalDatabase([record!]);
    try {
      const [control] = await db.query<{ id: string }>('SELECT system_identifier::text AS id FROM pg_control_system()');
      expect(control!.id).toBe(keptIdentifier);
      const applied = await db.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
      expect(applied.map((m) => m.version)).toEqual(readMigrations().map((m) => m.version));
      const published = await db.query<{ external_id: string }>("SELECT external_id FROM experiences WHERE status = 'published'");
      expect(published.map((e) => e.external_id)).toEqual([record!.id]);
    } finally {
      await db.close();
    }
  });
});
