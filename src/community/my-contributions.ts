import type { Db, Queryable } from '../db/db.ts';
import { recordAudit } from '../knowledge/experiences/audit.ts';
import { rewriteContent } from '../knowledge/experiences/content.ts';
import type { Experience, ExperienceStatus, Industry, Language } from '../knowledge/experiences/experience.ts';
import type { ExperienceRepository } from '../knowledge/experiences/repository.ts';
import { loadExperiences } from '../knowledge/experiences/rows.ts';
import type { Actor } from '../knowledge/experiences/roles.ts';
import { checkMemberText, INDUSTRIES, parseTypedTags, type TextField } from '../knowledge/experiences/rules.ts';
import { decideStatusChange } from '../knowledge/experiences/status.ts';
import { REJECT_REASONS, type RejectReason } from './curation-decision.ts';

/** Why staff did not accept a contribution: one of the review card's reasons, or the words a curator typed. */
export type RejectionReason = { key: Exclude<RejectReason, 'other'> } | { text: string };

/** One of a member's contributions as /my lists it; `reason` is the staff's, when one was recorded. */
export interface Contribution {
  experience: Experience;
  reason?: RejectionReason;
}

/** What a member changes in a contribution under review: one field of one language version. */
export type ContributionEdit =
  { field: TextField; language: Language; value: string | null } | { field: 'industry'; value: string } | { field: 'tags'; value: string[] };

export type ContributionOutcome =
  | { ok: true; experience: Experience }
  /** `gone`: no such contribution of this member; `not-now`: no longer in a state that allows it; `invalid`: the value breaks the rules. */
  | { ok: false; reason: 'gone' | 'not-now' | 'invalid' };

export interface MyContributions {
  /** The member's contributions, newest first. */
  list(memberId: number): Promise<Contribution[]>;
  /** One of the member's own contributions, or undefined (another member's, or gone). */
  get(memberId: number, experienceId: number): Promise<Contribution | undefined>;
  /** Takes a contribution out of review (pending → draft), with its audit row. */
  withdraw(actor: Actor, experienceId: number): Promise<ContributionOutcome>;
  /** Puts a withdrawn contribution back under review (draft → pending), with its audit row. */
  resubmit(actor: Actor, experienceId: number): Promise<ContributionOutcome>;
  /** Changes one field of a contribution still under review, checked against the same rules as /share. */
  edit(actor: Actor, experienceId: number, edit: ContributionEdit): Promise<ContributionOutcome>;
}

// The reason a curator gave with the latest rejection (audit details written by the review side, curation.ts).
const REJECTION_REASONS = `
  SELECT DISTINCT ON (subject) subject, details->'after'->>'reason' AS reason, details->'after'->>'text' AS text
    FROM audit_log
   WHERE action = 'experience.reject' AND subject = ANY($1::text[])
   ORDER BY subject, id DESC`;

/** A rejection's audit details as the member reads them: a chosen reason by its key, typed words as typed. */
function rejectionReason(reason: string | null, text: string | null): RejectionReason | undefined {
  if (text) return { text };
  if (!reason || reason === 'other') return undefined;
  // Rows written before reasons were chosen from the card hold the curator's words in `reason`.
  return (REJECT_REASONS as readonly string[]).includes(reason) ? { key: reason as Exclude<RejectReason, 'other'> } : { text: reason };
}

/**
 * A member's own side of their contributions: what /my shows and the changes a member may make
 * while staff have not decided. Each change reads the status it decides on under a row lock, so
 * a curator's decision made meanwhile wins and the member is told.
 */
