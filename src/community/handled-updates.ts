import type { Queryable } from '../db/db.ts';

/**
 * The highest update number recorded as handled (0 when none). A front end that numbers its
 * own updates (the console's emulator) starts above it, so a restart never hands the bot a
 * number that the once-only claim would skip as already handled.
 */
export async function highestHandledUpdateId(db: Queryable): Promise<number> {
  const [row] = await db.query<{ id: number }>('SELECT coalesce(max(update_id), 0)::float8 AS id FROM processed_updates');
  return row?.id ?? 0;
}
