import { createConversation, type Conversation } from '@grammyjs/conversations';
import { Composer, type Context, InlineKeyboard } from 'grammy';
import { countryName } from '../../answering/display.ts';
import { COMMUNITY_ANSWER_NAMED, SHARE_COUNTRY } from '../callbacks.ts';
import type { Language } from '../../text/language.ts';
import { checkMemberText } from '../../knowledge/experiences/rules.ts';
import type { BotContext, BotDeps } from '../context.ts';
import { escapeHtml } from '../render/html.ts';
import { fieldSteps, type Translate } from './share/steps.ts';
import { replyScript, wordsFor } from '../i18n.ts';
import { inScript } from '../../text/chinese-convert.ts';
import { typedCountry } from '../typed-country.ts';

export const ANSWER_OPEN_QUESTION_CONVERSATION = 'open-question-answer';

/** What the deep link passes when entering; persisted with the conversation, so JSON only. */
export interface AnswerOpenQuestionArgs {
  locale: Language;
  /** The characters the answerer writes Chinese in (see replyScript). */
  script?: 'traditional';
  openQuestionId: number;
}

// A member who walks away without answering gets the bot back for questions after this long.
const MAX_WAIT_MS = 6 * 60 * 60 * 1000;
const HTML = { parse_mode: 'HTML' } as const;
const isCommand = (text: string) => /^\/[A-Za-z0-9_]/.test(text);

/**
 * Answering a question put to the community, opened by the "I can answer" deep link: shows the
 * question, takes the answer as text, asks where the answerer's company is when their profile
 * does not say (as /share does), and hands it to the use case. Texts come from the
 * translator in the language fixed at entry (conversations do not see the outer middleware).
 */
function answerConversation(deps: BotDeps) {
  const { translator, community } = deps.app;
  return async (conversation: Conversation<BotContext, Context>, ctx: Context, args: AnswerOpenQuestionArgs): Promise<void> => {
    const t: Translate = wordsFor(translator, args.locale, args.script);
    const question = await conversation.external(async (outer: BotContext) => {
      const q = await community.openQuestions.getById(args.openQuestionId);
      if (!q || q.status !== 'open') return { state: 'not-open' as const };
      if (q.memberId === outer.member?.id) return { state: 'own' as const };
      const who = [outer.member?.name, outer.member?.company].filter(Boolean).join(' · ');
      return { state: 'open' as const, text: q.text, who, hasCountry: Boolean(outer.member?.country) };
    });
    if (question.state !== 'open') {
      await ctx.reply(t(question.state === 'own' ? 'community-answer-own-question' : 'community-answer-not-open'));
      return;
    }
    await ctx.reply(t('community-answer-prompt', { question: escapeHtml(question.text) }), HTML);
    let answer: string;
    for (;;) {
      const c = await conversation.wait();
      if (c.callbackQuery) {
        await c.answerCallbackQuery({ text: t('community-answer-busy') });
        continue;
      }
      const text = c.message?.text;
      if (text === undefined) {
        if (c.message) await c.reply(t('community-answer-text-only'));
        continue;
      }
      if (isCommand(text)) {
        await c.reply(t('community-answer-busy'));
        continue;
      }
      const problem = checkMemberText('solution', text);
      if (problem) {
        await c.reply(t(problem.key, { length: problem.length, min: problem.min, max: problem.max }));
        continue;
      }
      answer = text.trim();
      break;
    }
    // The answer is kept as a contribution, and readers are told where the company is.
    const country = question.hasCountry
      ? undefined
      : await fieldSteps(conversation, t, [SHARE_COUNTRY, COMMUNITY_ANSWER_NAMED], 'community-answer-busy').askCountry(
          ctx,
          (code) => inScript(args.script, countryName(translator, args.locale, code)),
          (text) => typedCountry(translator, text),
        );
    // Named only with consent; without a name or company there is nothing to show or hide.
    let named = false;
    if (question.who !== '') {
      const keyboard = new InlineKeyboard()
        .text(t('community-answer-button-named', { who: question.who }), COMMUNITY_ANSWER_NAMED.encode({ named: true }))
        .row()
        .text(t('community-answer-button-anonymous'), COMMUNITY_ANSWER_NAMED.encode({ named: false }));
      await ctx.reply(t('community-answer-ask-named'), { reply_markup: keyboard });
      for (;;) {
        const c = await conversation.wait();
        const choice = c.callbackQuery?.data === undefined ? undefined : COMMUNITY_ANSWER_NAMED.decode(c.callbackQuery.data);
        if (choice) {
          await c.answerCallbackQuery();
          named = choice.named;
          break;
        }
        if (c.callbackQuery) await c.answerCallbackQuery({ text: t('community-answer-use-buttons') });
        else if (c.message) await c.reply(t('community-answer-use-buttons'));
      }
    }
    const result = await conversation.external((outer: BotContext) =>
      outer.member
        ? community.answerOpenQuestion({
            openQuestionId: args.openQuestionId,
            answerer: outer.member,
            text: answer,
            named,
            ...(country ? { country } : {}),
            fallbackLanguage: args.locale,
          })
        : ('not-open' as const),
    );
    await ctx.reply(t(result === 'sent' ? 'community-answer-sent' : result === 'own-question' ? 'community-answer-own-question' : 'community-answer-not-open'));
  };
}

/** The "I can answer" deep link's conversation, and /cancel to leave it. Installed before /start, which enters it. */
export function answerOpenQuestionFeature(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.command('cancel', async (ctx, next) => {
    if (ctx.conversation.active(ANSWER_OPEN_QUESTION_CONVERSATION) === 0) return next();
    await ctx.conversation.exit(ANSWER_OPEN_QUESTION_CONVERSATION);
    await ctx.reply(ctx.t('community-answer-cancelled'));
  });
  composer.command('forget', async (ctx, next) => {
    if (ctx.conversation.active(ANSWER_OPEN_QUESTION_CONVERSATION) > 0) await ctx.conversation.exit(ANSWER_OPEN_QUESTION_CONVERSATION);
    await next();
  });
  composer.use(
    createConversation<BotContext, Context>(answerConversation(deps), { id: ANSWER_OPEN_QUESTION_CONVERSATION, maxMillisecondsToWait: MAX_WAIT_MS }),
  );
  return composer;
}

/** Opens the answering of an open question in a private chat (the deep link's /start). */
export async function enterAnswering(ctx: BotContext, openQuestionId: number): Promise<void> {
  const args: AnswerOpenQuestionArgs = { locale: ctx.locale, openQuestionId, ...replyScript(ctx) };
  await ctx.conversation.enter(ANSWER_OPEN_QUESTION_CONVERSATION, args);
}
