import type { Queryable } from '../db/db.ts';
import { enqueueJob } from './queue.ts';

/**
 * The job kind of a community answer's contribution waiting to be structured by the model into
 * title / problem / solution / outcome before its review card is posted (served by
 * src/translation/structuring.ts).
 */
export const STRUCTURE_CONTRIBUTION = 'structure-contribution';

export interface StructureContributionJob {
  experienceId: number;
  /** The answer's language: the structured text is written in it. */
  language: string;
  /** textFingerprint of the text as written: a text someone edited meanwhile is left alone. */
  written: string;
}

/** Queues the structuring of a contribution on `within`, the transaction that stores it (once per contribution). */
export async function queueStructuring(within: Queryable, job: StructureContributionJob): Promise<void> {
  await enqueueJob(within, { kind: STRUCTURE_CONTRIBUTION, payload: { ...job }, uniqueKey: String(job.experienceId), maxAttempts: 3 });
}
