import { afterAll, beforeAll } from 'vitest';
import type { Db } from '../../src/db/db.ts';
import { TelegramTest } from './telegram.ts';

/**
 * One bot for the tests of a file or block, started before the first and stopped after the
 * last: for tests that each speak as members of their own (`t.member()` is a new Telegram
 * user), so none sees another's conversation, and that read back only their members' rows.
 */
export function sharedBot(openDb?: () => Promise<Db>): () => TelegramTest {
  let t: TelegramTest | undefined;
  beforeAll(async () => {
    t = await TelegramTest.start(openDb ? { openDb } : {});
  });
  afterAll(() => t?.stop());
  return () => t!;
}
