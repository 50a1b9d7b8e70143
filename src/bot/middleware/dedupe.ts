import type { NextFunction } from 'grammy';
import type { Queryable } from '../../db/db.ts';
import type { BotContext } from '../context.ts';

/**
 * Each update_id is handled at most once, whichever replica receives it and however often
 * Telegram (or a restart before the offset was confirmed) delivers it again. The row is
 * claimed before handling: a crash half-way does not make the member see the answer twice.
 */
export function dedupeUpdates(db: Queryable) {
  return async (ctx: BotContext, next: NextFunction): Promise<void> => {
    const claimed = await db.query(
      'INSERT INTO processed_updates (update_id) VALUES ($1) ON CONFLICT (update_id) DO NOTHING RETURNING update_id',
      [ctx.update.update_id],
    );
    if (claimed.length === 0) {
      ctx.log.info('update already handled, skipped');
      return;
    }
    await next();
  };
}
