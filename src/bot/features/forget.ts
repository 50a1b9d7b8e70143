import { Composer } from 'grammy';
import type { BotContext, BotDeps } from './share/types.ts';

export function forgetFeature(_deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.command('forget', (ctx) => ctx.reply('…'));
  return composer;
}
