import { Api } from 'grammy';
import { isLanguage, type Language } from '../text/language.ts';
import type { Queryable } from '../db/db.ts';
import type { Translator } from '../i18n.ts';
import { OUTBOUND_MESSAGE, type MessageValues, type OutboundMessage } from '../jobs/notify.ts';
import type { Job } from '../jobs/queue.ts';
import type { JobHandler, JobSteps } from '../jobs/runner.ts';
import { escapeHtml, splitMessage } from './render/html.ts';
import { createSendBudget, type SendBudget } from './send-budget.ts';
import { telegramFailure, tooOld } from './telegram-failure.ts';
import { chatLanguage } from './chat-language.ts';
import { wordsFor } from './i18n.ts';

export interface OutboxSenderOptions {
  db: Queryable;
  /** grammY's API client for the bot's token (no auto-retry: a 429 goes back to the queue). */
  api: Api;
  translator: Translator;
  /** Shared by every sending process (default: Telegram's 30 messages a second). */
  budget?: SendBudget;
  /** A message still unsent this long after it was queued is given up (DELIVERY_GIVE_UP_AFTER). */
  giveUpAfterMs: number;
}

/** The grammY client the outbox sends with: the bot's token and API root, and nothing else. */
export function outboxApi(token: string, apiRoot?: string): Api {
  // Well inside the senders' lease (src/bot/senders.ts): a call Telegram never answers fails and is retried.
  return new Api(token, { ...(apiRoot ? { apiRoot } : {}), timeoutSeconds: 30 });
}

// Where a recipient is reached and in which language; NULL telegram id: the member is gone.
// The member's chosen language, else their Telegram app's, and the characters they write Chinese in.
const MEMBER_ADDRESS =
  'SELECT telegram_id::float8 AS "chatId", coalesce(language, telegram_language) AS language, chinese_script AS script, forgotten_at IS NOT NULL AS forgotten FROM members WHERE id = $1';

/**
 * Sends the messages the domain queued with notify() (jobs of kind `outbound-message`): each
 * rendered in its recipient's language through the app's Translator and sent through
 * Telegram within the budget all processes share. The job is the outbox row: it is marked
 * done in the step after Telegram accepted the message, and a long message's parts are
 * remembered one by one, so a retry resumes at the part that failed (only a part in flight when
 * a process died can be sent twice; nothing is lost). Failures: see telegramFailure.
 */
export function createOutboxSender(options: OutboxSenderOptions): Record<string, JobHandler> {
  const { db, api, translator } = options;
  const budget = options.budget ?? createSendBudget(db);

  async function address(message: OutboundMessage): Promise<{ chatId: number; language: Language; script?: 'traditional' } | undefined> {
    if ('memberId' in message.recipient) {
      const [member] = await db.query<{ chatId: number; language: string | null; script: string | null; forgotten: boolean }>(MEMBER_ADDRESS, [
        message.recipient.memberId,
      ]);
      if (!member || member.forgotten) return undefined;
      return { chatId: member.chatId, language: asLanguage(member.language), ...(member.script === 'traditional' ? { script: 'traditional' as const } : {}) };
    }
    return { chatId: message.recipient.chatId, language: await chatLanguage(db, message.recipient.chatId) };
  }

  async function send(job: Job, steps: JobSteps): Promise<unknown> {
    const old = tooOld(job.ageMs, options.giveUpAfterMs);
    if (old) throw old;
    const message = job.payload as unknown as OutboundMessage;
    const to = await address(message);
    // A member who used /forget is not written to again.
    if (!to) return { skipped: 'recipient forgotten or unknown' };
    // The same rendering every attempt (the recipient's language is read once, then kept), so the parts line up.
    const language = isLanguage(job.progress?.language) ? job.progress.language : to.language;
    // In the characters the member writes Chinese in, as the bot's replies to them are.
    const parts = splitMessage(wordsFor(translator, language, to.script)(message.messageKey, escapeValues(message.values)));
    const messageIds = sentSoFar(job);
    for (let i = messageIds.length; i < parts.length; i++) {
      await budget.take();
      try {
        const sent = await api.sendMessage(to.chatId, parts[i]!, { parse_mode: 'HTML', link_preview_options: { is_disabled: true } });
        messageIds.push(sent.message_id);
      } catch (error) {
        throw telegramFailure(error);
      }
      // Every part, the last too: an attempt after a failed last step sends nothing again.
      await steps.saveProgress({ language, messageIds });
    }
    return { chatId: to.chatId, messageIds };
  }

  return { [OUTBOUND_MESSAGE]: send };
}

/** The message ids of the parts earlier attempts sent (saved as `messageIds` in the job's progress). */
export function sentSoFar(job: Job): number[] {
  const ids = job.progress?.messageIds;
  return Array.isArray(ids) ? ids.map(Number) : [];
}

function asLanguage(value: string | null): Language {
  return isLanguage(value) ? value : 'en';
}

function escapeValues(values: MessageValues): MessageValues {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, typeof v === 'string' ? escapeHtml(v) : v]));
}