export function createMyContributions(db: Db, experiences: Pick<ExperienceRepository, 'listByContributor' | 'getById'>): MyContributions {
  const withReasons = async (list: Experience[]): Promise<Contribution[]> => {
    const rejected = list.filter((e) => e.status === 'rejected').map((e) => `experience:${e.id}`);
    const rows = rejected.length > 0 ? await db.query<{ subject: string; reason: string | null; text: string | null }>(REJECTION_REASONS, [rejected]) : [];
    const reasons = new Map(rows.map((r) => [r.subject, rejectionReason(r.reason, r.text)] as const));
    return list.map((experience) => {
      const reason = reasons.get(`experience:${experience.id}`);
      return { experience, ...(reason ? { reason } : {}) };
    });
  };

  const move = (action: 'experience.withdraw' | 'experience.submit') => async (actor: Actor, experienceId: number) =>
    db.transaction(async (tx): Promise<ContributionOutcome> => {
      const row = await lockOwn(tx, actor, experienceId);
      if (!row) return { ok: false, reason: 'gone' };
      const decision = decideStatusChange(actor, action, row);
      if (!decision.ok) return { ok: false, reason: decision.reason === 'forbidden' ? 'gone' : 'not-now' };
      await tx.query('UPDATE experiences SET status = $2, updated_at = now() WHERE id = $1', [experienceId, decision.to]);
      await recordAudit(tx, {
        actorId: actor.memberId,
        action,
        subject: `experience:${experienceId}`,
        before: { status: decision.from },
        after: { status: decision.to },
      });
      return { ok: true, experience: (await loadOne(tx, experienceId))! };
    });

  return {
    async list(memberId) {
      const mine = await experiences.listByContributor(memberId);
      // Ids grow with every insert, so the highest id is the newest contribution.
      return withReasons(mine.sort((a, b) => b.id - a.id));
    },
    async get(memberId, experienceId) {
      const experience = await experiences.getById(experienceId);
      if (experience?.contributor.memberId !== memberId) return undefined;
      return (await withReasons([experience]))[0];
    },
    withdraw: move('experience.withdraw'),
    resubmit: move('experience.submit'),
    edit: (actor, experienceId, edit) =>
      db.transaction(async (tx): Promise<ContributionOutcome> => {
        const row = await lockOwn(tx, actor, experienceId);
        if (!row) return { ok: false, reason: 'gone' };
        if (row.status !== 'pending') return { ok: false, reason: 'not-now' };
        const current = await loadOne(tx, experienceId);
        if (!current) return { ok: false, reason: 'gone' };
        const change = contentChange(current, edit);
        if (!change) return { ok: false, reason: 'invalid' };
        if (!(await rewriteContent(tx, experienceId, change, db.hasVector))) return { ok: false, reason: 'invalid' };
        return { ok: true, experience: (await loadOne(tx, experienceId))! };
      }),
  };
}

const loadOne = async (q: Queryable, id: number) => (await loadExperiences(q, 'e.id = $1', [id]))[0];

/** The contribution's status and owner, locked; undefined unless it is `actor`'s own. */
async function lockOwn(tx: Queryable, actor: Actor, experienceId: number) {
  const [row] = await tx.query<{ status: ExperienceStatus; contributor_member_id: string | number | null }>(
    'SELECT status, contributor_member_id FROM experiences WHERE id = $1 FOR UPDATE',
    [experienceId],
  );
  if (!row || row.contributor_member_id === null || Number(row.contributor_member_id) !== actor.memberId) return undefined;
  return { status: row.status, contributorMemberId: Number(row.contributor_member_id) };
}

/** The content change `edit` asks for, or undefined when its value breaks the rules /share applies. */
function contentChange(current: Experience, edit: ContributionEdit) {
  if (edit.field === 'industry') return (INDUSTRIES as readonly string[]).includes(edit.value) ? { industry: edit.value as Industry } : undefined;
  if (edit.field === 'tags') {
    const tags = edit.value.length === 0 ? [] : parseTypedTags(edit.value.join(','));
    return tags ? { tags } : undefined;
  }
  const text = current.texts[edit.language];
  if (!text) return undefined;
  const value = edit.value === null ? null : edit.field === 'title' ? edit.value.replace(/\s+/g, ' ').trim() : edit.value.trim();
  // Only the outcome may be left out.
  if (value === null ? edit.field !== 'outcome' : checkMemberText(edit.field, value) !== undefined) return undefined;
  const { title, problem, solution, outcome } = text;
  const next = { title, problem, solution, ...(outcome ? { outcome } : {}), [edit.field]: value };
  if (next.outcome === null) delete next.outcome;
  return { language: edit.language, text: next as { title: string; problem: string; solution: string; outcome?: string } };
}
