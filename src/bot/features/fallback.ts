import { Composer } from 'grammy';
import type { BotContext } from '../context.ts';

/**
 * Whatever no feature took: in a private chat, say what the bot can do (photos, voice,
 * stickers, files, unknown commands); a stale button gets a short notice instead of a
 * spinner that never stops. Installed last.
 */
export function fallbackFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.on('callback_query', (ctx) => ctx.answerCallbackQuery({ text: ctx.t('bot-button-expired') }));
  const priv = composer.chatType('private');
  priv.on('message:text', (ctx) => ctx.reply(ctx.t('bot-unknown-command')));
  priv.on('message', (ctx) => ctx.reply(ctx.t('bot-other-input')));
  return composer;
}
