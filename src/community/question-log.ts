import type { Language } from '../text/language.ts';
import type { Queryable } from '../db/db.ts';
import { jobInsert, type NewJob } from '../jobs/queue.ts';
import { finishUpdateStatement } from './update-claims.ts';

/** One answered (or abstained) question as the analytics need it. */
export interface QuestionRecord {
  memberId: number | null;
  chatId: number | null;
  text: string;
  language: Language;
  followUpOf?: number;
  abstained: boolean;
  mode: 'llm' | 'offline';
  answerText: string;
  latencyMs: number;
  citations: { experienceId: number; score: number }[];
}

/** What the statement recording a question writes along with it, in the same round trip. */
export interface RecordedAlong {
  /** A job caused by the question (its answer's delivery): its payload gets the question's id as `questionId`. */
  queue?: NewJob;
  /** The incoming update that asked it, marked handled (see update-claims.ts). */
  finishesUpdate?: number;
}

export interface LoggedQuestion {
  id: number;
  memberId: number | null;
  text: string;
  language: Language;
  abstained: boolean;
}

interface Row {
  id: string | number;
  member_id: string | number | null;
  text: string;
  language: Language;
  abstained: boolean;
}

const toLogged = (r: Row): LoggedQuestion => ({
  id: Number(r.id),
  memberId: r.member_id === null ? null : Number(r.member_id),
  text: r.text,
  language: r.language,
  abstained: r.abstained,
});

export type QuestionLog = ReturnType<typeof createQuestionLog>;

/** linkMessages as a part of another statement (the one marking the answer's delivery done), its parameters from `$first`. */
export const linkMessagesStatement = (questionId: number, chatId: number, messageIds: number[]) => (first: number) => ({
  sql: `INSERT INTO answer_messages (chat_id, message_id, question_id)
         SELECT $${first}, m, $${first + 2} FROM unnest($${first + 1}::bigint[]) AS m
         ON CONFLICT (chat_id, message_id) DO UPDATE SET question_id = excluded.question_id`,
  params: [chatId, messageIds, questionId],
});

export function createQuestionLog(db: Queryable) {
  return {
    /**
     * Stores the question with its citations, and what goes `along`, in one statement (so
     * atomically); returns the question id. One statement because the member waits for it:
     * every round trip counts.
     */
    async record(q: QuestionRecord, along: RecordedAlong = {}): Promise<number> {
      const queued = along.queue ? jobInsert(along.queue, 13, 'q', "jsonb_build_object('questionId', q.id)") : undefined;
      const [row] = await db.query<{ id: string | number }>(
        `WITH q AS (
           INSERT INTO questions (member_id, chat_id, text, language, follow_up_of, abstained, answer_mode, answer_text, latency_ms)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id
         ), cited AS (
           INSERT INTO answer_citations (question_id, experience_id, rank, score)
           SELECT q.id, c.experience_id, c.rank, c.score
           FROM q, unnest($10::bigint[], $11::float8[]) WITH ORDINALITY AS c(experience_id, score, rank)
           ON CONFLICT DO NOTHING
         ), handled AS (${finishUpdateStatement('$12')})${queued ? `, queued AS (${queued.sql})` : ''}
         SELECT id FROM q`,
        [
          q.memberId,
          q.chatId,
          q.text,
          q.language,
          q.followUpOf ?? null,
          q.abstained,
          q.mode,
          q.answerText,
          Math.round(q.latencyMs),
          q.citations.map((c) => c.experienceId),
          q.citations.map((c) => c.score),
          along.finishesUpdate ?? null,
          ...(queued?.params ?? []),
        ],
      );
      return Number(row!.id);
    },

    /** Remembers which chat messages carry the answer, so replying to any of them is a follow-up. */
    async linkMessages(questionId: number, chatId: number, messageIds: number[]): Promise<void> {
      if (messageIds.length === 0) return;
      const link = linkMessagesStatement(questionId, chatId, messageIds)(1);
      await db.query(link.sql, link.params);
    },

    /**
     * Links more messages to the question `answerMessageId` carries the answer of (a story opened
     * from its buttons), so replying to them is a follow-up too; nothing when it carries none.
     */
    async linkAlongside(chatId: number, answerMessageId: number, messageIds: number[]): Promise<void> {
      if (messageIds.length === 0) return;
      await db.query(
        `INSERT INTO answer_messages (chat_id, message_id, question_id)
         SELECT a.chat_id, m, a.question_id FROM answer_messages a, unnest($3::bigint[]) AS m
         WHERE a.chat_id = $1 AND a.message_id = $2
         ON CONFLICT (chat_id, message_id) DO UPDATE SET question_id = excluded.question_id`,
        [chatId, answerMessageId, messageIds],
      );
    },

    async findByAnswerMessage(chatId: number, messageId: number): Promise<LoggedQuestion | undefined> {
      const [row] = await db.query<Row>(
        `SELECT q.id, q.member_id, q.text, q.language, q.abstained
         FROM answer_messages m JOIN questions q ON q.id = m.question_id
         WHERE m.chat_id = $1 AND m.message_id = $2`,
        [chatId, messageId],
      );
      return row ? toLogged(row) : undefined;
    },

    async getById(id: number): Promise<LoggedQuestion | undefined> {
      const [row] = await db.query<Row>('SELECT id, member_id, text, language, abstained FROM questions WHERE id = $1', [id]);
      return row ? toLogged(row) : undefined;
    },
  };
}
