import type { Language } from '../text/language.ts';
import type { ExperienceRepository } from '../knowledge/experiences/repository.ts';
import type { Experience, Industry } from '../knowledge/experiences/experience.ts';
import { isCountryCode } from '../knowledge/experiences/rules.ts';
import { detectLanguage } from '../text/language.ts';
import type { Member } from './members.ts';
import type { Queryable } from '../db/db.ts';

/** A member's finished contribution, its fields already checked against the experience rules. */
export interface Draft {
  title: string;
  problem: string;
  solution: string;
  outcome?: string;
  industry: Industry;
  tags: string[];
  /** The company's country, asked when the profile has none; the profile's otherwise. */
  country?: string;
  /** Whether readers see the member's name and company; true unless the member said no. */
  named?: boolean;
}

export type SubmittedContribution = { experienceId: number; language: Language };

/** Queues what follows a new contribution on the transaction that stores it (by default, its review card). */
export type Announce = (within: Queryable, experienceId: number) => Promise<void>;

export type SubmitContribution = (input: {
  member: Member;
  draft: Draft;
  fallbackLanguage: Language;
  /** Instead of the review card: e.g. the model's structuring, which posts the card once done. */
  announce?: Announce;
}) => Promise<SubmittedContribution>;

/** The part of a member a contribution is credited with. */
export type Contributor = Pick<Member, 'name' | 'company' | 'country' | 'language'>;

/**
 * The contribution as it will be stored and shown to readers once published: the language it is
 * written in (a Persian member may well write in English; the member's chosen language, else
 * `fallbackLanguage`, breaks ties), the country (the draft's, else the profile's, else "ZZ",
 * ISO's "unknown"), and the name and company only if the member agreed to be named.
 */
export function contributionAsStored(member: Contributor, draft: Draft, fallbackLanguage: Language): Experience {
  const language = detectLanguage(`${draft.title}\n${draft.problem}\n${draft.solution}`, member.language ?? fallbackLanguage);
  const country = [draft.country, member.country].find((c): c is string => c !== undefined && isCountryCode(c)) ?? 'ZZ';
  const named = draft.named !== false;
  return {
    id: 0,
    externalId: '',
    status: 'pending',
    language,
    country,
    industry: draft.industry,
    tags: draft.tags,
    contributor: named ? { ...(member.name ? { name: member.name } : {}), ...(member.company ? { company: member.company } : {}) } : {},
    source: 'bot',
    texts: {
      [language]: {
        title: draft.title,
        problem: draft.problem,
        solution: draft.solution,
        ...(draft.outcome ? { outcome: draft.outcome } : {}),
        isOriginal: true,
        origin: 'human',
      },
    },
  };
}

/**
 * Stores a draft as a contribution pending review, credited as contributionAsStored shows it.
 * `announce` runs on the storing transaction (its review card for the staff chat), unless the caller gives its own.
 */
export function createSubmitContribution(experiences: Pick<ExperienceRepository, 'createContribution'>, announce?: Announce): SubmitContribution {
  return async ({ member, draft, fallbackLanguage, announce: instead }) => {
    const stored = contributionAsStored(member, draft, fallbackLanguage);
    const experience = await experiences.createContribution(
      {
        memberId: member.id,
        language: stored.language,
        country: stored.country,
        industry: stored.industry,
        tags: stored.tags,
        text: stored.texts[stored.language]!,
        contributor: stored.contributor,
      },
      instead ?? announce,
    );
    return { experienceId: experience.id, language: stored.language };
  };
}
