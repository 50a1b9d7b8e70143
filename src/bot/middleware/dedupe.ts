import type { NextFunction } from 'grammy';
import type { Queryable } from '../../db/db.ts';
import type { BotContext } from '../context.ts';

// Telegram keeps an undelivered update for at most 24 hours, so older ids can never come back.
const KEEP = '2 days';
// Pruning on one update in this many keeps the table small without a job of its own.
const PRUNE_EVERY = 1_000;

/**
 * Each update_id is handled at most once, whichever replica receives it and however often
 * Telegram (or a restart before the offset was confirmed) delivers it again. The row is
 * claimed before handling: a crash half-way does not make the member see the answer twice.
 */
export function dedupeUpdates(db: Queryable) {
  return async (ctx: BotContext, next: NextFunction): Promise<void> => {
    const id = ctx.update.update_id;
    const claimed = await db.query('INSERT INTO processed_updates (update_id) VALUES ($1) ON CONFLICT (update_id) DO NOTHING RETURNING update_id', [id]);
    if (claimed.length === 0) {
      ctx.log.info('update already handled, skipped');
      return;
    }
    if (id % PRUNE_EVERY === 0) await db.query(`DELETE FROM processed_updates WHERE processed_at < now() - interval '${KEEP}'`);
    await next();
  };
}
