import { Composer } from 'grammy';
import type { Message } from 'grammy/types';
import type { BotContext, BotDeps } from '../context.ts';
import { answerKeyboard, renderAnswer } from '../render/answer.ts';
import { splitMessage } from '../render/html.ts';
import { whileTyping } from './typing.ts';
import type { Translate } from '../render/story.ts';
import type { Language } from '../../config.ts';
import { detectLanguage } from '../../text/language.ts';

/** Longer questions are refused: they are pasted documents, not questions, and cost the model dearly. */
export const MAX_QUESTION = 4_000;

/**
 * Plain text in a private chat is a question: rate limit, "typing…", the answering service,
 * the answer with its buttons, and the question logged with its citations and latency.
 * A reply to one of the bot's answers is a follow-up: the earlier question is context.
 */
export function askFeature(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const { app } = deps;
  const { community } = app;

  composer.chatType('private').on('message:text', async (ctx, next) => {
    const text = ctx.message.text.trim();
    const member = ctx.member;
    if (text.startsWith('/') || !member) return next();
    if (text.length > MAX_QUESTION) {
      await ctx.reply(ctx.t('bot-too-long', { max: MAX_QUESTION, length: text.length }));
      return;
    }
    // Counted in the database, not with @grammyjs/ratelimiter: its store is process memory (or
    // Redis), so each webhook replica would allow the full amount on its own.
    const limit = await community.rateLimits.hit(`ask:${member.id}`, app.config.rateLimitPerMinute);
    if (!limit.allowed) {
      ctx.log.info({ hits: limit.hits }, 'rate limited');
      await ctx.reply(ctx.t('bot-rate-limited', { seconds: limit.retryAfterSeconds, limit: app.config.rateLimitPerMinute }));
      return;
    }

    const previous = await followUpOf(ctx, deps);
    const started = performance.now();
    const answer = await whileTyping(ctx, () =>
      app.answering.answer({
        text,
        language: questionLanguage(text, ctx.locale as Language),
        profile: { ...(member.country ? { country: member.country } : {}), ...(member.industry ? { industry: member.industry } : {}) },
        ...(previous ? { previousQuestion: previous.text } : {}),
      }),
    );
    const latencyMs = performance.now() - started;
    const questionId = await community.questions.record({
      memberId: member.id,
      chatId: ctx.chat.id,
      text,
      language: answer.language,
      ...(previous ? { followUpOf: previous.id } : {}),
      abstained: answer.abstained,
      mode: answer.mode,
      answerText: answer.text,
      latencyMs,
      citations: answer.cited.map((c) => ({ experienceId: c.experience.id, score: c.score })),
    });
    ctx.log.info({ handler: 'ask', question_id: questionId, abstained: answer.abstained, cited: answer.cited.length, latency_ms: Math.round(latencyMs) }, 'question answered');

    // The answer and what frames it speak the language of the question, which may not be the menus'.
    const t: Translate = (key, vars) => app.translator.t(answer.language, key, vars);
    const parts = splitMessage(renderAnswer(answer, answer.language, t, app.translator));
    const sent: Message[] = [];
    for (const [i, part] of parts.entries()) {
      const last = i === parts.length - 1;
      sent.push(
        await ctx.reply(part, {
          parse_mode: 'HTML',
          ...(i === 0 ? { reply_parameters: { message_id: ctx.message.message_id, allow_sending_without_reply: true } } : {}),
          ...(last ? { reply_markup: answerKeyboard(answer, questionId, t) } : {}),
        }),
      );
    }
    await community.questions.linkMessages(questionId, ctx.chat.id, sent.map((m) => m.message_id));
  });
  return composer;
}

/** The logged question whose answer this message replies to, if any. */
async function followUpOf(ctx: BotContext, deps: BotDeps) {
  const replied = ctx.message?.reply_to_message;
  if (!replied || replied.from?.id !== ctx.me.id || ctx.chatId === undefined) return undefined;
  return deps.app.community.questions.findByAnswerMessage(ctx.chatId, replied.message_id);
}

/**
 * A question in Persian or Chinese script is answered in that language whatever the member's
 * settings (many Iranian members keep Telegram in English); Latin text keeps the member's
 * language, since it may be Persian typed in Latin letters as well as English.
 */
export function questionLanguage(text: string, memberLanguage: Language): Language {
  const detected = detectLanguage(text, memberLanguage);
  return detected === 'en' ? memberLanguage : detected;
}
