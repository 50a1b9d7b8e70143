/**
 * Who may do what. Bot filters, the web panel and staff commands ask `can` rather than compare
 * roles themselves, so a new role or action changes one table.
 */

/** members.role (migration 0001). */
export const ROLES = ['member', 'curator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Someone acting: the member behind a Telegram user, a web session or a staff command. */
export interface Actor {
  memberId: number;
  role: Role;
}

export const ACTIONS = [
  'experience.submit',
  'experience.withdraw',
  'experience.publish',
  'experience.reject',
  'experience.archive',
  'experience.merge',
  'experience.edit',
  'experience.review',
  'member.set-role',
  'audit.read',
  'knowledge.verify',
  'open-question.close',
  'experience.save',
] as const;
export type Action = (typeof ACTIONS)[number];

/** `own`: any member, on what they contributed; otherwise the roles allowed on anything. */
const ALLOWED: Record<Action, 'own' | readonly Role[]> = {
  'experience.submit': 'own',
  'experience.withdraw': 'own',
  'experience.publish': ['curator', 'admin'],
  'experience.reject': ['curator', 'admin'],
  'experience.archive': ['curator', 'admin'],
  'experience.merge': ['curator', 'admin'],
  'experience.edit': ['curator', 'admin'],
  /** Seeing review cards and the queue (/review). */
  'experience.review': ['curator', 'admin'],
  'member.set-role': ['admin'],
  'audit.read': ['admin'],
  /** Confirming a published experience still holds (re-verification): stamps verified_on today. */
  'knowledge.verify': ['curator', 'admin'],
  /** Closing a question put to the community that nobody will answer. */
  'open-question.close': ['curator', 'admin'],
  /** /save in a group: a member's message kept as a contribution (the group's own admins may too, asked of Telegram). */
  'experience.save': ['curator', 'admin'],
};

/**
 * Whether `actor` may do `action`; `subject.ownerId` is the member who contributed the thing
 * acted on (undefined when no member did, e.g. an imported experience).
 */
export function can(actor: Actor, action: Action, subject: { ownerId?: number } = {}): boolean {
  const allowed = ALLOWED[action];
  if (allowed === 'own') return subject.ownerId !== undefined && subject.ownerId === actor.memberId;
  return allowed.includes(actor.role);
}

/** Whether `role` is center staff (may review contributions). */
export const isStaff = (role: Role): boolean => can({ memberId: 0, role }, 'experience.review');

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
