import { describe, expect, it } from 'vitest';
import { openTestPglite } from '../helpers/db.ts';
import { dumpSchema } from '../helpers/schema-dump.ts';

describe('the committed schema dump', () => {
  it('matches the database the migrations build (update it with `npx vitest run tests/db/schema.test.ts -u`)', async () => {
    const db = await openTestPglite();
    try {
      await expect(await dumpSchema(db)).toMatchFileSnapshot('../../migrations/schema.sql');
    } finally {
      await db.close();
    }
  });
});
