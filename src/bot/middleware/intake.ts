import type { Context, NextFunction } from 'grammy';
import type { ClaimUpdate } from '../../community/update-claims.ts';
import { isDatabaseUnavailable } from '../../db/db.ts';
import type { BotContextExtras } from '../context.ts';
import type { PrefetchingStorage } from '../db-storage.ts';
import { languageFromTelegram } from '../i18n.ts';
import { chineseScriptOf } from '../../text/chinese-convert.ts';

/**
 * What every update needs before a feature runs, in one round trip to the database (see
 * `createClaimUpdate`): the update claimed (a replay stops here), the member behind ctx.from
 * and the update's language — the member's own choice from /language, else Telegram's
 * language_code — and characters (those the member writes Chinese in), and the conversation state, handed to the conversations plugin's first read.
 */
export function intake<T>(deps: {
  claimUpdate: ClaimUpdate;
  /** Says the update's handling finished (see update-claims.ts): run after the features, unless one said so itself (ctx.handledUpdate). */
  finishUpdate: (updateId: number) => Promise<void>;
  conversations: PrefetchingStorage<T>;
  conversationKey: (ctx: Context) => string | undefined;
}) {
  return async (ctx: Context & BotContextExtras, next: NextFunction): Promise<void> => {
    // Only a member's own message or press in a private chat makes them a member (again, after
    // /forget); in a group, an existing member is recognised and nobody else is recorded.
    const acting = ctx.message !== undefined || ctx.callbackQuery !== undefined;
    const from = acting && ctx.from && !ctx.from.is_bot ? ctx.from : undefined;
    const key = deps.conversationKey(ctx);
    // The characters the member writes Chinese in, remembered for the updates without any (a command, a press).
    const words = ctx.message?.text ?? ctx.message?.caption;
    const written = words === undefined ? undefined : chineseScriptOf(words);
    const claim = await deps.claimUpdate({
      updateId: ctx.update.update_id,
      update: ctx.update,
      ...(from
        ? {
            sender: {
              telegramId: from.id,
              name: [from.first_name, from.last_name].filter(Boolean).join(' '),
              register: ctx.chat?.type === 'private',
              ...(from.language_code ? { language: languageFromTelegram(from.language_code) } : {}),
              ...(written ? { chineseScript: written } : {}),
            },
          }
        : {}),
      ...(key !== undefined ? { stateKey: deps.conversations.rowKey(key) } : {}),
    });
    if (!claim.claimed) {
      ctx.log.info('update already handled, skipped');
      return;
    }
    if (claim.member) ctx.member = claim.member;
    ctx.locale = ctx.member?.language ?? languageFromTelegram(from?.language_code);
    if ((written ?? ctx.member?.chineseScript) === 'traditional') ctx.script = 'traditional';
    const withdraw = key === undefined ? undefined : deps.conversations.prefetch(key, claim.state as T | undefined);
    let finished = false;
    ctx.handledUpdate = { updateId: ctx.update.update_id, finished: () => void (finished = true) };
    try {
      await next();
    } catch (error) {
      // The database did not answer: the update is handled again when it does (bot/polling.ts).
      if (!isDatabaseUnavailable(error) && !finished) await finish(ctx);
      throw error;
    } finally {
      withdraw?.();
    }
    if (!finished) await finish(ctx);
  };

  async function finish(ctx: Context & BotContextExtras): Promise<void> {
    try {
      await deps.finishUpdate(ctx.update.update_id);
    } catch (error) {
      // Left unfinished, it would be handled again should this process die: said, not thrown.
      ctx.log.warn({ err: error }, 'could not record that the update was handled');
    }
  }
}
