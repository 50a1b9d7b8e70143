import type { BotContext } from '../context.ts';

/** Telegram shows "typing…" for about 5 s; renew it while the answer is being written. */
const RENEW_MS = 4_500;
/**
 * Telegram asks bots to send a chat action only when the reply takes noticeably long: an
 * answer found in the knowledge base arrives before "typing…" would even be drawn, and the
 * extra call would cost every such answer a round trip to Telegram.
 */
export const TYPING_AFTER_MS = 600;

/** Runs `work` with the chat showing "typing…" if it is slow; a failed chat action never fails the work. */
export async function whileTyping<T>(ctx: BotContext, work: () => Promise<T>): Promise<T> {
  const show = () => ctx.replyWithChatAction('typing').catch((e: unknown) => ctx.log.debug({ err: e }, 'typing action failed'));
  let renew: NodeJS.Timeout | undefined;
  const first = setTimeout(() => {
    void show();
    renew = setInterval(() => void show(), RENEW_MS);
  }, TYPING_AFTER_MS);
  try {
    return await work();
  } finally {
    clearTimeout(first);
    clearInterval(renew);
  }
}
