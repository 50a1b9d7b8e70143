import type { Queryable } from '../db/db.ts';
import type { Experience, ExperienceText, Language } from '../knowledge/experiences/experience.ts';
import { LANGUAGES } from '../knowledge/experiences/rules.ts';
import { loadExperiences } from '../knowledge/experiences/rows.ts';
import { experienceWarnings, type Warning } from '../knowledge/experiences/warnings.ts';
import type { Retriever } from '../knowledge/search/retrieval.ts';

/** A published experience a contribution may duplicate. */
export interface SimilarExperience {
  experienceId: number;
  externalId: string;
  language: Language;
  titles: Partial<Record<Language, string>>;
}

/** Everything a curator needs to decide on a contribution, as plain values. */
export interface ReviewCard {
  experience: Experience;
  contributor: {
    name?: string;
    company?: string;
    country: string;
    /** Their other contributions, and how many of those were published. */
    earlier: number;
    approved: number;
  };
  similar: SimilarExperience[];
  warnings: Warning[];
  /**
   * The question put to the community that the contribution answers, as its asker wrote it, for
   * reference: the contribution holds it only in its own language (a kept translation), if at all.
   */
  askedQuestion?: { text: string; language: Language };
  /** The model structured it from a member's answer to a community question (translation/structuring.ts): the curator checks it. */
  structuredByModel?: true;
  /** Set once staff decided: the status it ended in, who and when. */
  decided?: Decision;
}

export interface Decision {
  status: Experience['status'];
  byName?: string;
  at: Date;
}

const SIMILAR = 3;

/** The contributor's record with the center: their other contributions and how many were published. */
const CONTRIBUTOR_RECORD = `SELECT count(*) FILTER (WHERE id <> $2)::int AS earlier, count(*) FILTER (WHERE id <> $2 AND status = 'published')::int AS approved
                           FROM experiences WHERE contributor_member_id = $1`;
// Read through the audit row the structuring wrote; audit rows since the contribution was made only (created_at index).
const STRUCTURED = `SELECT EXISTS (SELECT 1 FROM experiences e JOIN audit_log a ON a.created_at >= e.created_at
                    WHERE e.id = $1 AND a.action = 'contribution.structure' AND a.subject = 'experience:' || e.id) AS structured`;
// The answer's question (migration 0031); gone when the asker used /forget.
const ASKED_QUESTION = `SELECT q.text, q.language FROM open_question_answers a JOIN open_questions q ON q.id = a.open_question_id WHERE a.experience_id = $1 LIMIT 1`;
const DECISION = `SELECT e.reviewed_at AS at, m.name FROM experiences e LEFT JOIN members m ON m.id = e.reviewed_by WHERE e.id = $1`;

/** Who decided on an experience and when, told as `status` (undefined while nobody has). */
export async function decisionOf(q: Queryable, experienceId: number, status: Experience['status']): Promise<Decision | undefined> {
  const [d] = await q.query<{ at: Date | string | null; name: string | null }>(DECISION, [experienceId]);
  return d?.at ? { status, at: new Date(d.at), ...(d.name ? { byName: d.name } : {}) } : undefined;
}

/** The published experiences most like `text` (the bot's own search), `exclude` left out. */
export async function similarExperiences(
  q: Queryable,
  retriever: Retriever,
  text: ExperienceText,
  language: Language,
  exclude: number,
): Promise<SimilarExperience[]> {
  const result = await retriever.search({ text: `${text.title}\n${text.problem}`, language, limit: SIMILAR + 1 });
  const ids = result.hits
    .map((h) => h.experienceId)
    .filter((id) => id !== exclude)
    .slice(0, SIMILAR);
  if (ids.length === 0) return [];
  const rows = await q.query<{ id: string | number; external_id: string; language: Language; titles: Partial<Record<Language, string>> }>(
    `SELECT e.id, e.external_id, e.language, (SELECT json_object_agg(t.language, t.title) FROM experience_texts t WHERE t.experience_id = e.id) AS titles
     FROM experiences e WHERE e.id = ANY($1::bigint[]) AND e.status = 'published'`,
    [ids],
  );
  const byId = new Map(rows.map((r) => [Number(r.id), r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    return r ? [{ experienceId: id, externalId: r.external_id, language: r.language, titles: r.titles }] : [];
  });
}

/** The card of one experience (any status), or undefined when there is no such experience. */
export async function loadReviewCard(q: Queryable, retriever: Retriever, experienceId: number): Promise<ReviewCard | undefined> {
  const [experience] = await loadExperiences(q, 'e.id = $1', [experienceId]);
  if (!experience) return undefined;
  const original = experience.texts[experience.language] ?? Object.values(experience.texts)[0];
  const memberId = experience.contributor.memberId;
  const [record] =
    memberId === undefined ? [{ earlier: 0, approved: 0 }] : await q.query<{ earlier: number; approved: number }>(CONTRIBUTOR_RECORD, [memberId, experienceId]);
  const texts = LANGUAGES.flatMap((l) => experience.texts[l] ?? []);
  const card: ReviewCard = {
    experience,
    contributor: {
      ...(experience.contributor.name ? { name: experience.contributor.name } : {}),
      ...(experience.contributor.company ? { company: experience.contributor.company } : {}),
      country: experience.country,
      earlier: record!.earlier,
      approved: record!.approved,
    },
    similar: original ? await similarExperiences(q, retriever, original, experience.language, experienceId) : [],
    warnings: experienceWarnings(texts),
  };
  const [structured] = await q.query<{ structured: boolean }>(STRUCTURED, [experienceId]);
  if (structured?.structured) card.structuredByModel = true;
  const [asked] = await q.query<{ text: string; language: Language }>(ASKED_QUESTION, [experienceId]);
  if (asked) card.askedQuestion = asked;
  if (experience.status !== 'pending' && experience.status !== 'draft') {
    const decision = await decisionOf(q, experienceId, experience.status);
    if (decision) card.decided = decision;
  }
  return card;
}
