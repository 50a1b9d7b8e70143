import { Composer } from 'grammy';
import type { BotContext, BotDeps } from '../context.ts';
import { previewInChat } from '../answer-preview.ts';
import { whileTyping } from './typing.ts';
import { smallTalkReply } from '../render/small-talk.ts';

/**
 * Plain text in a private chat is a question for the ask use case, which logs it and queues its
 * answer in the outbox in one transaction; this process's sender delivers it at once (see
 * src/bot/answer-sender.ts), and any live process does after a crash. A refusal is replied here.
 */
export function askFeature(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const { asking } = deps.app;

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
        messageId: ctx.message.message_id,
        ...(replied && replied.from?.id === ctx.me.id ? { repliesTo: { messageId: replied.message_id } } : {}),
      },
      // With a model, the answer is shown as it is written; offline there is no draft and nothing changes.
      {
        whileAnswering: (work) => whileTyping(ctx, work),
        preview: previewInChat(ctx, ctx.message.message_id),
        ...(ctx.handledUpdate ? { handledUpdate: ctx.handledUpdate } : {}),
      },
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
    if (outcome.kind === 'small-talk') {
      await ctx.reply(smallTalkReply(deps.app.translator, outcome));
      return;
    }
    const { answer, questionId, latencyMs } = outcome;
    ctx.log.info(
      { handler: 'ask', question_id: questionId, abstained: answer.abstained, cited: answer.cited.length, latency_ms: Math.round(latencyMs) },
      'question answered; the answer is queued for delivery',
    );
  });
  return composer;
}
