import { detectLanguage, type Language } from '../text/language.ts';
import type { Db, Queryable } from '../db/db.ts';
import { queueCommunityAnswer, queueOpenQuestionSettled, queueOpenQuestionPost } from '../jobs/open-question-posts.ts';
import { queueStructuring } from '../jobs/contribution-structuring.ts';
import { textFingerprint } from '../knowledge/experiences/texts.ts';
import type { QuestionLog } from './question-log.ts';
import type { Member } from './members.ts';
import { recordAudit } from '../knowledge/experiences/audit.ts';
import { can, isRole } from '../knowledge/experiences/roles.ts';
import { titleFrom } from '../knowledge/experiences/rules.ts';
import type { Draft, SubmitContribution } from './contributions.ts';

export interface OpenQuestion {
  id: number;
  questionId: number | null;
  memberId: number | null;
  text: string;
  language: Language;
  status: 'open' | 'answered' | 'closed';
  createdAt: Date;
  /** The question in other languages, as a model translated it for the chats it is posted in. */
  translations: Partial<Record<Language, string>>;
}

interface Row {
  id: string | number;
  question_id: string | number | null;
  member_id: string | number | null;
  text: string;
  language: Language;
  status: OpenQuestion['status'];
  created_at: Date | string;
  translations: Partial<Record<Language, string>> | null;
}

const toOpen = (r: Row): OpenQuestion => ({
  id: Number(r.id),
  questionId: r.question_id === null ? null : Number(r.question_id),
  memberId: r.member_id === null ? null : Number(r.member_id),
  text: r.text,
  language: r.language,
  status: r.status,
  createdAt: new Date(r.created_at),
  translations: r.translations ?? {},
});

const COLUMNS = 'id, question_id, member_id, text, language, status, created_at, translations';

export type OpenQuestions = ReturnType<typeof createOpenQuestions>;

