import type { Db, Queryable } from '../db/db.ts';
import type { ExperienceRepository } from '../knowledge/experiences/repository.ts';
import { createSubmitContribution } from './contributions.ts';
import { createFeedback, createGiveFeedback } from './feedback.ts';
import { createForgetting } from './forget.ts';
import { createMembers } from './members.ts';
import { createMyContributions } from './my-contributions.ts';
import { createOpenQuestions, createOpenQuestionToCommunity } from './open-questions.ts';
import { createSaveProfile } from './profile.ts';
import { createQuestionLog } from './question-log.ts';
import { createRateLimits } from './rate-limits.ts';
import { createClaimUpdate } from './update-claims.ts';

export type { Member, MemberProfile, Role } from './members.ts';
export type { QuestionRecord, LoggedQuestion } from './question-log.ts';
export type { ProfileInput, ProfileField } from './profile.ts';
export type { OpenQuestion } from './open-questions.ts';
export type { Draft, SubmittedContribution } from './contributions.ts';
export type { ContributionChoice, ForgetPreview, ForgetSummary } from './forget.ts';
export type { Contribution, ContributionEdit, ContributionOutcome } from './my-contributions.ts';
export { contributionAsStored } from './contributions.ts';

/** The community's repositories over one connection or one open transaction. */
export function communityRepositories(db: Queryable) {
  return {
    members: createMembers(db),
    questions: createQuestionLog(db),
    feedback: createFeedback(db),
    openQuestions: createOpenQuestions(db),
    rateLimits: createRateLimits(db),
  };
}

export type CommunityRepositories = ReturnType<typeof communityRepositories>;

export type Community = ReturnType<typeof createCommunity>;

/**
 * The community over one database: its repositories, a unit of work that binds them to one
 * transaction, and the use cases every front end (bot, web panel, jobs) calls with plain values.
 */
export function createCommunity(db: Db, deps: { experiences: Pick<ExperienceRepository, 'createContribution' | 'listByContributor' | 'getById'> }) {
  const repos = communityRepositories(db);
  return {
    ...repos,
    /** Runs `work` with the repositories bound to one transaction: all of it is kept, or none. */
    inTransaction: <T>(work: (repos: CommunityRepositories, tx: Queryable) => Promise<T>): Promise<T> =>
      db.transaction((tx) => work(communityRepositories(tx), tx)),
    claimUpdate: createClaimUpdate(db, repos.members),
    submitContribution: createSubmitContribution(deps.experiences),
    forgetting: createForgetting(db, deps.experiences),
    myContributions: createMyContributions(db, deps.experiences),
    giveFeedback: createGiveFeedback(repos),
    saveProfile: createSaveProfile(repos.members),
    openQuestionToCommunity: createOpenQuestionToCommunity(repos),
  };
}
