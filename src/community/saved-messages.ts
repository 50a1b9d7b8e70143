import type { Db, Queryable } from '../db/db.ts';
import { queueSavedMessageConsent } from '../jobs/saved-messages.ts';
import { recordAudit } from '../knowledge/experiences/audit.ts';
import type { ExperienceRepository } from '../knowledge/experiences/repository.ts';
import { can } from '../knowledge/experiences/roles.ts';
import { isCountryCode, answerText, type LengthProblem } from '../knowledge/experiences/rules.ts';
import { nextStatus } from '../knowledge/experiences/status.ts';
import { deleteExperiences } from '../knowledge/experiences/search-tokens.ts';
import { detectLanguage, type Language } from '../text/language.ts';
import { createMembers } from './members.ts';
import { actorByTelegramId } from './staff.ts';

/** How long an author has to answer before their saved message goes to review without their name. */
export const SAVED_MESSAGE_ANSWER_DAYS = 7;

export type SaveResult =
  /** `asked`: its author is asked in a private chat; `anonymous`: they cannot be (never started the bot), so it went to review without a name. */
  | { kind: 'saved'; author: 'asked' | 'anonymous' }
  | { kind: 'already-saved' }
  /** Neither staff of the center nor an admin of the group. */
  | { kind: 'forbidden' }
  | { kind: 'not-kept'; problem: LengthProblem };

/** The author's answer: kept with their name and company, kept without them, or discarded. */
export type ConsentChoice = 'named' | 'anonymous' | 'declined';
export type ConsentResult = { kind: 'done'; choice: ConsentChoice } | { kind: 'already-decided' } | { kind: 'not-yours' };

/** What the author is shown when asked: their message and how they would be named. */
export interface SavedMessageQuestion {
  state: string;
  authorTelegramId: number;
  /** The author's name and company as readers would see them; '' when there is nothing to name. */
  who: string;
  text: string;
}

type SaveState = 'asked' | 'named' | 'anonymous' | 'declined' | 'no-answer' | 'unreachable';

class AlreadySaved extends Error {}

/** Who a kept message is credited to: the author who agreed, named (name, company) only if they chose so. */
interface Credit {
  memberId: number;
  country?: string;
  name?: string | null;
  company?: string | null;
}

const TO_REVIEW = `UPDATE experiences SET status = $2, updated_at = now(), contributor_member_id = $3, country = COALESCE($4, country),
    contributor_name = $5, contributor_company = $6
  WHERE id = $1 AND status = 'draft' RETURNING id`;

const LOCK_SAVED = `SELECT s.id, s.state, s.experience_id, s.author_member_id, m.telegram_id, m.name, m.company, m.country
  FROM saved_messages s LEFT JOIN members m ON m.id = s.author_member_id AND m.forgotten_at IS NULL
  WHERE s.id = $1 FOR UPDATE OF s`;

/**
 * /save in a group: a valuable message kept as a contribution, its author asked first. It waits
 * as a draft (out of review, so nothing is published without the author's say) until they
 * answer — named, anonymous, or discarded — or cannot be asked, or SAVED_MESSAGE_ANSWER_DAYS
 * pass; then it is pending with its review card, like a /share contribution. One message is
 * saved once (saved_messages, unique per chat and message).
 */
