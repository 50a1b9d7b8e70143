import type { NextFunction } from 'grammy';
import { isOurButton } from '../callbacks.ts';
import type { BotContext } from '../context.ts';

/**
 * A press whose data is none of our buttons in their current version — a button of an older
 * layout, or forged data — is refused with a short notice and logged, before any feature or
 * conversation could read it; nothing changes.
 */
export async function refuseUnknownButtons(ctx: BotContext, next: NextFunction): Promise<void> {
  const query = ctx.callbackQuery;
  if (!query || (query.data !== undefined && isOurButton(query.data))) return next();
  // Forged data may carry anything a member typed: its size is logged, never its content.
  ctx.log.warn({ data_bytes: query.data === undefined ? null : Buffer.byteLength(query.data) }, 'a button press with callback data we do not know was refused');
  await ctx.answerCallbackQuery({ text: ctx.t('bot-button-invalid') });
}
