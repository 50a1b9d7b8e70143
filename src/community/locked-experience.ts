import type { Queryable } from '../db/db.ts';
import type { ExperienceStatus, Language } from '../knowledge/experiences/experience.ts';

/** An experience under a curator's decision or edit, locked for the transaction. */
export interface LockedExperience {
  id: number;
  externalId: string;
  status: ExperienceStatus;
  language: Language;
  contributorMemberId?: number;
  title: string;
}

const LOCK_EXPERIENCE = `SELECT e.id, e.external_id, e.status, e.language, e.contributor_member_id,
       (SELECT t.title FROM experience_texts t WHERE t.experience_id = e.id ORDER BY t.is_original DESC LIMIT 1) AS title
     FROM experiences e WHERE e.id = $1 FOR UPDATE OF e`;

/** Locks the experience's row so two curators at once make one decision (the second waits, then sees the first's). */
export async function lockExperience(tx: Queryable, id: number): Promise<LockedExperience | undefined> {
  const [r] = await tx.query<{
    id: string | number;
    external_id: string;
    status: ExperienceStatus;
    language: Language;
    contributor_member_id: string | number | null;
    title: string | null;
  }>(LOCK_EXPERIENCE, [id]);
  if (!r) return undefined;
  return {
    id: Number(r.id),
    externalId: r.external_id,
    status: r.status,
    language: r.language,
    ...(r.contributor_member_id !== null ? { contributorMemberId: Number(r.contributor_member_id) } : {}),
    title: r.title ?? '',
  };
}
