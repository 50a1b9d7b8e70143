import type { Queryable } from '../db/db.ts';
import { enqueueJob } from './queue.ts';

/**
 * The jobs that keep published knowledge complete and current: machine translations of missing
 * language versions, their embeddings (served by src/translation/jobs.ts), and the staff's
 * re-verification digest (served by src/bot/digest-sender.ts).
 */
export const TRANSLATE_EXPERIENCE = 'translate-experience';
export const EMBED_EXPERIENCE = 'embed-experience';
export const REVIEW_DIGEST = 'review-digest';

export interface TranslateExperienceJob {
  experienceId: number;
  language: string;
}

export interface EmbedExperienceJob {
  experienceId: number;
}

/** Queues the machine translation of one missing language version, on `within`. */
export async function queueTranslation(within: Queryable, job: TranslateExperienceJob): Promise<void> {
  await enqueueJob(within, { kind: TRANSLATE_EXPERIENCE, payload: { ...job }, maxAttempts: 5 });
}

/** Queues embedding the texts of one experience that have no vector yet, on `within`. */
export async function queueEmbedding(within: Queryable, job: EmbedExperienceJob): Promise<void> {
  await enqueueJob(within, { kind: EMBED_EXPERIENCE, payload: { ...job }, maxAttempts: 5 });
}

/**
 * Queues a digest for the staff chat now, on `within`; `reason` keys it (e.g. one experience's
 * third 👎), so the same cause sends it once.
 */
export async function queueReviewDigest(within: Queryable, reason: string): Promise<void> {
  await enqueueJob(within, { kind: REVIEW_DIGEST, uniqueKey: reason, maxAttempts: 3 });
}
