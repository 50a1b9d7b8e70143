import type { Context, NextFunction } from 'grammy';
import type { Logger } from '../../log.ts';
import type { BotContextExtras } from '../context.ts';

/** Gives each update its own child logger, so every line names the update and the chat. */
export function updateLogger(logger: Logger) {
  return async (ctx: Context & Pick<BotContextExtras, 'log'>, next: NextFunction): Promise<void> => {
    ctx.log = logger.child({ update_id: ctx.update.update_id, ...(ctx.chatId !== undefined ? { chat_id: ctx.chatId } : {}) });
    const started = performance.now();
    await next();
    ctx.log.debug({ ms: Math.round(performance.now() - started) }, 'update handled');
  };
}
