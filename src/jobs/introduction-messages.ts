import type { Queryable } from '../db/db.ts';
import { enqueueJob } from './queue.ts';

/** The job kind of a message about an introduction (served by src/bot/introduction-sender.ts). */
export const INTRODUCTION_MESSAGE = 'introduction-message';

/**
 * Which message: the request to the contributor (with Accept / Decline), each side's contact
 * once accepted, the asker's kind refusal, and the asker's note that the request lapsed.
 */
export const INTRODUCTION_MESSAGES = ['request', 'contact-to-asker', 'contact-to-contributor', 'declined', 'expired'] as const;
export type IntroductionMessage = (typeof INTRODUCTION_MESSAGES)[number];

export interface IntroductionMessageJob {
  introductionId: number;
  message: IntroductionMessage;
}

/**
 * Queues one message about introduction `introductionId` on `within` (once per introduction and
 * message). The sender reads the introduction when it sends, so nothing about either member is
 * copied into the queue, and a member who used /forget meanwhile is not written to.
 */
export async function queueIntroductionMessage(within: Queryable, job: IntroductionMessageJob, delayMs = 0): Promise<void> {
  await enqueueJob(within, {
    kind: INTRODUCTION_MESSAGE,
    payload: { ...job },
    uniqueKey: `${job.introductionId}:${job.message}`,
    delayMs,
    maxAttempts: 8,
  });
}
