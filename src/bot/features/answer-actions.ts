import { Composer } from 'grammy';
import type { BotContext, BotDeps } from '../context.ts';
import { markVote } from '../render/answer.ts';

const VOTED = '✓';

/** The buttons under an answer: 👍/👎, and putting the question to the community (the full story is story.ts). */
export function answerActionsFeature(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const { community } = deps.app;

  composer.callbackQuery(/^fb:(\d+):([01])$/, async (ctx) => {
    const questionId = Number(ctx.match[1]);
    const helpful = ctx.match[2] === '1';
    const question = await community.questions.getById(questionId);
    if (!question || !ctx.member) return ctx.answerCallbackQuery({ text: ctx.t('bot-button-expired') });
    await community.feedback.record({ questionId, memberId: ctx.member.id, helpful });
    await ctx.answerCallbackQuery({ text: ctx.t('bot-feedback-thanks') });
    const markup = ctx.callbackQuery.message?.reply_markup?.inline_keyboard;
    if (markup) {
      const marked = markVote(markup, helpful, VOTED);
      // Pressing the same vote twice changes nothing on screen; Telegram would refuse the edit.
      if (JSON.stringify(marked.inline_keyboard) !== JSON.stringify(markup)) await ctx.editMessageReplyMarkup({ reply_markup: marked });
    }
  });

  composer.callbackQuery(/^oq:(\d+)$/, async (ctx) => {
    const question = await community.questions.getById(Number(ctx.match[1]));
    if (!question || !ctx.member) return ctx.answerCallbackQuery({ text: ctx.t('bot-button-expired') });
    if (question.memberId !== ctx.member.id) return ctx.answerCallbackQuery({ text: ctx.t('bot-community-not-yours') });
    const { created } = await community.openQuestions.open({ questionId: question.id, memberId: ctx.member.id, text: question.text, language: question.language });
    await ctx.answerCallbackQuery();
    await ctx.reply(ctx.t(created ? 'bot-community-opened' : 'bot-community-already'));
  });
  return composer;
}
