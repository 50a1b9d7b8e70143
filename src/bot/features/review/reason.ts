import type { Conversation } from '@grammyjs/conversations';
import type { Context } from 'grammy';
import type { Language } from '../../../text/language.ts';
import type { BotContext, BotDeps } from '../../context.ts';
import { takeDecision } from './cards.ts';

/** Persisted with the conversation: JSON only. */
export interface ReasonArgs {
  locale: Language;
  experienceId: number;
}

export const REVIEW_REASON_CONVERSATION = 'review-reason';
/** A rejection reason the contributor reads: a sentence or two. */
export const MAX_REASON = 500;

const isCommand = (text: string) => /^\/[A-Za-z0-9_]/.test(text);

/**
 * A rejection reason typed by the curator, in the chat where they pressed Reject (in a group, only
 * their own messages reach it); /cancel leaves it. Buttons and commands meanwhile go on to the
 * rest of the bot, so other cards can still be decided.
 */
export function createReasonConversation(deps: BotDeps) {
  return async function reason(conversation: Conversation<BotContext, Context>, ctx: Context, args: ReasonArgs): Promise<void> {
    const t = (key: string, values?: Record<string, string | number>) => deps.app.translator.t(args.locale, key, values);
    await ctx.reply(t('curation-reason-type'), { reply_markup: { force_reply: true, selective: true } });
    for (;;) {
      const c = await conversation.wait();
      const text = c.message?.text?.trim();
      if (c.callbackQuery || (text !== undefined && isCommand(text))) await conversation.skip({ next: true });
      if (!text) {
        if (c.message) await c.reply(t('curation-edit-text-only'));
        continue;
      }
      if ([...text].length > MAX_REASON) {
        await c.reply(t('curation-reason-too-long', { max: MAX_REASON }));
        continue;
      }
      const { say } = await conversation.external((outer: BotContext) =>
        takeDecision(deps, { api: outer.api, log: outer.log, botUsername: outer.me.username, t }, outer.from!.id, args.experienceId, {
          kind: 'reject',
          reason: 'other',
          text,
        }).then((r) => ({ say: r.say })),
      );
      await c.reply(say);
      return;
    }
  };
}
