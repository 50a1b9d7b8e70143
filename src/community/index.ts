import type { Db, Queryable } from '../db/db.ts';
import type { ExperienceRepository } from '../knowledge/experiences/repository.ts';
import { createSubmitContribution } from './contributions.ts';
import { createFeedback, createGiveFeedback } from './feedback.ts';
import { createForgetting } from './forget.ts';
import { createMembers } from './members.ts';
import { createMyContributions } from './my-contributions.ts';
import { createOpenQuestions, type TranslateAnswer } from './open-questions.ts';
import { createOpenQuestionToCommunity } from './open-question-asking.ts';
import { createAnswerOpenQuestion, createRateCommunityAnswer } from './open-question-answers.ts';
import { createCloseOpenQuestion } from './open-question-closing.ts';
import { createOpenQuestionIn } from './open-question-translations.ts';
import { createSaveProfile } from './profile.ts';
import { createQuestionLog } from './question-log.ts';
import { createRateLimits } from './rate-limits.ts';
import { createClaimUpdate, finishUpdate, recordReceivedUpdates, takeOverUnfinishedUpdates } from './update-claims.ts';
import { createCuration, type CurationPorts } from './curation.ts';
import { createStaff } from './staff.ts';
import { createReverification } from './reverification.ts';
import { createGroups } from './groups.ts';
import { createIntroductions } from './introductions.ts';
import { createSavedMessages } from './saved-messages.ts';

export type { Member, MemberProfile, Role } from './members.ts';
export type { QuestionRecord, LoggedQuestion } from './question-log.ts';
export type { ProfileInput, ProfileField } from './profile.ts';
export type { OpenQuestion, TranslateAnswer } from './open-questions.ts';
export type { OpenQuestionIn } from './open-question-translations.ts';
export type { Draft, SubmittedContribution } from './contributions.ts';
export type { ContributionChoice, ForgetPreview, ForgetSummary } from './forget.ts';
export type { CurationDecision, DecideResult, CardPlace, RejectReason } from './curation-decision.ts';
export type { ReviewCard, SimilarExperience, Decision } from './review-card.ts';
export type { StaffActor, StaffMember, SetRoleResult } from './staff.ts';
export type { DigestPage, DueExperience, ReverifyResult } from './reverification.ts';
export type { Contribution, ContributionEdit, ContributionOutcome, RejectionReason } from './my-contributions.ts';
export type { GroupStanding, GroupChat, GroupAsk, AllowResult } from './groups.ts';
export type { DecideResult as IntroductionDecision, IntroductionForDelivery, IntroductionParty, RequestRefusal, RequestResult } from './introductions.ts';
export type { SaveResult, ConsentChoice, ConsentResult, SavedMessageQuestion } from './saved-messages.ts';
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
export function createCommunity(
  db: Db,
  deps: {
    experiences: Pick<ExperienceRepository, 'createContribution' | 'listByContributor' | 'getById'>;
    /** This process among those sharing the database (db/process-liveness.ts): who handles which update. */
    instance: string;
    /** The bot in group chats: ALLOWED_CHAT_IDS and GROUP_RATE_LIMIT_PER_MINUTE (defaults: none, 10). */
    groups?: { allowedChatIds: readonly number[]; limitPerMinute: number };
    /** Members' groups where questions nobody could answer are posted, besides the staff chat (COMMUNITY_CHAT_IDS). */
    communityChatIds?: readonly number[];
    /** Translates a member's answer for its asker, and an open question for the chats it is posted in (a model); unset: sent as written. */
    translateAnswer?: TranslateAnswer;
    /** A chat model structures each community answer's contribution before its review card (see translation/structuring.ts). */
    structureAnswers?: boolean;
  } & Omit<CurationPorts, 'db'>,
) {
  const repos = communityRepositories(db);
  const { experiences, groups, communityChatIds, translateAnswer, structureAnswers, ...ports } = deps;
  const curation = createCuration({ db, ...ports });
  const submitContribution = createSubmitContribution(experiences, curation.announce);
  return {
    ...repos,
    /** Runs `work` with the repositories bound to one transaction: all of it is kept, or none. */
    inTransaction: <T>(work: (repos: CommunityRepositories, tx: Queryable) => Promise<T>): Promise<T> =>
      db.transaction((tx) => work(communityRepositories(tx), tx)),
    /** Records updates received and not handled yet, before Telegram is told they were (see update-claims.ts). */
    recordReceivedUpdates: (updates: readonly { update_id: number }[]) => recordReceivedUpdates(db, updates, deps.instance),
    claimUpdate: createClaimUpdate(db, repos.members, deps.instance),
    /** Says an update's handling finished: nobody need take it over. */
    finishUpdate: (updateId: number) => finishUpdate(db, updateId),
    /** The updates dead processes left half-handled, now this process's to handle (see update-claims.ts). */
    takeOverUnfinishedUpdates: () => takeOverUnfinishedUpdates(db, deps.instance),
    submitContribution,
    /** Who the staff are; roles read from the database at each call. */
    staff: createStaff(db),
    /** Review of contributions (needs the search, for the similar experiences). */
    curation,
    forgetting: createForgetting(db, experiences),
    myContributions: createMyContributions(db, experiences),
    giveFeedback: createGiveFeedback(repos),
    saveProfile: createSaveProfile(repos.members),
    openQuestionToCommunity: createOpenQuestionToCommunity(db, repos, [
      ...(ports.staffChatId !== undefined ? [ports.staffChatId] : []),
      ...(communityChatIds ?? []),
    ]),
    answerOpenQuestion: createAnswerOpenQuestion({
      db,
      openQuestions: repos.openQuestions,
      submitContribution,
      announce: curation.announce,
      ...(translateAnswer ? { translateAnswer } : {}),
      ...(structureAnswers ? { structureAnswers } : {}),
    }),
    /** An open question in a chat's language (kept, or translated now by the model), for its posts. */
    openQuestionIn: createOpenQuestionIn(repos.openQuestions, translateAnswer),
    rateCommunityAnswer: createRateCommunityAnswer(db),
    closeOpenQuestion: createCloseOpenQuestion(db, ports.notify),
    /** Re-verification of published experiences: the staff digest and its decisions. */
    reverification: createReverification(db),
    /** Which group chats the bot serves, their settings and their rate limit. */
    groups: createGroups(db, {
      limitPerMinute: groups?.limitPerMinute ?? 10,
      allowedChatIds: groups?.allowedChatIds ?? [],
      ...(ports.staffChatId !== undefined ? { staffChatId: ports.staffChatId } : {}),
    }),
    /** Introductions between a member and an experience's contributor, with the contributor's consent. */
    introductions: createIntroductions(db),
    /** /save in a group: a member's message kept as a contribution, its author asked first. */
    savedMessages: createSavedMessages({ db, experiences, announce: curation.announce }),
  };
}
