import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/open.ts';
import { freshDataDir, postgresUrl } from '../helpers/db.ts';

const dataDir = freshDataDir();
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('capabilities are probed when the database is opened, not by migrating', () => {
  it('an embedded database opened without migrating knows pgvector is installed', async () => {
    const db = await openDatabase({ kind: 'pglite', dataDir }, { migrateSchema: false });
    try {
      expect(db.hasVector).toBe(true);
    } finally {
      await db.close();
    }
  }, 60_000);

  it.runIf(postgresUrl)('PostgreSQL opened without migrating reports what pg_extension says', async () => {
    const db = await openDatabase({ kind: 'postgres', url: postgresUrl! }, { migrateSchema: false });
    try {
      const [vector] = await db.query("SELECT 1 FROM pg_extension WHERE extname = 'vector'");
      expect(db.hasVector).toBe(vector !== undefined);
    } finally {
      await db.close();
    }
  });
});