export function createOpenQuestions(db: Queryable) {
  return {
    /** Remembers where a question was posted, so its posts can say when it is answered. */
    async recordPost(openQuestionId: number, post: { chatId: number; messageId: number }): Promise<void> {
      await db.query(`INSERT INTO open_question_posts (open_question_id, chat_id, message_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [
        openQuestionId,
        post.chatId,
        post.messageId,
      ]);
    },
    async posts(openQuestionId: number): Promise<{ chatId: number; messageId: number }[]> {
      const rows = await db.query<{ chat_id: string | number; message_id: string | number }>(
        `SELECT chat_id, message_id FROM open_question_posts WHERE open_question_id = $1 ORDER BY chat_id`,
        [openQuestionId],
      );
      return rows.map((r) => ({ chatId: Number(r.chat_id), messageId: Number(r.message_id) }));
    },
    /** An answer as its asker receives it: the answerer named only if they agreed. */
    async getAnswer(answerId: number): Promise<CommunityAnswer | undefined> {
      const [row] = await db.query<{
        open_question_id: string | number;
        question: string;
        asker_id: string | number | null;
        text: string;
        language: Language;
        named: boolean;
        translations: Partial<Record<Language, string>>;
        name: string | null;
        company: string | null;
      }>(
        `SELECT a.open_question_id, q.text AS question, q.member_id AS asker_id, a.text, a.language, a.named, a.translations, m.name, m.company
           FROM open_question_answers a JOIN open_questions q ON q.id = a.open_question_id LEFT JOIN members m ON m.id = a.member_id
          WHERE a.id = $1`,
        [answerId],
      );
      if (!row || row.asker_id === null) return undefined;
      const who = row.named ? [row.name, row.company].filter(Boolean).join(' · ') : '';
      return {
        answerId,
        openQuestionId: Number(row.open_question_id),
        question: row.question,
        askerMemberId: Number(row.asker_id),
        text: row.text,
        language: row.language,
        translations: row.translations ?? {},
        ...(who ? { who } : {}),
      };
    },
    /** The questions still open, oldest first (what /open lists). */
    async listOpen(limit: number): Promise<OpenQuestion[]> {
      const rows = await db.query<Row>(`SELECT ${COLUMNS} FROM open_questions WHERE status = 'open' ORDER BY id LIMIT $1`, [limit]);
      return rows.map(toOpen);
    },
    /** Keeps a model's translations of the question, so every post and edit of it says the same. */
    async saveTranslations(id: number, translations: Partial<Record<Language, string>>): Promise<void> {
      await db.query(`UPDATE open_questions SET translations = translations || $2::jsonb WHERE id = $1`, [id, JSON.stringify(translations)]);
    },
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

export interface CommunityAnswer {
  answerId: number;
  openQuestionId: number;
  question: string;
  askerMemberId: number;
  text: string;
  /** The answer's own language. */
  language: Language;
  /** The answer in other languages, when a model translated it. */
  translations: Partial<Record<Language, string>>;
  /** The answerer's name and company, only when they agreed to be named. */
  who?: string;
}

export type AnswerOpenQuestion = (input: {
  openQuestionId: number;
  answerer: Member;
  text: string;
  /** Whether the asker (and readers, once published) see the answerer's name and company. */
  named: boolean;
  /** The answerer's company's country, asked when their profile has none. */
  country?: string;
  fallbackLanguage: Language;
}) => Promise<'sent' | 'not-open' | 'own-question'>;

/** A member's text (an answer, a question) in the other languages; {} when the model failed (it is then shown as written). */
export type TranslateAnswer = (text: string, language: Language) => Promise<Partial<Record<Language, string>>>;

/**
 * A member's answer to an open question: sent to the asker (in the asker's language, with a note
 * of the answer's own language; named only with consent) and kept as a pending contribution
 * credited to its author, the question as its problem, so it goes to review like any other.
 * With a model, the contribution is structured into problem / solution / outcome in the
 * answer's language before its review card is posted; otherwise it is kept as written.
 */
export function createAnswerOpenQuestion(deps: {
  db: Db;
  openQuestions: Pick<OpenQuestions, 'getById'>;
  submitContribution: SubmitContribution;
  translateAnswer?: TranslateAnswer;
  /** A chat model structures the contribution (a job, src/translation/structuring.ts), which then posts its review card. */
  structureAnswers?: boolean;
}): AnswerOpenQuestion {
  return async ({ openQuestionId, answerer, text, named, country, fallbackLanguage }) => {
    const question = await deps.openQuestions.getById(openQuestionId);
    if (!question || question.status !== 'open' || question.memberId === null) return 'not-open';
    if (question.memberId === answerer.id) return 'own-question';
    // The answer's own language: the contribution as written is decided with the question's words too.
    const language = detectLanguage(text, answerer.language ?? fallbackLanguage);
    const draft: Draft = {
      title: titleFrom(question.text),
      problem: question.text,
      solution: text,
      industry: 'other',
      tags: [],
      named,
      ...(country ? { country } : {}),
    };
    const written = textFingerprint(draft);
    await deps.submitContribution({
      member: answerer,
      draft,
      fallbackLanguage,
      ...(deps.structureAnswers ? { announce: (tx: Queryable, experienceId: number) => queueStructuring(tx, { experienceId, language, written }) } : {}),
    });
    const translations = deps.translateAnswer ? await deps.translateAnswer(text, language) : {};
    await deps.db.transaction(async (tx) => {
      const [row] = await tx.query<{ id: string | number }>(
        `INSERT INTO open_question_answers (open_question_id, member_id, text, language, named, translations) VALUES ($1, $2, $3, $4, $5, $6::jsonb) RETURNING id`,
        [openQuestionId, answerer.id, text, language, named, JSON.stringify(translations)],
      );
      await queueCommunityAnswer(tx, Number(row!.id));
    });
    return 'sent';
  };
}

export type RateCommunityAnswer = (input: { answerId: number; memberId: number; helpful: boolean }) => Promise<'not-yours' | 'rated'>;

/** The asker's 👍/👎 on an answer; the first 👍 marks the question answered and has its posts say so. */
export function createRateCommunityAnswer(db: Db): RateCommunityAnswer {
  return ({ answerId, memberId, helpful }) =>
    db.transaction(async (tx) => {
      const [row] = await tx.query<{ open_question_id: string | number }>(
        `UPDATE open_question_answers a SET helpful = $3 FROM open_questions q
          WHERE a.id = $1 AND q.id = a.open_question_id AND q.member_id = $2 RETURNING a.open_question_id`,
        [answerId, memberId, helpful],
      );
      if (!row) return 'not-yours';
      if (helpful) {
        const answered = await tx.query(`UPDATE open_questions SET status = 'answered' WHERE id = $1 AND status = 'open' RETURNING id`, [row.open_question_id]);
        if (answered.length > 0) await queueOpenQuestionSettled(tx, Number(row.open_question_id));
      }
      return 'rated';
    });
}

const sameWords = (a: string, b: string): boolean => normalise(a) === normalise(b);
const normalise = (text: string): string =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}\s]+/gu, ' ')
    .trim();

export type CloseOpenQuestion = (input: { openQuestionId: number; memberId: number }) => Promise<'closed' | 'not-open' | 'forbidden'>;

/**
 * Staff close an open question nobody will answer: its posts say so, it takes no more answers,
 * and the audit log says who closed it, in the same transaction.
 */
export function createCloseOpenQuestion(db: Db): CloseOpenQuestion {
  return ({ openQuestionId, memberId }) =>
    db.transaction(async (tx) => {
      const [actor] = await tx.query<{ role: string }>(`SELECT role FROM members WHERE id = $1 AND forgotten_at IS NULL FOR SHARE`, [memberId]);
      if (!actor || !isRole(actor.role) || !can({ memberId, role: actor.role }, 'open-question.close')) return 'forbidden';
      const closed = await tx.query(`UPDATE open_questions SET status = 'closed' WHERE id = $1 AND status = 'open' RETURNING id`, [openQuestionId]);
      if (closed.length === 0) return 'not-open';
      await recordAudit(tx, {
        actorId: memberId,
        action: 'open-question.close',
        subject: `open-question:${openQuestionId}`,
        before: { status: 'open' },
        after: { status: 'closed' },
      });
      await queueOpenQuestionSettled(tx, openQuestionId);
      return 'closed';
    });
}
