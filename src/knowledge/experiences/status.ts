import type { ExperienceStatus } from './rules.ts';
import { ACTIONS, can, type Action, type Actor } from './roles.ts';

/**
 * The review life of an experience: a member's draft goes to review (pending), where staff
 * publish or reject it; published knowledge is archived when it no longer holds. A member may
 * withdraw a contribution under review back to a draft. A pending contribution merged into
 * another experience is archived. Imports are not transitions: a kb-format
 * file carries the status staff decided elsewhere (see ExperienceRepository.upsertRecords).
 */
export type StatusAction = Extract<
  Action,
  'experience.submit' | 'experience.withdraw' | 'experience.publish' | 'experience.reject' | 'experience.archive' | 'experience.merge'
>;
/** The actions of roles.ts that move an experience's status. */
export const STATUS_ACTIONS: readonly StatusAction[] = ACTIONS.filter((a): a is StatusAction =>
  ['experience.submit', 'experience.withdraw', 'experience.publish', 'experience.reject', 'experience.archive', 'experience.merge'].includes(a),
);

const TRANSITIONS: Record<StatusAction, { from: readonly ExperienceStatus[]; to: ExperienceStatus }> = {
  'experience.submit': { from: ['draft'], to: 'pending' },
  'experience.withdraw': { from: ['pending'], to: 'draft' },
  'experience.publish': { from: ['pending'], to: 'published' },
  'experience.reject': { from: ['pending'], to: 'rejected' },
  'experience.archive': { from: ['published'], to: 'archived' },
  // A contribution merged into another experience lives on there; its own record is kept archived.
  'experience.merge': { from: ['pending'], to: 'archived' },
};

/** The status `action` leads to from `from`, or undefined when it does not apply there. */
export function nextStatus(from: ExperienceStatus, action: StatusAction): ExperienceStatus | undefined {
  const transition = TRANSITIONS[action];
  return transition.from.includes(from) ? transition.to : undefined;
}

export type StatusDecision =
  | { ok: true; from: ExperienceStatus; to: ExperienceStatus }
  /** `forbidden`: the actor may not do this; `not-now`: not from the experience's current status. */
  | { ok: false; reason: 'forbidden' | 'not-now'; from: ExperienceStatus };

/**
 * Whether `actor` may move `experience` by `action`, and to what. Pure: the caller applies the
 * change, and its audit row, in one transaction, after reading the status it decides on
 * (`SELECT … FOR UPDATE`) so that two curators do not both decide.
 */
export function decideStatusChange(actor: Actor, action: StatusAction, experience: { status: ExperienceStatus; contributorMemberId?: number }): StatusDecision {
  const from = experience.status;
  const ownerId = experience.contributorMemberId;
  if (!can(actor, action, ownerId !== undefined ? { ownerId } : {})) return { ok: false, reason: 'forbidden', from };
  const to = nextStatus(from, action);
  return to === undefined ? { ok: false, reason: 'not-now', from } : { ok: true, from, to };
}
