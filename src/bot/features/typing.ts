import type { BotContext } from '../context.ts';

/** Telegram shows "typing…" for about 5 s; renew it while the answer is being written. */
const RENEW_MS = 4_500;

/** Runs `work` with the chat showing "typing…"; a failed chat action never fails the work. */
export async function whileTyping<T>(ctx: BotContext, work: () => Promise<T>): Promise<T> {
  const show = () =>
    ctx.replyWithChatAction('typing').catch((e: unknown) => ctx.log.debug({ err: e }, 'typing action failed'));
  await show();
  const timer = setInterval(() => void show(), RENEW_MS);
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}
