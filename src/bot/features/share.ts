import { Composer } from 'grammy';
import type { BotContext, BotDeps } from './share/types.ts';

export function shareFeature(_deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.command('share', (ctx) => ctx.reply('…'));
  return composer;
}
