import { Api, GrammyError } from 'grammy';
import { isLanguage, type Language } from '../text/language.ts';
import type { Queryable } from '../db/db.ts';
import type { Translator } from '../i18n.ts';
import { OUTBOUND_MESSAGE, type MessageValues, type OutboundMessage } from '../jobs/notify.ts';
import { GiveUpError, RetryLaterError, type Job } from '../jobs/queue.ts';
import type { JobHandler } from '../jobs/runner.ts';
import { escapeHtml, splitMessage } from './render/html.ts';
import { createSendBudget, type SendBudget } from './send-budget.ts';

export interface OutboxSenderOptions {
  db: Queryable;
  /** grammY's API client for the bot's token (no auto-retry: a 429 goes back to the queue). */
  api: Api;
  translator: Translator;
  /** Shared by every sending process (default: Telegram's 30 messages a second). */
  budget?: SendBudget;
}

/** The grammY client the outbox sends with: the bot's token and API root, and nothing else. */
export function outboxApi(token: string, apiRoot?: string): Api {
  return new Api(token, apiRoot ? { apiRoot } : {});
}

// Where a recipient is reached and in which language; NULL telegram id: the member is gone.
const MEMBER_ADDRESS = 'SELECT telegram_id::float8 AS "chatId", language, forgotten_at IS NOT NULL AS forgotten FROM members WHERE id = $1';
const CHAT_LANGUAGE = `SELECT coalesce((SELECT settings->>'language' FROM chats WHERE chat_id = $1),
                                (SELECT language FROM members WHERE telegram_id = $1)) AS language`;

/**
 * Sends the messages the domain queued with notify() (jobs of kind `outbound-message`): each
 * rendered in its recipient's language through the app's Translator and sent through
 * Telegram within the budget all processes share. The job is the outbox row: it is marked
 * done in the step after Telegram accepted the message (a process that dies between the two
 * sends it again after the lease; nothing is lost). A 429 puts it back for Telegram's
 * retry_after; a chat that cannot be reached (blocked, deleted) is kept as failed at once.
 */
export function createOutboxSender(options: OutboxSenderOptions): Record<string, JobHandler> {
  const { db, api, translator } = options;
  const budget = options.budget ?? createSendBudget(db);

  async function address(message: OutboundMessage): Promise<{ chatId: number; language: Language } | undefined> {
    if ('memberId' in message.recipient) {
      const [member] = await db.query<{ chatId: number; language: string | null; forgotten: boolean }>(MEMBER_ADDRESS, [message.recipient.memberId]);
      if (!member || member.forgotten) return undefined;
      return { chatId: member.chatId, language: asLanguage(member.language) };
    }
    const [chat] = (await db.query<{ language: string | null }>(CHAT_LANGUAGE, [message.recipient.chatId])) as [{ language: string | null }];
    return { chatId: message.recipient.chatId, language: asLanguage(chat.language) };
  }

  async function send(job: Job): Promise<unknown> {
    const message = job.payload as unknown as OutboundMessage;
    const to = await address(message);
    // A member who used /forget is not written to again.
    if (!to) return { skipped: 'recipient forgotten or unknown' };
    const html = translator.t(to.language, message.messageKey, escapeValues(message.values));
    const messageIds: number[] = [];
    for (const part of splitMessage(html)) {
      await budget.take();
      try {
        const sent = await api.sendMessage(to.chatId, part, { parse_mode: 'HTML', link_preview_options: { is_disabled: true } });
        messageIds.push(sent.message_id);
      } catch (error) {
        throw telegramFailure(error);
      }
    }
    return { chatId: to.chatId, messageIds };
  }

  return { [OUTBOUND_MESSAGE]: send };
}

/** A failed Telegram call as the job queue should take it (429: later; unreachable chat: give up). */
export function telegramFailure(error: unknown): unknown {
  if (!(error instanceof GrammyError)) return error;
  if (error.error_code === 429) {
    const seconds = error.parameters.retry_after ?? 1;
    return new RetryLaterError(seconds * 1000, `Telegram asked to wait ${seconds} s (429)`, { cause: error });
  }
  // Blocked by the member, chat deleted or never started: no later try will reach it.
  if (error.error_code === 403 || (error.error_code === 400 && /chat not found|user is deactivated/i.test(error.description))) {
    return new GiveUpError(error.message, { cause: error });
  }
  return error;
}

function asLanguage(value: string | null): Language {
  return isLanguage(value) ? value : 'en';
}

function escapeValues(values: MessageValues): MessageValues {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, typeof v === 'string' ? escapeHtml(v) : v]));
}
