import type { Db } from '../db/db.ts';
import { queueOpenQuestionPost } from '../jobs/open-question-posts.ts';
import type { QuestionLog } from './question-log.ts';
import { createOpenQuestions } from './open-questions.ts';

export type OpenQuestionToCommunity = (input: { questionId: number; memberId: number }) => Promise<'opened' | 'already-open' | 'too-many' | 'not-yours'>;

/** Open questions one member may have at once: the community's attention is shared. */
export const MAX_OPEN_QUESTIONS_PER_MEMBER = 3;

/**
 * Puts a member's own logged question to the community; only the asker may. A question of
 * another member and one that does not exist are both 'not-yours': a guessed id tells nothing.
 * A new open question is queued for posting, without the asker's name, in every chat of
 * `chatIds` (the staff chat and COMMUNITY_CHAT_IDS) in the transaction that opens it.
 */
export function createOpenQuestionToCommunity(db: Db, repos: { questions: Pick<QuestionLog, 'getById'> }, chatIds: readonly number[]): OpenQuestionToCommunity {
  return async ({ questionId, memberId }) => {
    const question = await repos.questions.getById(questionId);
    if (!question || question.memberId !== memberId) return 'not-yours';
    return db.transaction(async (tx) => {
      // One member's open questions are counted and compared under the member's row lock, so two presses at once open one.
      await tx.query(`SELECT id FROM members WHERE id = $1 FOR UPDATE`, [memberId]);
      const mine = await tx.query<{ question_id: string | number | null; text: string }>(
        `SELECT question_id, text FROM open_questions WHERE member_id = $1 AND status = 'open'`,
        [memberId],
      );
      // The same words asked again (a new logged question) are the same open question.
      if (mine.some((q) => Number(q.question_id) === question.id || sameWords(q.text, question.text))) return 'already-open';
      if (mine.length >= MAX_OPEN_QUESTIONS_PER_MEMBER) return 'too-many';
      const { openQuestion, created } = await createOpenQuestions(tx).open({
        questionId: question.id,
        memberId,
        text: question.text,
        language: question.language,
      });
      if (!created) return 'already-open';
      for (const chatId of new Set(chatIds)) await queueOpenQuestionPost(tx, { openQuestionId: openQuestion.id, chatId });
      return 'opened';
    });
  };
}

const sameWords = (a: string, b: string): boolean => normalise(a) === normalise(b);
const normalise = (text: string): string =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}\s]+/gu, ' ')
    .trim();
