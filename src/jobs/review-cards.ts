import type { Queryable } from '../db/db.ts';
import { enqueueJob } from './queue.ts';

/** The job kind of a review card waiting to be posted (served by src/bot/review-card-sender.ts). */
export const REVIEW_CARD = 'review-card';

export interface ReviewCardJob {
  experienceId: number;
  chatId: number;
}

/** Queues the posting of a contribution's review card into a chat, on `within` (once per contribution and chat). */
export async function queueReviewCard(within: Queryable, card: ReviewCardJob): Promise<void> {
  await enqueueJob(within, { kind: REVIEW_CARD, payload: { ...card }, uniqueKey: `${card.experienceId}:${card.chatId}`, maxAttempts: 8 });
}
