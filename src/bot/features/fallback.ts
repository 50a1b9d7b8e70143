import { Composer } from 'grammy';
import type { BotContext } from '../context.ts';

/**
 * Whatever no feature took: in a private chat, say what the bot can do (photos, voice,
 * stickers, files, unknown commands) or that there is nothing to cancel; a stale button gets
 * a short notice instead of a spinner that never stops. Installed last.
 */
export function fallbackFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.on('callback_query', (ctx) => ctx.answerCallbackQuery({ text: ctx.t('bot-button-expired') }));
  const priv = composer.chatType('private');
  // /cancel reaches here only when nothing (no /share, no /profile) was under way.
  priv.command('cancel', (ctx) => ctx.reply(ctx.t('bot-nothing-to-cancel')));
  priv.on('message:text', (ctx) => ctx.reply(ctx.t('bot-unknown-command')));
  priv.on('message', (ctx) => ctx.reply(ctx.t('bot-other-input')));
  return composer;
}
