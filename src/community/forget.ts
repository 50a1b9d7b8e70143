import type { Db, Queryable } from '../db/db.ts';
import { recordAudit } from '../knowledge/experiences/audit.ts';
import type { ExperienceRepository } from '../knowledge/experiences/repository.ts';
import { deleteExperiences } from '../knowledge/experiences/search-tokens.ts';
import { STATUSES, type ExperienceStatus } from '../knowledge/experiences/experience.ts';

/** What happens to a forgotten member's published experiences; unpublished ones always go. */
export type ContributionChoice = 'delete' | 'anonymise';

export interface ForgetSummary {
  memberFound: boolean;
  questions: number;
  openQuestions: number;
  feedback: number;
  savedMessages: number;
  introductions: number;
  sessions: number;
  deletedExperiences: number;
  anonymisedExperiences: number;
}

/** What a member has, kind by kind, before they confirm /forget. */
export interface ForgetPreview {
  /** Published or archived: shared knowledge, which the member may leave behind unnamed. */
  publishedContributions: number;
  /** Contributions by status; every one not shared is erased whatever the member chooses. */
  contributions: Record<ExperienceStatus, number>;
  questions: number;
  openQuestions: number;
  feedback: number;
  /** Their group messages kept with /save that they never agreed to (waiting for their answer, or kept when none came): erased. */
  savedMessages: number;
  /** Introduction requests they sent or received: erased. */
  introductions: number;
}

export interface Forgetting {
  /** What /forget says it will erase, and asks about: how many of the member's experiences are shared knowledge. */
  preview(memberId: number): Promise<ForgetPreview>;
  forget(memberId: number, options: { contributions: ContributionChoice }): Promise<ForgetSummary>;
}

/**
 * Erases a member (profile, questions and their answers, feedback, open questions, introductions,
 * session and conversation state, private chat row, rate-limit counters) in one transaction.
 * Published contributions are deleted or kept with the contributor cleared, as the member chose;
 * pending, draft and rejected ones are deleted either way, since they never became shared
 * knowledge. Their group messages saved with /save that they never agreed to keep are deleted
 * whatever their status: only the author's consent made them theirs to leave behind.
 * Leaves one audit row that names no one.
 */
export function createForgetting(db: Db, experiences: Pick<ExperienceRepository, 'listByContributor'>): Forgetting {
  return {
    async preview(memberId) {
      const mine = await experiences.listByContributor(memberId);
      const contributions = Object.fromEntries(STATUSES.map((s) => [s, mine.filter((e) => e.status === s).length])) as Record<ExperienceStatus, number>;
      return {
        publishedContributions: mine.filter((e) => SHARED.includes(e.status)).length,
        contributions,
        ...(await countOwned(db, memberId)),
      };
    },
    forget: (memberId, options) => db.transaction((tx) => forgetIn(tx, memberId, options)),
  };
}

// Statuses in which an experience is shared knowledge, which a member may leave behind unnamed.
const SHARED: readonly ExperienceStatus[] = ['published', 'archived'];

async function forgetIn(tx: Queryable, memberId: number, options: { contributions: ContributionChoice }): Promise<ForgetSummary> {
  const [member] = await tx.query<{ telegram_id: string }>('SELECT telegram_id FROM members WHERE id = $1 FOR UPDATE', [memberId]);
  const counts = await countOwned(tx, memberId);

  const keep = options.contributions === 'anonymise' ? SHARED : [];
  const doomed = await tx.query<{ id: string }>(`SELECT id FROM experiences WHERE contributor_member_id = $1 AND NOT (status = ANY($2::text[]))`, [
    memberId,
    keep,
  ]);
  const unconsented = await tx.query<{ id: string }>(UNCONSENTED_SAVES, [memberId]);
  const doomedIds = [...doomed, ...unconsented].map((r) => r.id);
  // Before the deletion empties experience_id. The rows stay, so the same group message cannot
  // be saved again, without its author to ask.
  await tx.query(
    `UPDATE saved_messages SET state = 'forgotten', decided_at = now(), experience_id = NULL
      WHERE author_member_id = $1 AND (state = 'asked' OR experience_id = ANY($2::bigint[]))`,
    [memberId, doomedIds],
  );
  await deleteExperiences(tx, doomedIds);
  const anonymised = await tx.query<{ id: string }>(
    `UPDATE experiences
        SET contributor_name = NULL, contributor_company = NULL, contributor_city = NULL,
            contributor_member_id = NULL, updated_at = now()
      WHERE contributor_member_id = $1
      RETURNING id`,
    [memberId],
  );

  // Cascades remove questions, their citations, feedback and open questions.
  await tx.query('DELETE FROM members WHERE id = $1', [memberId]);
  // Session rows are keyed `<namespace>:<chat id>` (a private chat's id is the user's) or
  // `<namespace>:<chat id>:<user id>` in a group: every row naming the user goes.
  const userId = member ? String(member.telegram_id) : undefined;
  const sessions = userId
    ? await tx.query<{ key: string }>(`DELETE FROM sessions WHERE right(key, length($1) + 1) = ':' || $1 OR strpos(key, ':' || $1 || ':') > 0 RETURNING key`, [
        userId,
      ])
    : [];
  if (userId) await tx.query(`DELETE FROM chats WHERE kind = 'private' AND chat_id::text = $1`, [userId]);
  // Rate-limit counters are keyed `<purpose>:<member id>`.
  await tx.query(`DELETE FROM rate_limits WHERE right(key, length($1) + 1) = ':' || $1`, [String(memberId)]);

  const summary: ForgetSummary = {
    memberFound: member !== undefined,
    ...counts,
    sessions: sessions.length,
    deletedExperiences: doomedIds.length,
    anonymisedExperiences: anonymised.length,
  };
  // The audit trail records that an erasure happened and its size, never who it was.
  await recordAudit(tx, { actorId: null, action: 'member.forget', subject: null, after: { contributions: options.contributions, ...summary } });
  return summary;
}

// The member's saved group messages that are not credited to them: they have not consented (the
// question waits, as a draft) or never answered it (kept without a name).
const UNCONSENTED_SAVES = `SELECT s.experience_id AS id FROM saved_messages s JOIN experiences e ON e.id = s.experience_id
  WHERE s.author_member_id = $1 AND e.contributor_member_id IS DISTINCT FROM $1`;

async function countOwned(tx: Queryable, memberId: number) {
  const [row] = await tx.query<{ questions: string; open_questions: string; feedback: string; saved_messages: string; introductions: string }>(
    `SELECT (SELECT count(*) FROM questions WHERE member_id = $1) AS questions,
            (SELECT count(*) FROM open_questions WHERE member_id = $1) AS open_questions,
            (SELECT count(*) FROM feedback WHERE member_id = $1) AS feedback,
            (SELECT count(*) FROM (${UNCONSENTED_SAVES}) s) AS saved_messages,
            (SELECT count(*) FROM introductions WHERE asker_member_id = $1 OR contributor_member_id = $1) AS introductions`,
    [memberId],
  );
  return {
    questions: Number(row?.questions ?? 0),
    openQuestions: Number(row?.open_questions ?? 0),
    feedback: Number(row?.feedback ?? 0),
    savedMessages: Number(row?.saved_messages ?? 0),
    introductions: Number(row?.introductions ?? 0),
  };
}
