import type { Db, Queryable } from '../db/db.ts';
import { queueReviewDigest } from '../jobs/experience-upkeep.ts';
import { recordAudit } from '../knowledge/experiences/audit.ts';
import type { Experience } from '../knowledge/experiences/experience.ts';
import { can, isRole, type Actor } from '../knowledge/experiences/roles.ts';
import { loadExperiences } from '../knowledge/experiences/rows.ts';
import { decideStatusChange } from '../knowledge/experiences/status.ts';

/** Three different members finding answers from it unhelpful since its last verification put it before staff. */
export const THUMBS_DOWN_FOR_REVIEW = 3;
/** The questions shown with a flagged experience: the latest few are enough to see what went wrong. */
const QUESTIONS_SHOWN = 5;

/** One experience the staff should look at again, and why. */
export interface DueExperience {
  experience: Experience;
  /** Different members who pressed 👎 under an answer citing it since its last verification. */
  thumbsDown: number;
  /** What those members asked, latest first. */
  questions: string[];
}

export interface DigestPage {
  items: DueExperience[];
  /** 0-based, clamped to the last page. */
  page: number;
  pages: number;
  total: number;
}

// "Since it was last verified": the later of the verification date and the last review (a
// "still true" today stamps both, so today's earlier 👎 do not bring it straight back).
const SINCE = `greatest(e.reviewed_at, e.verified_on::timestamptz)`;

const THUMBS = `SELECT c.experience_id, count(DISTINCT f.member_id)::int AS members,
         (array_agg(q.text ORDER BY f.created_at DESC))[1:${QUESTIONS_SHOWN}] AS questions
  FROM feedback f
  JOIN questions q ON q.id = f.question_id
  JOIN answer_citations c ON c.question_id = f.question_id
  JOIN experiences e ON e.id = c.experience_id
  WHERE NOT f.helpful AND e.status = 'published'
    AND f.created_at > coalesce(${SINCE}, '-infinity'::timestamptz)
  GROUP BY c.experience_id`;

// $1: review period in months, $2: limit, $3: offset. Flagged by members first, then the oldest verification.
const DUE = `WITH thumbs AS (${THUMBS})
  SELECT e.id::float8 AS id, coalesce(t.members, 0) AS thumbs_down, coalesce(t.questions, '{}') AS questions, count(*) OVER ()::int AS total
  FROM experiences e LEFT JOIN thumbs t ON t.experience_id = e.id
  WHERE e.status = 'published'
    AND (e.verified_on < current_date - make_interval(months => $1::int) OR t.members >= ${THUMBS_DOWN_FOR_REVIEW})
  ORDER BY (coalesce(t.members, 0) >= ${THUMBS_DOWN_FOR_REVIEW}) DESC, e.verified_on NULLS FIRST, e.id
  LIMIT $2 OFFSET $3`;

export type ReverifyResult = { kind: 'done'; experience: Experience } | { kind: 'forbidden' } | { kind: 'not-published' };

/** The role members.role holds now: a button grants nothing by itself. */
async function actorNow(q: Queryable, memberId: number): Promise<Actor | undefined> {
  const [row] = await q.query<{ role: string }>('SELECT role FROM members WHERE id = $1 AND forgotten_at IS NULL FOR SHARE', [memberId]);
  return row && isRole(row.role) ? { memberId, role: row.role } : undefined;
}

export type Reverification = ReturnType<typeof createReverification>;

/**
 * Keeping published knowledge current: which experiences are due for another look (verified
 * longer ago than the review period, or found unhelpful by three members since), and the staff's
 * answers: still true (verified today) or archived. Each decision reads the actor's role in its
 * transaction and writes its audit row there.
 */
