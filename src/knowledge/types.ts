import type { Language } from '../config.ts';

export type { Language };

export const INDUSTRIES = [
  'food', 'textiles', 'machinery', 'chemicals', 'automotive', 'electronics', 'construction',
  'agriculture', 'handicrafts', 'pharma', 'logistics', 'software', 'energy', 'other',
] as const;
export type Industry = (typeof INDUSTRIES)[number];

export const STATUSES = ['draft', 'pending', 'published', 'rejected', 'archived'] as const;
export type ExperienceStatus = (typeof STATUSES)[number];

export interface ExperienceText {
  title: string;
  problem: string;
  solution: string;
  outcome?: string;
}

/** One experience exactly as kb-format v1 carries it (see ../shared/kb-format.md). */
export interface ExperienceRecord extends ExperienceText {
  id: string;
  language: Language;
  country: string;
  industry: Industry;
  tags?: string[];
  contributor?: { name?: string; company?: string; city?: string };
  translations?: Partial<Record<Language, ExperienceText>>;
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
