import type { Queryable } from '../db/db.ts';
import type { QuestionLog } from './question-log.ts';

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
  };
}

export type GiveFeedback = (input: { questionId: number; memberId: number; helpful: boolean }) => Promise<'recorded' | 'unknown-question'>;

/** A member's vote on an answer; a question no longer logged (erased by /forget) takes none. */
export function createGiveFeedback(repos: { questions: Pick<QuestionLog, 'getById'>; feedback: FeedbackRepository }): GiveFeedback {
  return async (input) => {
    if (!(await repos.questions.getById(input.questionId))) return 'unknown-question';
    await repos.feedback.record(input);
    return 'recorded';
  };
}
