import { Composer } from 'grammy';
import type { BotContext, BotDeps } from '../context.ts';
import { displayText } from '../../answering/display.ts';
import { clip, escapeHtml } from '../render/html.ts';

// Telegram refuses messages over 4,096 characters; titles are ≤ 200, so this many always fit.
const MAX_LISTED = 15;

/** /my: the member's own contributions, newest first, each with its status. */
export function myFeature(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.command('my', async (ctx) => {
    const member = ctx.member;
    if (!member) {
      await ctx.reply(ctx.t('my-not-member'));
      return;
    }
    const mine = await deps.app.experiences.listByContributor(member.id);
    if (mine.length === 0) {
      await ctx.reply(ctx.t('my-empty'));
      return;
    }
    // Ids grow with every insert, so the highest id is the newest contribution.
    const newest = [...mine].sort((a, b) => b.id - a.id).slice(0, MAX_LISTED);
    const lines = newest.map((e, i) =>
      ctx.t('my-item', {
        index: i + 1,
        title: escapeHtml(clip(displayText(e, ctx.locale).text.title, 200)),
        status: ctx.t(`my-status-${e.status}`),
      }),
    );
    await ctx.reply([ctx.t('my-header', { count: mine.length }), ...lines].join('\n\n'), { parse_mode: 'HTML' });
  });
  return composer;
}
