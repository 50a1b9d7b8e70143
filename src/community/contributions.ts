import type { Language } from '../text/language.ts';
import type { ExperienceRepository } from '../knowledge/experiences/repository.ts';
import type { Industry } from '../knowledge/experiences/experience.ts';
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
}

export type SubmittedContribution = { experienceId: number; language: Language };

export type SubmitContribution = (input: { member: Member; draft: Draft; fallbackLanguage: Language }) => Promise<SubmittedContribution>;

/**
 * Stores a draft as a contribution pending review, credited to the member (name and company as
 * they are now). Its language is the one the text is written in (a Persian member may well write
 * in English); the member's chosen language, else `fallbackLanguage`, breaks ties. `announce`
 * runs on the storing transaction (its review card for the staff chat).
 */
export function createSubmitContribution(
  experiences: Pick<ExperienceRepository, 'createContribution'>,
  announce?: (within: Queryable, experienceId: number) => Promise<void>,
): SubmitContribution {
  return async ({ member, draft, fallbackLanguage }) => {
    const language = detectLanguage(`${draft.title}\n${draft.problem}\n${draft.solution}`, member.language ?? fallbackLanguage);
    const experience = await experiences.createContribution(
      {
        memberId: member.id,
        language,
        industry: draft.industry,
        tags: draft.tags,
        text: {
          title: draft.title,
          problem: draft.problem,
          solution: draft.solution,
          ...(draft.outcome ? { outcome: draft.outcome } : {}),
        },
        contributor: {
          ...(member.name ? { name: member.name } : {}),
          ...(member.company ? { company: member.company } : {}),
        },
      },
      announce,
    );
    return { experienceId: experience.id, language };
  };
}
