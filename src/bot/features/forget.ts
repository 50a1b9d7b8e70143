import { Composer, InlineKeyboard } from 'grammy';
import { forgetMember, type ContributionChoice } from '../../community/forget.ts';
import type { BotContext, BotDeps } from '../context.ts';

const HTML = { parse_mode: 'HTML' } as const;

/**
 * /forget: erases the member after they pressed a button saying what becomes of their published
 * experiences (deleted, or kept without their name). Any other choice keeps everything.
 */
export function forgetFeature(deps: BotDeps): Composer<BotContext> {
  const { app } = deps;
  const composer = new Composer<BotContext>();

  composer.command('forget', async (ctx) => {
    if (ctx.chat.type !== 'private') {
      await ctx.reply(ctx.t('forget-private-only'));
      return;
    }
    if (!ctx.member) {
      await ctx.reply(ctx.t('forget-nothing'));
      return;
    }
    const mine = await app.experiences.listByContributor(ctx.member.id);
    const published = mine.filter((e) => e.status === 'published' || e.status === 'archived').length;
    const keyboard =
      published > 0
        ? new InlineKeyboard()
            .text(ctx.t('forget-button-delete'), 'forget:delete').row()
            .text(ctx.t('forget-button-anonymise'), 'forget:anonymise').row()
            .text(ctx.t('forget-button-cancel'), 'forget:cancel')
        : new InlineKeyboard().text(ctx.t('forget-button-erase'), 'forget:delete').row().text(ctx.t('forget-button-cancel'), 'forget:cancel');
    await ctx.reply(`${ctx.t('forget-explain')}\n\n${ctx.t('forget-choose', { published })}`, { ...HTML, reply_markup: keyboard });
  });

  composer.callbackQuery('forget:cancel', async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.reply(ctx.t('forget-cancelled'));
  });

  composer.callbackQuery(/^forget:(delete|anonymise)$/, async (ctx) => {
    await ctx.answerCallbackQuery();
    const choice = ctx.match[1] as ContributionChoice;
    const member = ctx.member;
    if (!member) {
      await ctx.reply(ctx.t('forget-nothing'));
      return;
    }
    // Session rows are keyed by chat id (private chat = user id) or end in the user id.
    const keys = [...new Set([String(ctx.from.id), ...(ctx.chat ? [String(ctx.chat.id)] : [])])];
    try {
      const summary = await forgetMember(app.db, member.id, keys, { contributions: choice });
      ctx.log.info({ choice, ...summary }, 'member forgotten');
    } catch (e) {
      ctx.log.error({ err: e }, 'forgetting a member failed');
      await ctx.reply(ctx.t('forget-failed'));
      return;
    }
    await ctx.reply(ctx.t(choice === 'delete' ? 'forget-done-delete' : 'forget-done-anonymise'));
  });
  return composer;
}
