import { Composer } from 'grammy';
import type { BotContext, BotDeps } from '../context.ts';

/** /help (what the bot does and its commands) and /privacy (what is stored and why). */
export function helpFeature(_deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.command('help', (ctx) => ctx.reply(ctx.t('bot-help'), { parse_mode: 'HTML' }));
  composer.command('privacy', (ctx) => ctx.reply(ctx.t('bot-privacy'), { parse_mode: 'HTML' }));
  return composer;
}
