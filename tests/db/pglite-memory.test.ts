import { describe, expect, it } from 'vitest';
import { openTestPglite } from '../helpers/db.ts';

describe('the embedded database’s memory', () => {
  // PostgreSQL's default of 128 MB of shared buffers, touched as PGlite starts, was a fifth of
  // what `npm start` held on the demo base; its files are in the operating system's cache anyway.
  it('keeps 16 MB of shared buffers, whatever its data folder’s postgresql.conf says', async () => {
    const db = await openTestPglite();
    try {
      expect(await db.query('SHOW shared_buffers')).toEqual([{ shared_buffers: '16MB' }]);
    } finally {
      await db.close();
    }
  });
});