export function createReverification(db: Db) {
  return {
    /** One page of what is due, as of now. */
    async digestPage(options: { page: number; pageSize: number; reviewAfterMonths: number }): Promise<DigestPage> {
      const read = (page: number) =>
        db.query<{ id: number; thumbs_down: number; questions: string[]; total: number }>(DUE, [
          options.reviewAfterMonths,
          options.pageSize,
          page * options.pageSize,
        ]);
      let page = Math.max(0, options.page);
      let rows = await read(page);
      if (rows.length === 0 && page > 0) {
        // Past the end (items were settled meanwhile): show the last page there is.
        const [any] = await read(0);
        page = any ? Math.max(0, Math.ceil(any.total / options.pageSize) - 1) : 0;
        rows = any ? await read(page) : [];
      }
      const total = rows[0]?.total ?? 0;
      const experiences = new Map((await loadExperiences(db, 'e.id = ANY($1::bigint[])', [rows.map((r) => r.id)])).map((e) => [e.id, e]));
      const items = rows.flatMap((r) => {
        const experience = experiences.get(Number(r.id));
        return experience ? [{ experience, thumbsDown: r.thumbs_down, questions: r.questions }] : [];
      });
      return { items, page, pages: Math.max(1, Math.ceil(total / options.pageSize)), total };
    },

    /** Whether the member is staff now (may re-verify). */
    async isStaff(memberId: number): Promise<boolean> {
      const actor = await actorNow(db, memberId);
      return actor !== undefined && can(actor, 'knowledge.verify');
    },

    /** ✅ Still true: verified today by this member. */
    async confirmStillTrue(memberId: number, experienceId: number): Promise<ReverifyResult> {
      return db.transaction(async (tx) => {
        const actor = await actorNow(tx, memberId);
        if (!actor || !can(actor, 'knowledge.verify')) return { kind: 'forbidden' };
        const [row] = await tx.query<{ status: string; verified_on: string | null }>(
          'SELECT status, verified_on::text AS verified_on FROM experiences WHERE id = $1 FOR UPDATE',
          [experienceId],
        );
        if (row?.status !== 'published') return { kind: 'not-published' };
        const [after] = await tx.query<{ verified_on: string }>(
          `UPDATE experiences SET verified_on = current_date, reviewed_by = $2, reviewed_at = now(), updated_at = now()
           WHERE id = $1 RETURNING verified_on::text AS verified_on`,
          [experienceId, memberId],
        );
        await recordAudit(tx, {
          actorId: memberId,
          action: 'knowledge.verify',
          subject: `experience:${experienceId}`,
          before: { verified_on: row.verified_on },
          after: { verified_on: after!.verified_on },
        });
        return { kind: 'done', experience: (await loadExperiences(tx, 'e.id = $1', [experienceId]))[0]! };
      });
    },

    /** 🗄 Archive: it no longer holds; answers stop citing it in every process. */
    async archive(memberId: number, experienceId: number): Promise<ReverifyResult> {
      return db.transaction(async (tx) => {
        const actor = await actorNow(tx, memberId);
        if (!actor) return { kind: 'forbidden' };
        const [row] = await tx.query<{ status: Experience['status']; contributor_member_id: string | null }>(
          'SELECT status, contributor_member_id FROM experiences WHERE id = $1 FOR UPDATE',
          [experienceId],
        );
        if (!row) return { kind: 'not-published' };
        const owner = row.contributor_member_id === null ? {} : { contributorMemberId: Number(row.contributor_member_id) };
        const decision = decideStatusChange(actor, 'experience.archive', { status: row.status, ...owner });
        if (!decision.ok) return { kind: decision.reason === 'forbidden' ? 'forbidden' : 'not-published' };
        await tx.query('UPDATE experiences SET status = $2, reviewed_by = $3, reviewed_at = now(), updated_at = now() WHERE id = $1', [
          experienceId,
          decision.to,
          memberId,
        ]);
        await recordAudit(tx, {
          actorId: memberId,
          action: 'experience.archive',
          subject: `experience:${experienceId}`,
          before: { status: decision.from },
          after: { status: decision.to },
        });
        return { kind: 'done', experience: (await loadExperiences(tx, 'e.id = $1', [experienceId]))[0]! };
      });
    },
  };
}

/**
 * After a 👎 on an answer: each experience it cited that has now been found unhelpful by
 * three different members since its last verification is put before staff at once (a digest
 * is queued, once per experience and verification).
 */
export async function flagUnhelpfulExperiences(q: Queryable, questionId: number): Promise<number[]> {
  const flagged = await q.query<{ id: number; since: string }>(
    `SELECT e.id::float8 AS id, coalesce(extract(epoch FROM ${SINCE})::text, 'never') AS since
     FROM answer_citations c JOIN experiences e ON e.id = c.experience_id
     WHERE c.question_id = $1 AND e.status = 'published'
       AND (SELECT count(DISTINCT f.member_id) FROM feedback f JOIN answer_citations fc ON fc.question_id = f.question_id
            WHERE fc.experience_id = e.id AND NOT f.helpful AND f.created_at > coalesce(${SINCE}, '-infinity'::timestamptz)) >= ${THUMBS_DOWN_FOR_REVIEW}`,
    [questionId],
  );
  for (const f of flagged) await queueReviewDigest(q, `thumbs-down:${f.id}:${f.since}`);
  return flagged.map((f) => Number(f.id));
}
