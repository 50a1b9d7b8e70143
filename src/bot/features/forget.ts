import { Composer, InlineKeyboard } from 'grammy';
import { onPress } from '../callback-data.ts';
import { FORGET } from '../callbacks.ts';
import type { BotContext, BotDeps } from '../context.ts';
import type { ForgetPreview } from '../../community/forget.ts';

const HTML = { parse_mode: 'HTML' } as const;

/** What the member has, kind by kind, so they know what they are erasing; kinds they have none of are left out. */
function whatWillGo(ctx: BotContext, p: ForgetPreview): string {
  const { pending, draft, rejected } = p.contributions;
  const counts: [string, number][] = [
    ['forget-count-questions', p.questions],
    ['forget-count-feedback', p.feedback],
    ['forget-count-open-questions', p.openQuestions],
    ['forget-count-introductions', p.introductions],
    ['forget-count-saved-messages', p.savedMessages],
    ['forget-count-pending', pending],
    ['forget-count-draft', draft],
    ['forget-count-rejected', rejected],
    ['forget-count-published', p.publishedContributions],
  ];
  const lines = counts.filter(([, count]) => count > 0).map(([key, count]) => ctx.t(key, { count }));
  return lines.length > 0 ? [ctx.t('forget-holding'), ...lines].join('\n') : ctx.t('forget-holding-nothing');
}

/**
 * /forget: erases the member after they pressed a button saying what becomes of their published
 * experiences (deleted, or kept without their name). Any other choice keeps everything.
 */
export function forgetFeature(deps: BotDeps): Composer<BotContext> {
  const { forgetting } = deps.app.community;
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
    const preview = await forgetting.preview(ctx.member.id);
    const published = preview.publishedContributions;
    const button = (key: string, choice: 'delete' | 'anonymise' | 'cancel') => [ctx.t(key), FORGET.encode({ choice })] as const;
    const keyboard =
      published > 0
        ? new InlineKeyboard()
            .text(...button('forget-button-delete', 'delete'))
            .row()
            .text(...button('forget-button-anonymise', 'anonymise'))
            .row()
            .text(...button('forget-button-cancel', 'cancel'))
        : new InlineKeyboard()
            .text(...button('forget-button-erase', 'delete'))
            .row()
            .text(...button('forget-button-cancel', 'cancel'));
    await ctx.reply(`${ctx.t('forget-explain')}\n\n${whatWillGo(ctx, preview)}\n\n${ctx.t('forget-choose', { published })}`, {
      ...HTML,
      reply_markup: keyboard,
    });
  });

  onPress(composer, FORGET, async (ctx, { choice }) => {
    await ctx.answerCallbackQuery();
    if (choice === 'cancel') {
      await ctx.reply(ctx.t('forget-cancelled'));
      return;
    }
    const member = ctx.member;
    if (!member) {
      await ctx.reply(ctx.t('forget-nothing'));
      return;
    }
    try {
      const summary = await forgetting.forget(member.id, { contributions: choice });
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
