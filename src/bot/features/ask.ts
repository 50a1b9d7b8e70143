import { Composer } from 'grammy';
import type { Message } from 'grammy/types';
import type { BotContext, BotDeps } from '../context.ts';
import { answerKeyboard, renderAnswer } from '../render/answer.ts';
import { splitMessage } from '../render/html.ts';
import type { Translate } from '../render/story.ts';
import { whileTyping } from './typing.ts';

/**
 * Plain text in a private chat is a question for the ask use case; this turns its outcome into
 * messages: a refusal, or the answer with its buttons ("typing…" while it is written).
 */
export function askFeature(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const { app } = deps;
  const { asking } = app;

  composer.chatType('private').on('message:text', async (ctx, next) => {
    const text = ctx.message.text.trim();
    const member = ctx.member;
    if (text.startsWith('/') || !member) return next();
    const replied = ctx.message.reply_to_message;
    const outcome = await asking.ask(
      {
        member,
        chatId: ctx.chat.id,
        text,
        memberLanguage: ctx.locale,
        ...(replied && replied.from?.id === ctx.me.id ? { repliesTo: { messageId: replied.message_id } } : {}),
      },
      { whileAnswering: (work) => whileTyping(ctx, work) },
    );
    if (outcome.kind === 'too-long') {
      await ctx.reply(ctx.t('bot-too-long', { max: outcome.max, length: outcome.length }));
      return;
    }
    if (outcome.kind === 'rate-limited') {
      ctx.log.info({ hits: outcome.hits, notified: outcome.notify }, 'rate limited');
      if (outcome.notify) await ctx.reply(ctx.t('bot-rate-limited', { seconds: outcome.retryAfterSeconds, limit: outcome.limit }));
      return;
    }
    const { answer, questionId, latencyMs } = outcome;
    ctx.log.info(
      { handler: 'ask', question_id: questionId, abstained: answer.abstained, cited: answer.cited.length, latency_ms: Math.round(latencyMs) },
      'question answered',
    );

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
    await asking.delivered(
      questionId,
      ctx.chat.id,
      sent.map((m) => m.message_id),
    );
  });
  return composer;
}
