import { mkdtempSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migrate } from '../src/db/migrate.ts';
import { restoreEmptyClusterIfNew } from '../src/db/empty-cluster.ts';
import { clusterDir, openPglite } from '../src/db/pglite.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A migrated, empty DATA_DIR to copy for child processes of the real program. */
    pgliteDataDirTemplate: string;
    /** The same database dumped with dumpDataDir(), to load fresh in-memory copies from. */
    pgliteDumpFile: string;
  }
}

/**
 * Creating a PGlite cluster takes seconds; doing it once for the whole run and copying it
 * keeps the suite fast on a two-core machine.
 */
export default async function setup(project: TestProject) {
  const root = mkdtempSync(join(tmpdir(), 'sme-test-template-'));
  const dataDir = join(root, 'data');
  // From the kept empty cluster, as a new DATA_DIR starts: initdb would take seconds more.
  await restoreEmptyClusterIfNew(clusterDir(dataDir));
  const db = await openPglite(dataDir);
  await migrate(db);
  const dump = await db.pglite.dumpDataDir('none');
  await db.close();
  const dumpFile = join(root, 'pglite.tar');
  await writeFile(dumpFile, Buffer.from(await dump.arrayBuffer()));
  await dropOldTestSchemas(process.env.SME_TEST_POSTGRES_URL);
  project.provide('pgliteDataDirTemplate', dataDir);
  project.provide('pgliteDumpFile', dumpFile);
  return () => rmSync(root, { recursive: true, force: true });
}

/**
 * Test schemas on PostgreSQL are left after a run so a failure can be inspected (see
 * helpers/db.ts); those of runs over an hour old are dropped here, or every CI run on the same
 * server would leave some 170 more. The age is in the name: t_<Date.now() in base 36>_<random>.
 */
async function dropOldTestSchemas(url: string | undefined): Promise<void> {
  if (!url) return;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const rows = await client.query<{ nspname: string }>(`SELECT nspname FROM pg_namespace WHERE nspname ~ '^t_[0-9a-z]+_[0-9a-f]{6}$'`);
    const cutoff = Date.now() - 60 * 60 * 1000;
    for (const { nspname } of rows.rows) {
      if (parseInt(nspname.split('_')[1]!, 36) < cutoff) await client.query(`DROP SCHEMA ${nspname} CASCADE`);
    }
  } finally {
    await client.end();
  }
}
