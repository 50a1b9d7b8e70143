import type { Language } from '../text/language.ts';
import type { Queryable } from '../db/db.ts';
import type { QuestionLog } from './question-log.ts';

export interface OpenQuestion {
  id: number;
  questionId: number | null;
  memberId: number | null;
  text: string;
  language: Language;
  status: 'open' | 'answered' | 'closed';
  createdAt: Date;
}

interface Row {
  id: string | number;
  question_id: string | number | null;
  member_id: string | number | null;
  text: string;
  language: Language;
  status: OpenQuestion['status'];
  created_at: Date | string;
}

const toOpen = (r: Row): OpenQuestion => ({
  id: Number(r.id),
  questionId: r.question_id === null ? null : Number(r.question_id),
  memberId: r.member_id === null ? null : Number(r.member_id),
  text: r.text,
  language: r.language,
  status: r.status,
  createdAt: new Date(r.created_at),
});

const COLUMNS = 'id, question_id, member_id, text, language, status, created_at';

export type OpenQuestions = ReturnType<typeof createOpenQuestions>;

export function createOpenQuestions(db: Queryable) {
  return {
    /**
     * Puts a question to the community. Asking twice about the same logged question keeps the
     * first one (`created` false), so a double press does not notify members twice.
     */
    async open(q: {
      questionId: number | null;
      memberId: number | null;
      text: string;
      language: Language;
    }): Promise<{ openQuestion: OpenQuestion; created: boolean }> {
      if (q.questionId !== null) {
        const [existing] = await db.query<Row>(`SELECT ${COLUMNS} FROM open_questions WHERE question_id = $1 ORDER BY id LIMIT 1`, [q.questionId]);
        if (existing) return { openQuestion: toOpen(existing), created: false };
      }
      const [row] = await db.query<Row>(`INSERT INTO open_questions (question_id, member_id, text, language) VALUES ($1, $2, $3, $4) RETURNING ${COLUMNS}`, [
        q.questionId,
        q.memberId,
        q.text,
        q.language,
      ]);
      return { openQuestion: toOpen(row!), created: true };
    },
  };
}

export type OpenQuestionToCommunity = (input: { questionId: number; memberId: number }) => Promise<'opened' | 'already-open' | 'not-yours'>;

/**
 * Puts a member's own logged question to the community; only the asker may. A question of
 * another member and one that does not exist are both 'not-yours': a guessed id tells nothing.
 */
export function createOpenQuestionToCommunity(repos: { questions: Pick<QuestionLog, 'getById'>; openQuestions: OpenQuestions }): OpenQuestionToCommunity {
  return async ({ questionId, memberId }) => {
    const question = await repos.questions.getById(questionId);
    if (!question || question.memberId !== memberId) return 'not-yours';
    const { created } = await repos.openQuestions.open({ questionId: question.id, memberId, text: question.text, language: question.language });
    return created ? 'opened' : 'already-open';
  };
}
