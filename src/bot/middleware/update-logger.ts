import type { Context, NextFunction } from 'grammy';
import { memberLogName, type Logger } from '../../log.ts';
import type { BotContextExtras } from '../context.ts';

/**
 * Gives each update its own child logger naming the update, never the chat or the sender: a
 * Telegram id in a log is one /forget could not erase (a private chat's id is the member's).
 */
export function updateLogger(logger: Logger) {
  return async (ctx: Context & Pick<BotContextExtras, 'log'>, next: NextFunction): Promise<void> => {
    ctx.log = logger.child({ update_id: ctx.update.update_id, ...(ctx.chat ? { chat_type: ctx.chat.type } : {}) });
    const started = performance.now();
    await next();
    ctx.log.debug({ ms: Math.round(performance.now() - started) }, 'update handled');
  };
}

/** Once the member is known, their lines name them by memberLogName: traceable until /forget. */
export function nameMemberInLogs(ctx: Context & Pick<BotContextExtras, 'log' | 'member'>, next: NextFunction): Promise<void> {
  if (ctx.member) ctx.log = ctx.log.child({ member: memberLogName(ctx.member.logKey, ctx.member.telegramId) });
  return next();
}
