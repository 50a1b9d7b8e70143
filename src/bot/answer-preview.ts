import type { AnswerPreview } from '../answering/ask-question.ts';
import type { BotContext } from './context.ts';

/**
 * Telegram asks bots not to edit one message more than about once a second. The first draft too
 * waits this long after the question: an answer written sooner is simply sent, and costs
 * Telegram's sending limits no more than it did before streaming.
 */
export const PREVIEW_EVERY_MS = 1_000;
/** How long the answer waits for a preview call still in flight (Telegram may be slow) before going out on its own. */
const SETTLE_WAIT_MS = 2_000;
/** Room left in a 4,096-character message for the "writing…" line. */
const DRAFT_MAX = 3_900;

/**
 * A model's answer shown in the chat as it is written: one message, a reply to the question,
 * sent a second after the question with the sentences finished by then, and edited with the
 * draft at most once a second, marked as still being written. It is plain text (the draft is not HTML); the answer sender edits it
 * into the final answer, with its citations and buttons. A preview is best effort: a failed call
 * ends it, logged, and the answer is delivered as a new message instead.
 */
export function previewInChat(ctx: BotContext, replyTo: number): AnswerPreview {
  const chatId = ctx.chat!.id;
  let latest: string | undefined;
  let shown: string | undefined;
  let messageId: number | undefined;
  let lastCallAt = Date.now();
  let timer: NodeJS.Timeout | undefined;
  let calls: Promise<void> = Promise.resolve();
  let over = false;

  const render = (draft: string) => `${draft.length > DRAFT_MAX ? `${draft.slice(0, DRAFT_MAX)}…` : draft}\n\n${ctx.t('bot-answer-writing')}`;

  const update = async (text: string): Promise<void> => {
    try {
      if (messageId === undefined) {
        const sent = await ctx.api.sendMessage(chatId, text, { reply_parameters: { message_id: replyTo, allow_sending_without_reply: true } });
        messageId = sent.message_id;
      } else {
        await ctx.api.editMessageText(chatId, messageId, text);
      }
      shown = text;
    } catch (e) {
      ctx.log.warn({ err: e }, 'the answer preview failed; it shows no more of the draft (the answer still replaces it, or comes as a new message)');
      over = true;
    }
  };

  const flush = () => {
    timer = undefined;
    if (over || latest === undefined) return;
    const text = render(latest);
    if (text === shown) return;
    lastCallAt = Date.now();
    calls = calls.then(() => (over ? undefined : update(text)));
  };

  return {
    show(draft) {
      latest = draft;
      if (over || timer) return;
      timer = setTimeout(flush, Math.max(0, lastCallAt + PREVIEW_EVERY_MS - Date.now()));
    },
    async settle() {
      clearTimeout(timer);
      const done = await Promise.race([calls.then(() => true), new Promise<false>((resolve) => setTimeout(resolve, SETTLE_WAIT_MS, false).unref())]);
      over = true;
      if (done) return messageId;
      // The answer goes out as a new message; the late draft would stay behind under it, marked as still being written.
      void calls.then(() => (messageId === undefined ? undefined : ctx.api.deleteMessage(chatId, messageId).catch(() => undefined)));
      return undefined;
    },
  };
}
