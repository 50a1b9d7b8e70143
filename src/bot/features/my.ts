import { Composer } from 'grammy';
import type { BotContext, BotDeps } from './share/types.ts';

export function myFeature(_deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.command('my', (ctx) => ctx.reply('…'));
  return composer;
}
