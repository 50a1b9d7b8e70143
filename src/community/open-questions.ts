import { detectLanguage, type Language } from '../text/language.ts';
import type { Db, Queryable } from '../db/db.ts';
import { queueOpenQuestionPost } from '../jobs/open-question-posts.ts';
import type { QuestionLog } from './question-log.ts';
import type { Member } from './members.ts';
import type { Draft, SubmitContribution } from './contributions.ts';

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
    async getById(id: number): Promise<OpenQuestion | undefined> {
      const [row] = await db.query<Row>(`SELECT ${COLUMNS} FROM open_questions WHERE id = $1`, [id]);
      return row ? toOpen(row) : undefined;
    },
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
 * A new open question is queued for posting, without the asker's name, in every chat of
 * `chatIds` (the staff chat and COMMUNITY_CHAT_IDS) in the transaction that opens it.
 */
export function createOpenQuestionToCommunity(db: Db, repos: { questions: Pick<QuestionLog, 'getById'> }, chatIds: readonly number[]): OpenQuestionToCommunity {
  return async ({ questionId, memberId }) => {
    const question = await repos.questions.getById(questionId);
    if (!question || question.memberId !== memberId) return 'not-yours';
    return db.transaction(async (tx) => {
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

export type AnswerOpenQuestion = (input: {
  openQuestionId: number;
  answerer: Member;
  text: string;
  /** Whether the asker (and readers, once published) see the answerer's name and company. */
  named: boolean;
  fallbackLanguage: Language;
}) => Promise<'sent' | 'not-open' | 'own-question'>;

/**
 * A member's answer to an open question: sent to the asker (in the asker's language, with a note
 * of the answer's own language; named only with consent) and kept as a pending contribution
 * credited to its author, the question as its problem, so it goes to review like any other.
 */
export function createAnswerOpenQuestion(deps: {
  openQuestions: Pick<OpenQuestions, 'getById'>;
  submitContribution: SubmitContribution;
  notify: (recipient: { memberId: number }, messageKey: string, values: Record<string, string | number>) => Promise<void>;
}): AnswerOpenQuestion {
  return async ({ openQuestionId, answerer, text, named, fallbackLanguage }) => {
    const question = await deps.openQuestions.getById(openQuestionId);
    if (!question || question.status !== 'open' || question.memberId === null) return 'not-open';
    if (question.memberId === answerer.id) return 'own-question';
    const draft: Draft = { title: titleOf(question.text), problem: question.text, solution: text, industry: 'other', tags: [], named };
    await deps.submitContribution({ member: answerer, draft, fallbackLanguage });
    // The answer's own language: the contribution's is decided with the question's words too.
    const language = detectLanguage(text, answerer.language ?? fallbackLanguage);
    const who = named ? [answerer.name, answerer.company].filter(Boolean).join(' · ') : '';
    const values = { question: question.text, answer: text, language, ...(who ? { who } : {}) };
    await deps.notify({ memberId: question.memberId }, who ? 'community-answer-received-named' : 'community-answer-received', values);
    return 'sent';
  };
}

const TITLE_MAX = 200;
const titleOf = (question: string): string => {
  const line = question.trim().split('\n')[0]!;
  return line.length <= TITLE_MAX ? line : `${line.slice(0, TITLE_MAX - 1)}…`;
};
