import { Composer, InlineKeyboard } from 'grammy';
import type { BotContext, BotDeps } from '../context.ts';
import { openQuestionLink } from '../open-question-sender.ts';
import { clip, escapeHtml } from '../render/html.ts';
import { groupReplyWords } from '../chat-language.ts';

// One message's worth: older questions are listed once these are answered or closed.
const LIST_MAX = 10;
const QUESTION_CHARS = 300;
const CLOSE_USAGE = /^#?(\d{1,15})$/;

/** /open lists the questions put to the community still open, each with its "I can answer" link; staff /close one. */
export function openQuestionsFeature(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const { community } = deps.app;

  composer.command('open', async (ctx) => {
    // In a group, in the language its admins chose, as the bot's other words there.
    const t = ctx.chat.type === 'private' ? ctx.t : groupReplyWords(deps.app.translator, (await community.groups.standing(ctx.chat.id)).language, ctx.t);
    const open = await community.openQuestions.listOpen(LIST_MAX);
    if (open.length === 0) {
      await ctx.reply(t('community-open-none'));
      return;
    }
    const items = open.map((q) => t('community-open-item', { id: q.id, question: escapeHtml(clip(q.text, QUESTION_CHARS)) }));
    const staff = ctx.member?.role === 'curator' || ctx.member?.role === 'admin';
    const text = [t('community-open-header'), ...items, ...(staff ? [t('community-open-close-hint')] : [])].join('\n\n');
    const keyboard = new InlineKeyboard();
    open.forEach((q, i) => {
      keyboard.url(t('community-open-answer-button', { id: q.id }), openQuestionLink(ctx.me.username, q.id));
      if (i % 2 === 1) keyboard.row();
    });
    await ctx.reply(text, { parse_mode: 'HTML', reply_markup: keyboard });
  });

  composer.command('close', async (ctx) => {
    const id = CLOSE_USAGE.exec(ctx.match.trim());
    if (!id) {
      await ctx.reply(ctx.t('community-close-usage'));
      return;
    }
    const closed = ctx.member ? await community.closeOpenQuestion({ openQuestionId: Number(id[1]), memberId: ctx.member.id }) : 'forbidden';
    if (closed === 'forbidden') ctx.log.warn('a /close by someone who is not staff was refused');
    await ctx.reply(ctx.t(`community-close-${closed}`, { id: id[1]! }));
  });
  return composer;
}
