import type { Language } from '../text/language.ts';
import type { Experience } from '../knowledge/experiences/experience.ts';
import type { ExperienceRepository } from '../knowledge/experiences/repository.ts';
import type { NothingReason, SearchHit, Tier } from '../knowledge/search/retrieval.ts';
import type { Verification } from './display.ts';

export type { NothingReason, Retriever, SearchHit, SearchQuery, SearchResult, Tier } from '../knowledge/search/retrieval.ts';

/** The one repository method answering needs. */
export type ExperienceSource = Pick<ExperienceRepository, 'getMany'>;

export interface Question {
  text: string;
  /** The member's language when known (their settings); detected from the text otherwise. */
  language?: Language;
  /** Their company's country and industry: similar firms' experiences rank first. */
  profile?: { country?: string; industry?: string };
  /** The question this one follows up, for context. */
  previousQuestion?: string;
  /** Called as a model writes the answer, with its checked draft so far (see checkedDraft); never without a model. */
  onDraft?: (draft: string) => void;
}

export interface CitedExperience {
  experience: Experience;
  score: number;
  /** The language its text is shown in: the asker's when a text exists, else the original. */
  displayLanguage: Language;
  title: string;
  /** When staff last confirmed it still holds, and whether that is past the review period. */
  verification?: Verification;
  /** The text shown was made by a model and not yet checked by a person. */
  machineTranslated: boolean;
}

export interface Answer {
  language: Language;
  /** Chinese written in traditional characters (as the question was); simplified otherwise. */
  script?: 'traditional';
  /** Not `answered`. */
  abstained: boolean;
  /**
   * `answered`: `text` answers from `cited`; `related`: no sure answer, and `cited` lists up to
   * three experiences that might be related; `nothing`: nothing in the base fits.
   */
  tier: Tier;
  /** With `nothing`: why, when it is not only that nothing fits yet (`live-information`: it asks what only a live source knows). */
  reason?: NothingReason;
  mode: 'llm' | 'offline';
  text: string;
  cited: CitedExperience[];
  hits: SearchHit[];
}
