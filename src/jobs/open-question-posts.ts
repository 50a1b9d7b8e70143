import type { Queryable } from '../db/db.ts';
import { enqueueJob } from './queue.ts';

/** The job kind of an open question waiting to be posted in a chat (served by src/bot/open-question-sender.ts). */
export const OPEN_QUESTION_POST = 'open-question-post';

export interface OpenQuestionPostJob {
  openQuestionId: number;
  chatId: number;
}

/** Queues the posting of an open question into a chat, on `within` (once per question and chat). */
export async function queueOpenQuestionPost(within: Queryable, post: OpenQuestionPostJob): Promise<void> {
  await enqueueJob(within, { kind: OPEN_QUESTION_POST, payload: { ...post }, uniqueKey: `${post.openQuestionId}:${post.chatId}`, maxAttempts: 8 });
}
