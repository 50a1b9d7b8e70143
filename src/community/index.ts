import type { Db } from '../db/db.ts';
import { createFeedback } from './feedback.ts';
import { createMembers } from './members.ts';
import { createOpenQuestions } from './open-questions.ts';
import { createQuestionLog } from './question-log.ts';
import { createRateLimits } from './rate-limits.ts';

export type { Member, MemberProfile, Role } from './members.ts';
export type { QuestionRecord, LoggedQuestion } from './question-log.ts';
export type { OpenQuestion } from './open-questions.ts';

export type Community = ReturnType<typeof createCommunity>;

/** The community services over one database: members, question log, feedback, open questions. */
export function createCommunity(db: Db) {
  return {
    members: createMembers(db),
    questions: createQuestionLog(db),
    feedback: createFeedback(db),
    openQuestions: createOpenQuestions(db),
    rateLimits: createRateLimits(db),
  };
}
