import { Composer } from 'grammy';
import { onPress } from '../callback-data.ts';
import { ASK_COMMUNITY, FEEDBACK } from '../callbacks.ts';
import type { BotContext, BotDeps } from '../context.ts';
import { markVote } from '../render/answer.ts';
import { MAX_OPEN_QUESTIONS_PER_MEMBER } from '../../community/open-question-asking.ts';

const VOTED = '✓';

/** A press on a button of someone else's question (or of none): one short notice, logged, nothing changed. */
async function refuseNotYours(ctx: BotContext, button: string): Promise<void> {
  ctx.log.warn({ button }, 'a press on a button of a question that is not the presser’s was refused');
  // Someone who never started the bot (asking in a group does not make a member) is told how these buttons become theirs.
  const text = ctx.member ? ctx.t('bot-button-not-yours') : ctx.t('bot-button-members-only', { bot: `@${ctx.me.username}` });
  await ctx.answerCallbackQuery({ text, ...(ctx.member ? {} : { show_alert: true }) });
}

/** The buttons under an answer: 👍/👎, and putting the question to the community (the full story is story.ts). */
export function answerActionsFeature(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const { community } = deps.app;

  onPress(composer, FEEDBACK, async (ctx, { questionId, helpful }) => {
    const given = ctx.member ? await community.giveFeedback({ questionId, memberId: ctx.member.id, helpful }) : 'not-yours';
    if (given === 'not-yours') return refuseNotYours(ctx, FEEDBACK.tag);
    await ctx.answerCallbackQuery({ text: ctx.t('bot-feedback-thanks') });
    const markup = ctx.callbackQuery.message?.reply_markup?.inline_keyboard;
    if (markup) {
      const marked = markVote(markup, helpful, VOTED);
      // Pressing the same vote twice changes nothing on screen; Telegram would refuse the edit.
      if (JSON.stringify(marked.inline_keyboard) !== JSON.stringify(markup)) await ctx.editMessageReplyMarkup({ reply_markup: marked });
    }
  });

  onPress(composer, ASK_COMMUNITY, async (ctx, { questionId }) => {
    const opened = ctx.member ? await community.openQuestionToCommunity({ questionId, memberId: ctx.member.id }) : 'not-yours';
    if (opened === 'not-yours') return refuseNotYours(ctx, ASK_COMMUNITY.tag);
    await ctx.answerCallbackQuery();
    const key = { opened: 'bot-community-opened', 'already-open': 'bot-community-already', 'too-many': 'community-too-many-open' } as const;
    // Asked in a group, the community's answer still comes in the member's private chat with the bot.
    const where = opened === 'opened' && ctx.chat?.type !== 'private' ? '-group' : '';
    await ctx.reply(ctx.t(`${key[opened]}${where}`, { max: MAX_OPEN_QUESTIONS_PER_MEMBER }));
  });
  return composer;
}
