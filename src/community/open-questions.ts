import type { Language } from '../text/language.ts';
import type { Queryable } from '../db/db.ts';

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
      const answerer =
        row.named && (row.name || row.company) ? { ...(row.name ? { name: row.name } : {}), ...(row.company ? { company: row.company } : {}) } : undefined;
      return {
        answerId,
        openQuestionId: Number(row.open_question_id),
        question: row.question,
        askerMemberId: Number(row.asker_id),
        text: row.text,
        language: row.language,
        translations: row.translations ?? {},
        ...(answerer ? { answerer } : {}),
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
  /** The answerer's name and company as stored, only when they agreed to be named (the front door renders them for the asker). */
  answerer?: { name?: string; company?: string };
}

/** A member's text (an answer, a question) in the other languages; {} when the model failed (it is then shown as written). */
export type TranslateAnswer = (text: string, language: Language) => Promise<Partial<Record<Language, string>>>;
