import type { Queryable } from '../db/db.ts';
import type { QuestionLog } from './question-log.ts';
import { flagUnhelpfulExperiences } from './reverification.ts';

export type FeedbackRepository = ReturnType<typeof createFeedback>;

export function createFeedback(db: Queryable) {
  return {
    /** A member's 👍/👎 on one answer; pressing again (either button) replaces the earlier vote. */
    async record(f: { questionId: number; memberId: number; helpful: boolean }): Promise<void> {
      await db.query(
        `INSERT INTO feedback (question_id, member_id, helpful) VALUES ($1, $2, $3)
         ON CONFLICT (question_id, member_id) DO UPDATE SET helpful = excluded.helpful, created_at = now()`,
        [f.questionId, f.memberId, f.helpful],
      );
    },
    /** Puts before staff the experiences this question's answer cited that three members have now found unhelpful. */
    flagUnhelpful: (questionId: number) => flagUnhelpfulExperiences(db, questionId),
  };
}

/**
 * 'not-yours' covers a question of another member and one that does not exist (or was erased by
 * /forget) alike, so a press with a guessed id cannot tell which ids exist.
 */
export type GiveFeedback = (input: { questionId: number; memberId: number; helpful: boolean }) => Promise<'recorded' | 'not-yours'>;

/** A member's vote on the answer to their own logged question; any other question takes none. */
export function createGiveFeedback(repos: { questions: Pick<QuestionLog, 'getById'>; feedback: FeedbackRepository }): GiveFeedback {
  return async (input) => {
    const question = await repos.questions.getById(input.questionId);
    if (question?.memberId !== input.memberId) return 'not-yours';
    await repos.feedback.record(input);
    if (!input.helpful) await repos.feedback.flagUnhelpful(input.questionId);
    return 'recorded';
  };
}
