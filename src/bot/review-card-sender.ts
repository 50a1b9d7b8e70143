import type { Api } from 'grammy';
import type { Translator } from '../i18n.ts';
import type { Queryable } from '../db/db.ts';
import type { Curation } from '../community/curation.ts';
import { REVIEW_CARD, type ReviewCardJob } from '../jobs/review-cards.ts';
import type { Job } from '../jobs/queue.ts';
import type { JobHandler } from '../jobs/runner.ts';
import { postingLanguage } from './chat-language.ts';
import { telegramFailure } from './telegram-failure.ts';
import { renderReviewCard } from './render/review-card.ts';
import type { SendBudget } from './send-budget.ts';
import { createSendBudget } from './send-budget.ts';

export interface ReviewCardSenderOptions {
  db: Queryable;
  api: Api;
  translator: Translator;
  curation: Pick<Curation, 'systemCard' | 'hasCard' | 'recordCard'>;
  budget?: SendBudget;
}

/**
 * Posts the review card of a new pending contribution in the staff chat (jobs of kind
 * `review-card`, queued with the contribution), in the chat's language, and remembers where, so
 * the decision edits it in place. A contribution decided or withdrawn meanwhile, or already
 * carded there, is skipped.
 */
export function createReviewCardSender(options: ReviewCardSenderOptions): Record<string, JobHandler> {
  const { db, api, translator, curation } = options;
  const budget = options.budget ?? createSendBudget(db);

  async function post(job: Job): Promise<unknown> {
    const { experienceId, chatId } = job.payload as unknown as ReviewCardJob;
    const card = await curation.systemCard(experienceId);
    if (!card || card.experience.status !== 'pending') return { skipped: 'no longer pending' };
    if (await curation.hasCard(experienceId, chatId)) return { skipped: 'already shown there' };
    const { language, unchosen } = await postingLanguage(db, chatId);
    const { html, keyboard } = renderReviewCard(card, language, (key, values) => translator.t(language, key, values), translator, { languageHint: unchosen });
    await budget.take();
    try {
      const sent = await api.sendMessage(chatId, html, {
        parse_mode: 'HTML',
        link_preview_options: { is_disabled: true },
        ...(keyboard ? { reply_markup: keyboard } : {}),
      });
      await curation.recordCard(experienceId, { chatId, messageId: sent.message_id });
      return { chatId, messageId: sent.message_id };
    } catch (error) {
      throw telegramFailure(error);
    }
  }

  return { [REVIEW_CARD]: post };
}
