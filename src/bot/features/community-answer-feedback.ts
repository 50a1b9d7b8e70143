import { Composer } from 'grammy';
import { onPress } from '../callback-data.ts';
import { COMMUNITY_ANSWER_FEEDBACK } from '../callbacks.ts';
import type { BotContext, BotDeps } from '../context.ts';
import { markVote } from '../render/answer.ts';

const VOTED = '✓';

/** The asker's 👍/👎 under a member's answer to their question; the first 👍 closes the question as answered. */
export function communityAnswerFeedbackFeature(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  onPress(composer, COMMUNITY_ANSWER_FEEDBACK, async (ctx, { answerId, helpful }) => {
    const rated = ctx.member ? await deps.app.community.rateCommunityAnswer({ answerId, memberId: ctx.member.id, helpful }) : 'not-yours';
    if (rated === 'not-yours') {
      ctx.log.warn({ button: COMMUNITY_ANSWER_FEEDBACK.tag }, 'a press on a button of an answer that is not the presser’s was refused');
      await ctx.answerCallbackQuery({ text: ctx.t('bot-button-not-yours') });
      return;
    }
    await ctx.answerCallbackQuery({ text: ctx.t('community-answer-feedback-thanks') });
    const markup = ctx.callbackQuery.message?.reply_markup?.inline_keyboard;
    if (markup) {
      const marked = markVote(markup, helpful, VOTED, COMMUNITY_ANSWER_FEEDBACK);
      if (JSON.stringify(marked.inline_keyboard) !== JSON.stringify(markup)) await ctx.editMessageReplyMarkup({ reply_markup: marked });
    }
  });
  return composer;
}
