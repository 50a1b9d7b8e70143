import { LANGUAGES } from '../../text/language.ts';
import type { Queryable } from '../../db/db.ts';
import type { Experience, ExperienceRecord, ExperienceStatus, ExperienceText, ExperienceTranslation, Industry, Language } from './experience.ts';

interface ExperienceRow {
  id: number | string;
  external_id: string;
  status: ExperienceStatus;
  language: Language;
  country: string;
  industry: Industry;
  tags: string[];
  contributor_name: string | null;
  contributor_company: string | null;
  contributor_city: string | null;
  contributor_member_id: number | string | null;
  source: Experience['source'];
  verified_on: string | null;
}

/** A stored text row as both reading and re-importing need it. */
export interface TextRowOut {
  experience_id: number | string;
  language: Language;
  is_original: boolean;
  origin: 'human' | 'machine';
  title: string;
  problem: string;
  solution: string;
  outcome: string | null;
}

const EXPERIENCE_COLUMNS = `e.id, e.external_id, e.status, e.language, e.country, e.industry, e.tags, e.contributor_name,
  e.contributor_company, e.contributor_city, e.contributor_member_id, e.source, e.verified_on::text AS verified_on`;

/**
 * Loads experiences matching `where` (SQL on alias e, parameterised by `params`) with all their
 * texts, in id order: one query whatever the number of experiences (answers load their cited
 * experiences while the member waits).
 */
export async function loadExperiences(q: Queryable, where: string, params: readonly unknown[] = []): Promise<Experience[]> {
  const rows = await q.query<ExperienceRow & { texts: Omit<TextRowOut, 'experience_id'>[] | null }>(
    `SELECT ${EXPERIENCE_COLUMNS},
            (SELECT json_agg(json_build_object('language', t.language, 'is_original', t.is_original, 'origin', t.origin,
                    'title', t.title, 'problem', t.problem, 'solution', t.solution, 'outcome', t.outcome))
             FROM experience_texts t WHERE t.experience_id = e.id) AS texts
     FROM experiences e WHERE ${where} ORDER BY e.id`,
    params,
  );
  return rows.map((row) => {
    const experience = toExperience(row);
    for (const t of row.texts ?? []) experience.texts[t.language] = { ...textOf(t), isOriginal: t.is_original, origin: t.origin };
    return experience;
  });
}

function toExperience(row: ExperienceRow): Experience {
  const contributor: Experience['contributor'] = {};
  if (row.contributor_name !== null) contributor.name = row.contributor_name;
  if (row.contributor_company !== null) contributor.company = row.contributor_company;
  if (row.contributor_city !== null) contributor.city = row.contributor_city;
  if (row.contributor_member_id !== null) contributor.memberId = Number(row.contributor_member_id);
  return {
    id: Number(row.id),
    externalId: row.external_id,
    status: row.status,
    language: row.language,
    country: row.country,
    industry: row.industry,
    tags: row.tags,
    contributor,
    source: row.source,
    ...(row.verified_on !== null ? { verifiedOn: row.verified_on } : {}),
    texts: {},
  };
}

/** The ExperienceText of a stored text row (a null outcome is left out). */
export function textOf(t: { title: string; problem: string; solution: string; outcome: string | null }): ExperienceText {
  return { title: t.title, problem: t.problem, solution: t.solution, ...(t.outcome !== null ? { outcome: t.outcome } : {}) };
}

/**
 * The kb-format record of a stored experience, with its status, verification date and which
 * translations a model made, so that importing it elsewhere gives the same knowledge base.
 */
export function toRecord(experience: Experience): ExperienceRecord | undefined {
  const original = experience.texts[experience.language];
  if (!original) return undefined;
  const record: ExperienceRecord = {
    id: experience.externalId,
    language: experience.language,
    country: experience.country,
    industry: experience.industry,
    ...textOf({ ...original, outcome: original.outcome ?? null }),
  };
  if (experience.tags.length > 0) record.tags = [...experience.tags];
  const { name, company, city } = experience.contributor;
  if (name !== undefined || company !== undefined || city !== undefined) {
    record.contributor = { ...(name !== undefined ? { name } : {}), ...(company !== undefined ? { company } : {}), ...(city !== undefined ? { city } : {}) };
  }
  record.status = experience.status;
  if (experience.verifiedOn !== undefined) record.verified_on = experience.verifiedOn;
  const translations: Partial<Record<Language, ExperienceTranslation>> = {};
  for (const language of LANGUAGES) {
    const text = experience.texts[language];
    if (language !== experience.language && text) {
      translations[language] = { ...textOf({ ...text, outcome: text.outcome ?? null }), ...(text.origin === 'machine' ? { machine: true } : {}) };
    }
  }
  if (Object.keys(translations).length > 0) record.translations = translations;
  return record;
}
