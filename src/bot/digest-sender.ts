import type { Api } from 'grammy';
import type { Community } from '../community/index.ts';
import type { Queryable } from '../db/db.ts';
import type { Translator } from '../i18n.ts';
import { REVIEW_DIGEST } from '../jobs/experience-upkeep.ts';
import type { JobHandler, Schedule } from '../jobs/runner.ts';
import { DIGEST_PAGE_SIZE, renderDigest } from './render/digest.ts';
import { createSendBudget, type SendBudget } from './send-budget.ts';
import { postingLanguage } from './chat-language.ts';
import { telegramFailure } from './telegram-failure.ts';

export interface DigestSenderOptions {
  db: Queryable;
  /** grammY's API client for the bot's token (no auto-retry: a 429 goes back to the queue). */
  api: Api;
  translator: Translator;
  reverification: Community['reverification'];
  /** Where the digest goes; without a staff chat there is nobody to send it to. */
  staffChatId: number | undefined;
  reviewAfterMonths: number;
  budget?: SendBudget;
}

const WEEK_MS = 7 * 24 * 60 * 60_000;

/** The weekly digest, enqueued once a week by whichever worker notices first. */
export const REVIEW_DIGEST_SCHEDULE: Schedule = { kind: REVIEW_DIGEST, everyMs: WEEK_MS };

/**
 * Sends the re-verification digest (jobs of kind `review-digest`: weekly, and at once when an
 * experience gets its third 👎) to the staff chat: one message, its first page, with the
 * buttons src/bot/features/review-digest.ts answers. Nothing due, nothing sent.
 */
export function createDigestSender(options: DigestSenderOptions): Record<string, JobHandler> {
  const { db, api, translator, reverification, staffChatId, reviewAfterMonths } = options;
  const budget = options.budget ?? createSendBudget(db);

  async function send(): Promise<unknown> {
    if (staffChatId === undefined) return { skipped: 'no STAFF_CHAT_ID' };
    const page = await reverification.digestPage({ page: 0, pageSize: DIGEST_PAGE_SIZE, reviewAfterMonths });
    if (page.total === 0) return { skipped: 'nothing due' };
    const { language, unchosen } = await postingLanguage(db, staffChatId);
    const { html, keyboard } = renderDigest(page, language, translator, reviewAfterMonths, { languageHint: unchosen });
    await budget.take();
    try {
      const sent = await api.sendMessage(staffChatId, html, { parse_mode: 'HTML', reply_markup: keyboard, link_preview_options: { is_disabled: true } });
      return { chatId: staffChatId, messageId: sent.message_id, due: page.total };
    } catch (error) {
      throw telegramFailure(error);
    }
  }

  return { [REVIEW_DIGEST]: send };
}
