import { BotError, GrammyError, HttpError, type Context } from 'grammy';
import type { Logger } from '../log.ts';
import type { BotApp, BotContext } from './context.ts';
import { languageFromTelegram } from './i18n.ts';

/** What to log about a failure: the error object (stack included), its cause, and Telegram's side. */
export function describeError(error: unknown): Record<string, unknown> {
  const details: Record<string, unknown> = { err: error };
  if (error instanceof Error && error.cause !== undefined) details.cause = plainError(error.cause);
  if (error instanceof GrammyError) Object.assign(details, { kind: 'telegram_refused', method: error.method, error_code: error.error_code });
  else if (error instanceof HttpError) Object.assign(details, { kind: 'telegram_unreachable' });
  return details;
}

/** pino serialises only the `err` key's Error; a cause must be made plain to survive JSON. */
function plainError(e: unknown): unknown {
  if (!(e instanceof Error)) return e;
  return { type: e.name, message: e.message, stack: e.stack, ...(e.cause !== undefined ? { cause: plainError(e.cause) } : {}) };
}

async function sayBotFailed(ctx: Context, text: string, log: Logger): Promise<void> {
  try {
    if (ctx.callbackQuery) await ctx.answerCallbackQuery().catch(() => {});
    if (ctx.chatId !== undefined) await ctx.api.sendMessage(ctx.chatId, text);
  } catch (e) {
    // Telegram itself may be what failed; the original error is already logged.
    log.warn(describeError(e), 'could not send the apology');
  }
}

/** Error boundary around the features: log with cause, tell the member briefly, carry on. */
export async function apologise(error: BotError<BotContext>): Promise<void> {
  const { ctx } = error;
  ctx.log.error(describeError(error.error), 'handler failed');
  await sayBotFailed(ctx, ctx.t('bot-error-apology'), ctx.log);
}

/** bot.catch: failures before the features run (database down while loading the member…). */
export function lastResort(app: Pick<BotApp, 'logger' | 'translator'>) {
  return async (error: BotError<BotContext>): Promise<void> => {
    const ctx = error.ctx as Partial<BotContext> & Context;
    const log = ctx.log ?? app.logger.child({ update_id: ctx.update.update_id });
    log.error(describeError(error.error), 'update failed before reaching a feature');
    const language = ctx.locale ?? languageFromTelegram(ctx.from?.language_code);
    await sayBotFailed(ctx, app.translator.t(language, 'bot-error-apology'), log);
  };
}
