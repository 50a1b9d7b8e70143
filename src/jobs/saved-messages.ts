import type { Queryable } from '../db/db.ts';
import { enqueueJob } from './queue.ts';

/** The job kind of asking the author of a message saved with /save whether it may be kept (served by src/bot/saved-message-sender.ts). */
export const SAVED_MESSAGE_CONSENT = 'saved-message-consent';

export interface SavedMessageConsentJob {
  saveId: number;
  /** The group's title, to tell the author where their message was saved. */
  chatTitle?: string;
}

/** Queues the author's question about a saved message, on `within` (once per saved message). */
export async function queueSavedMessageConsent(within: Queryable, job: SavedMessageConsentJob): Promise<void> {
  await enqueueJob(within, { kind: SAVED_MESSAGE_CONSENT, payload: { ...job }, uniqueKey: String(job.saveId), maxAttempts: 8 });
}
