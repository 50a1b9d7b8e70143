import { INDUSTRIES, STATUSES, type ExperienceStatus, type Industry, type Language } from './rules.ts';

export { INDUSTRIES, STATUSES };
export type { ExperienceStatus, Industry, Language };

export interface ExperienceText {
  title: string;
  problem: string;
  solution: string;
  outcome?: string;
}

/** A translation; `machine` marks one made by a model and not yet checked by a person. */
export interface ExperienceTranslation extends ExperienceText {
  machine?: boolean;
}

/** One experience exactly as kb-format v1 carries it (see ../shared/kb-format.md). */
export interface ExperienceRecord extends ExperienceText {
  id: string;
  language: Language;
  country: string;
  industry: Industry;
  tags?: string[];
  contributor?: { name?: string; company?: string; city?: string };
  /** Absent: the importer decides (see ExperienceRepository.upsertRecords). */
  status?: ExperienceStatus;
  /** YYYY-MM-DD: the day staff last confirmed the experience still holds. */
  verified_on?: string;
  translations?: Partial<Record<Language, ExperienceTranslation>>;
}

/** A stored experience with every language variant it has. */
export interface Experience {
  id: number;
  externalId: string;
  status: ExperienceStatus;
  language: Language;
  country: string;
  industry: Industry;
  tags: string[];
  contributor: { name?: string; company?: string; city?: string; memberId?: number };
  source: 'import' | 'bot' | 'group' | 'open_question';
  verifiedOn?: string;
  texts: Partial<Record<Language, ExperienceText & { isOriginal: boolean; origin: 'human' | 'machine' }>>;
}
