import { mkdtempSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { migrate } from '../src/db/migrate.ts';
import { openPglite } from '../src/db/pglite.ts';

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
  const db = await openPglite(dataDir);
  await migrate(db);
  const dump = await db.pglite.dumpDataDir('none');
  await db.close();
  const dumpFile = join(root, 'pglite.tar');
  await writeFile(dumpFile, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteDataDirTemplate', dataDir);
  project.provide('pgliteDumpFile', dumpFile);
  return () => rmSync(root, { recursive: true, force: true });
}
