import type { Queryable } from '../db/db.ts';
import { recordAudit } from '../knowledge/experiences/audit.ts';
import type { ExperienceStatus } from '../knowledge/experiences/experience.ts';
import { decideStatusChange } from '../knowledge/experiences/status.ts';
import { lacksProblem } from '../knowledge/experiences/rules.ts';
import { queuePublicationWork, type PublicationWork } from './publication.ts';
import { decisionOf, type Decision } from './review-card.ts';
import type { StaffActor } from './staff.ts';
import { lockExperience, type LockedExperience } from './locked-experience.ts';
import { mergeInto } from './curation-merge.ts';

/** Reasons a curator may pick for a rejection; anything else is typed (`other`). */
export const REJECT_REASONS = ['duplicate', 'unclear', 'off-topic', 'unsafe', 'other'] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

export type CurationDecision =
  | { kind: 'approve' }
  | { kind: 'reject'; reason: RejectReason; text?: string }
  /** `version`: the contribution becomes the target's text in its language; `append`: its solution is added to the target's. */
  | { kind: 'merge'; targetId: number; mode: 'version' | 'append' };

/** Where a card of an experience was shown, to be edited in place once decided. */
export interface CardPlace {
  chatId: number;
  messageId: number;
}

export type DecideResult =
  | { kind: 'done'; status: ExperienceStatus; decision: Decision; cards: CardPlace[] }
  /** Not staff now (or unknown): nothing changed. */
  | { kind: 'forbidden' }
  | { kind: 'not-found' }
  /** Someone decided first (or the contribution was withdrawn). */
  | { kind: 'already-decided'; decision?: Decision; status: ExperienceStatus }
  /** The merge target is not a published experience other than the contribution. */
  | { kind: 'bad-target' }
  /** Its problem is not written yet (an answer whose question was not seen, or not in its language: answerText): edit it first. */
  | { kind: 'problem-missing' };

/** What a decision needs from outside the community: telling the contributor, and what follows a publication. */
export interface DecisionPorts {
  /** notify() of jobs/notify.ts: a message to a member, in their language, on the caller's transaction. */
  notify(recipient: { memberId: number }, messageKey: string, values: Record<string, string | number>, within: Queryable): Promise<void>;
  /** What this process's configuration queues after a publication (translations, embeddings): see publication.ts. */
  publicationWork: PublicationWork;
}

const CARDS_OF = 'SELECT chat_id::float8 AS "chatId", message_id::float8 AS "messageId" FROM review_cards WHERE experience_id = $1 ORDER BY created_at';
const STAMP = `UPDATE experiences SET status = $2, reviewed_by = $3, reviewed_at = now(), updated_at = now(),
                 verified_on = CASE WHEN $2 = 'published' THEN current_date ELSE verified_on END
               WHERE id = $1 RETURNING reviewed_at AS at, verified_on::text AS verified_on`;

/** The deep link that opens a published experience in the bot (see bot/features/start.ts). */
export const experienceLink = (botUsername: string, externalId: string) => `https://t.me/${botUsername}?start=exp_${externalId}`;

/** The cards of an experience, where they were shown (oldest first). */
export const cardPlaces = (q: Queryable, experienceId: number): Promise<CardPlace[]> => q.query<CardPlace>(CARDS_OF, [experienceId]);

/**
 * Approves, rejects or merges a pending contribution as `actor`, staff in this transaction.
 * `botUsername` makes the deep link the contributor is sent on approval.
 */
export async function decideContribution(
  tx: Queryable,
  actor: StaffActor,
  input: { experienceId: number; decision: CurationDecision; botUsername: string },
  ports: DecisionPorts,
): Promise<DecideResult> {
  const experience = await lockExperience(tx, input.experienceId);
  if (!experience) return { kind: 'not-found' };
  const { decision } = input;
  const action = decision.kind === 'approve' ? 'experience.publish' : decision.kind === 'reject' ? 'experience.reject' : 'experience.merge';
  const change = decideStatusChange(actor, action, experience);
  if (!change.ok) {
    if (change.reason === 'forbidden') return { kind: 'forbidden' };
    const previous = await decisionOf(tx, experience.id, experience.status);
    return { kind: 'already-decided', status: experience.status, ...(previous ? { decision: previous } : {}) };
  }
  if (decision.kind !== 'reject') {
    const [original] = await tx.query<{ problem: string }>('SELECT problem FROM experience_texts WHERE experience_id = $1 AND is_original', [experience.id]);
    if (original && lacksProblem(original)) return { kind: 'problem-missing' };
  }
  const subject = `experience:${experience.id}`;
  const owner = experience.contributorMemberId;
  let target: LockedExperience | undefined;
  if (decision.kind === 'merge') {
    target = await lockExperience(tx, decision.targetId);
    if (!target || target.status !== 'published' || target.id === experience.id) return { kind: 'bad-target' };
  }
  const [stamped] = await tx.query<{ at: Date | string; verified_on: string | null }>(STAMP, [experience.id, change.to, actor.memberId]);
  const at = new Date(stamped!.at);
  if (decision.kind === 'approve') {
    await recordAudit(tx, {
      actorId: actor.memberId,
      action,
      subject,
      before: { status: change.from },
      after: { status: change.to, verified_on: stamped!.verified_on },
    });
    await queuePublicationWork(tx, experience.id, ports.publicationWork);
    if (owner !== undefined) {
      await ports.notify(
        { memberId: owner },
        'curation-approved-notice',
        { title: experience.title, link: experienceLink(input.botUsername, experience.externalId) },
        tx,
      );
    }
  } else if (decision.kind === 'reject') {
    const text = decision.reason === 'other' ? (decision.text ?? '').trim() : '';
    await recordAudit(tx, {
      actorId: actor.memberId,
      action,
      subject,
      before: { status: change.from },
      after: { status: change.to, reason: decision.reason, ...(text ? { text } : {}) },
    });
    if (owner !== undefined)
      await ports.notify({ memberId: owner }, 'curation-rejected-notice', { title: experience.title, reason: decision.reason, text }, tx);
  } else {
    const merged = await mergeInto(tx, experience, target!, decision.mode);
    await recordAudit(tx, {
      actorId: actor.memberId,
      action,
      subject,
      before: { status: change.from },
      after: { status: change.to, merged_into: `experience:${target!.id}`, mode: merged.mode, language: experience.language },
    });
    await queuePublicationWork(tx, target!.id, ports.publicationWork);
    if (owner !== undefined) {
      await ports.notify(
        { memberId: owner },
        'curation-merged-notice',
        { title: experience.title, link: experienceLink(input.botUsername, target!.externalId) },
        tx,
      );
    }
  }
  const cards = await cardPlaces(tx, experience.id);
  return { kind: 'done', status: change.to, decision: { status: change.to, at, ...(actor.name ? { byName: actor.name } : {}) }, cards };
}
