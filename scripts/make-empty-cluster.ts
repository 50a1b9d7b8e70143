// Makes assets/pglite-<version>-empty-cluster.tar.br with the installed PGlite's initdb: the
// cluster a new DATA_DIR starts from (src/db/empty-cluster.ts). Run after upgrading PGlite:
// `npm run db:empty-cluster`, then commit the new archive and delete the old one.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { emptyClusterArchive, pgliteVersion, writeEmptyClusterArchive } from '../src/db/empty-cluster.ts';

const work = mkdtempSync(join(tmpdir(), 'empty-cluster-'));
try {
  const pgdata = join(work, 'pglite');
  const pglite = await PGlite.create({ dataDir: pgdata });
  await pglite.close();
  const archive = emptyClusterArchive();
  await writeEmptyClusterArchive(pgdata, archive);
  console.log(`wrote ${archive} (PGlite ${pgliteVersion()})`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
