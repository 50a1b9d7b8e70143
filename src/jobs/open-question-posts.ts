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

/** The job kind of a member's answer waiting to be sent to the asker, with 👍/👎. */
export const COMMUNITY_ANSWER = 'open-question-answer-delivery';
/** The job kind of editing an answered or closed question's posts to say so. */
export const OPEN_QUESTION_SETTLED = 'open-question-settled';

/** Queues the delivery of answer `answerId` to its asker, on `within`. */
export async function queueCommunityAnswer(within: Queryable, answerId: number): Promise<void> {
  await enqueueJob(within, { kind: COMMUNITY_ANSWER, payload: { answerId }, uniqueKey: String(answerId), maxAttempts: 8 });
}

/** Queues the editing of an answered or closed question's posts, on `within`. */
export async function queueOpenQuestionSettled(within: Queryable, openQuestionId: number): Promise<void> {
  await enqueueJob(within, { kind: OPEN_QUESTION_SETTLED, payload: { openQuestionId }, uniqueKey: String(openQuestionId), maxAttempts: 8 });
}