export function createSavedMessages(deps: {
  db: Db;
  experiences: Pick<ExperienceRepository, 'createContribution'>;
  /** Queues the review card of a pending contribution (curation.announce) on the caller's transaction. */
  announce: (within: Queryable, experienceId: number) => Promise<void>;
}) {
  const { db, experiences, announce } = deps;

  /** Moves the held draft to review on `tx`, credited to `credit` (nobody when absent); the saved message's row says why. */
  async function toReview(tx: Queryable, saveId: number, experienceId: number | null, state: SaveState, credit?: Credit) {
    await tx.query(`UPDATE saved_messages SET state = $2, decided_at = now() WHERE id = $1`, [saveId, state]);
    if (experienceId === null) return;
    const moved = await tx.query(TO_REVIEW, [
      experienceId,
      nextStatus('draft', 'experience.submit'),
      credit?.memberId ?? null,
      credit?.country ?? null,
      credit?.name ?? null,
      credit?.company ?? null,
    ]);
    if (moved.length > 0) await announce(tx, experienceId);
  }

  async function discard(tx: Queryable, saveId: number, experienceId: number | null) {
    await tx.query(`UPDATE saved_messages SET state = 'declined', decided_at = now(), experience_id = NULL WHERE id = $1`, [saveId]);
    if (experienceId !== null) await deleteExperiences(tx, [experienceId]);
  }

  /** An asked author nobody will hear from (Telegram refused the message, or the time ran out): kept without a name. */
  async function keepWithoutAnswer(tx: Queryable, saveId: number, state: 'no-answer' | 'unreachable'): Promise<boolean> {
    const [row] = await tx.query<{ experience_id: string | null; state: string }>(`SELECT experience_id, state FROM saved_messages WHERE id = $1 FOR UPDATE`, [
      saveId,
    ]);
    if (!row || row.state !== 'asked') return false;
    const experienceId = row.experience_id === null ? null : Number(row.experience_id);
    await toReview(tx, saveId, experienceId, state);
    await recordAudit(tx, {
      actorId: null,
      action: 'experience.consent',
      subject: experienceId === null ? null : `experience:${experienceId}`,
      after: { consent: state },
    });
    return true;
  }

  return {
    async save(input: {
      chatId: number;
      messageId: number;
      chatTitle?: string;
      saverTelegramId: number;
      /** Whether the saver administers the group right now (asked of Telegram only when they are not staff). */
      isGroupAdmin: () => Promise<boolean>;
      authorTelegramId: number;
      answer: string;
      /** The message it replied to, or what the saver wrote after /save. */
      problem?: string;
      fallbackLanguage: Language;
    }): Promise<SaveResult> {
      const actor = await actorByTelegramId(db, input.saverTelegramId);
      const staff = actor !== undefined && can(actor, 'experience.save');
      if (!staff && !(await input.isGroupAdmin())) return { kind: 'forbidden' };
      const known = await db.query('SELECT 1 FROM saved_messages WHERE chat_id = $1 AND message_id = $2', [input.chatId, input.messageId]);
      if (known.length > 0) return { kind: 'already-saved' };
      const content = answerText({ answer: input.answer, ...(input.problem !== undefined ? { problem: input.problem } : {}) });
      if (!content.ok) return { kind: 'not-kept', problem: content.problem };
      const author = await createMembers(db).getByTelegramId(input.authorTelegramId);
      const askable = author !== undefined && author.forgottenAt === undefined;
      const { text } = content;
      const language = detectLanguage(`${text.problem}\n${text.solution}`, author?.language ?? author?.telegramLanguage ?? input.fallbackLanguage);
      try {
        await experiences.createContribution(
          {
            status: askable ? 'draft' : 'pending',
            source: 'group',
            language,
            industry: 'other',
            tags: [],
            country: 'ZZ',
            text,
            contributor: {},
          },
          async (tx, experienceId) => {
            const [saved] = await tx.query<{ id: string }>(
              `INSERT INTO saved_messages (chat_id, message_id, experience_id, author_member_id, state, decided_at)
               VALUES ($1, $2, $3, $4, $5, CASE WHEN $5 = 'asked' THEN NULL ELSE now() END)
               ON CONFLICT (chat_id, message_id) DO NOTHING RETURNING id`,
              [input.chatId, input.messageId, experienceId, askable ? author.id : null, askable ? 'asked' : 'unreachable'],
            );
            // Two /save of one message at once: the other one's contribution stands; this one's is rolled back.
            if (!saved) throw new AlreadySaved();
            await recordAudit(tx, {
              actorId: actor?.memberId ?? null,
              action: 'experience.save',
              subject: `experience:${experienceId}`,
              after: {
                status: askable ? 'draft' : 'pending',
                source: 'group',
                saved_by: staff ? actor.role : 'group-admin',
                author: askable ? 'asked' : 'not-a-member',
                problem: text.problem === '' ? 'missing' : 'given',
              },
            });
            if (askable) await queueSavedMessageConsent(tx, { saveId: Number(saved.id), ...(input.chatTitle ? { chatTitle: input.chatTitle } : {}) });
            else await announce(tx, experienceId);
          },
        );
      } catch (error) {
        if (error instanceof AlreadySaved) return { kind: 'already-saved' };
        throw error;
      }
      return { kind: 'saved', author: askable ? 'asked' : 'anonymous' };
    },

    /** The saved message as its author is asked about it; undefined when it was erased meanwhile. */
    async question(saveId: number): Promise<SavedMessageQuestion | undefined> {
      const [row] = await db.query<{ state: string; telegram_id: string | null; name: string | null; company: string | null; solution: string | null }>(
        `SELECT s.state, m.telegram_id, m.name, m.company,
                (SELECT t.solution FROM experience_texts t WHERE t.experience_id = s.experience_id AND t.is_original) AS solution
         FROM saved_messages s LEFT JOIN members m ON m.id = s.author_member_id AND m.forgotten_at IS NULL WHERE s.id = $1`,
        [saveId],
      );
      if (!row || row.telegram_id === null || row.solution === null) return undefined;
      return {
        state: row.state,
        authorTelegramId: Number(row.telegram_id),
        who: [row.name, row.company].filter(Boolean).join(' · '),
        text: row.solution,
      };
    },

    /** The author's answer, pressed by `authorTelegramId` (anyone else's press is 'not-yours'). */
    decide(input: { saveId: number; authorTelegramId: number; choice: ConsentChoice }): Promise<ConsentResult> {
      return db.transaction(async (tx): Promise<ConsentResult> => {
        const [row] = await tx.query<{
          state: string;
          experience_id: string | null;
          author_member_id: string | null;
          telegram_id: string | null;
          name: string | null;
          company: string | null;
          country: string | null;
        }>(LOCK_SAVED, [input.saveId]);
        if (!row || row.telegram_id === null || Number(row.telegram_id) !== input.authorTelegramId) return { kind: 'not-yours' };
        if (row.state !== 'asked') return { kind: 'already-decided' };
        const experienceId = row.experience_id === null ? null : Number(row.experience_id);
        const memberId = Number(row.author_member_id);
        const { choice } = input;
        if (choice === 'declined') await discard(tx, input.saveId, experienceId);
        else {
          const credit: Credit = { memberId, ...(row.country !== null && isCountryCode(row.country) ? { country: row.country } : {}) };
          if (choice === 'named') Object.assign(credit, { name: row.name, company: row.company });
          await toReview(tx, input.saveId, experienceId, choice, credit);
        }
        await recordAudit(tx, {
          actorId: memberId,
          action: 'experience.consent',
          subject: experienceId === null ? null : `experience:${experienceId}`,
          after: { consent: choice, status: choice === 'declined' ? 'discarded' : 'pending' },
        });
        return { kind: 'done', choice };
      });
    },

    /**
     * The external ids of the drafts still waiting for their author's answer: kept for that answer
     * only, so `export` leaves them out (a restore would bring back words nobody agreed to keep,
     * with nobody left to ask).
     */
    async awaitingConsent(): Promise<Set<string>> {
      const rows = await db.query<{ external_id: string }>(
        `SELECT e.external_id FROM saved_messages s JOIN experiences e ON e.id = s.experience_id WHERE s.state = 'asked' AND e.status = 'draft'`,
      );
      return new Set(rows.map((r) => r.external_id));
    },

    /** Telegram refused the question (the author blocked the bot or never started it): kept without a name, at once. */
    authorUnreachable: (saveId: number): Promise<boolean> => db.transaction((tx) => keepWithoutAnswer(tx, saveId, 'unreachable')),

    /** Saved messages whose author has not answered in SAVED_MESSAGE_ANSWER_DAYS: kept without a name (housekeeping). */
    async keepUnanswered(): Promise<number> {
      const due = await db.query<{ id: string }>(
        `SELECT id FROM saved_messages WHERE state = 'asked' AND created_at < now() - make_interval(days => $1) ORDER BY created_at LIMIT 100`,
        [SAVED_MESSAGE_ANSWER_DAYS],
      );
      let kept = 0;
      for (const { id } of due) if (await db.transaction((tx) => keepWithoutAnswer(tx, Number(id), 'no-answer'))) kept++;
      return kept;
    },
  };
}

export type SavedMessages = ReturnType<typeof createSavedMessages>;
