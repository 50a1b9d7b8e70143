import type { Db, Queryable } from '../db/db.ts';
import { recordAudit } from '../knowledge/experiences/audit.ts';
import type { ExperienceStatus, ExperienceText, Language } from '../knowledge/experiences/experience.ts';
import { can, isStaff } from '../knowledge/experiences/roles.ts';
import { decideStatusChange } from '../knowledge/experiences/status.ts';
import { lacksProblem } from '../knowledge/experiences/rules.ts';
import { putExperienceText } from '../knowledge/experiences/texts.ts';
import type { Retriever } from '../knowledge/search/retrieval.ts';
import { queuePublicationWork, type PublicationWork } from './publication.ts';
import { loadReviewCard, type Decision, type ReviewCard } from './review-card.ts';
import { actorByTelegramId, type StaffActor } from './staff.ts';

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
  /** Its problem is not written yet (a message saved in a group): edit it first. */
  | { kind: 'problem-missing' };

export type EditResult = { kind: 'saved'; added: boolean } | { kind: 'forbidden' } | { kind: 'not-found' };

/** What curation needs from outside the community: telling people, and queueing cards. */
export interface CurationPorts {
  db: Db;
  retriever: Retriever;
  /** notify() of jobs/notify.ts: a message to a member, in their language, on the caller's transaction. */
  notify(recipient: { memberId: number }, messageKey: string, values: Record<string, string | number>, within: Queryable): Promise<void>;
  /** Queues the posting of a review card into `chatId` on the caller's transaction. */
  queueReviewCard(within: Queryable, card: { experienceId: number; chatId: number }): Promise<void>;
  /** The staff group chat, if there is one. */
  staffChatId?: number;
  /** What this process's configuration queues after a publication (translations, embeddings): see publication.ts. */
  publicationWork: PublicationWork;
}

interface LockedExperience {
  id: number;
  externalId: string;
  status: ExperienceStatus;
  language: Language;
  contributorMemberId?: number;
  title: string;
}

const LOCK_EXPERIENCE = `SELECT e.id, e.external_id, e.status, e.language, e.contributor_member_id,
       (SELECT t.title FROM experience_texts t WHERE t.experience_id = e.id ORDER BY t.is_original DESC LIMIT 1) AS title
     FROM experiences e WHERE e.id = $1 FOR UPDATE OF e`;
const DECISION_OF = `SELECT e.reviewed_at AS at, m.name FROM experiences e LEFT JOIN members m ON m.id = e.reviewed_by WHERE e.id = $1`;
const CARDS_OF = 'SELECT chat_id::float8 AS "chatId", message_id::float8 AS "messageId" FROM review_cards WHERE experience_id = $1 ORDER BY created_at';
const STAMP = `UPDATE experiences SET status = $2, reviewed_by = $3, reviewed_at = now(), updated_at = now(),
                 verified_on = CASE WHEN $2 = 'published' THEN current_date ELSE verified_on END
               WHERE id = $1 RETURNING reviewed_at AS at, verified_on::text AS verified_on`;

async function lockExperience(tx: Queryable, id: number): Promise<LockedExperience | undefined> {
  const [r] = await tx.query<{
    id: string | number;
    external_id: string;
    status: ExperienceStatus;
    language: Language;
    contributor_member_id: string | number | null;
    title: string | null;
  }>(LOCK_EXPERIENCE, [id]);
  if (!r) return undefined;
  return {
    id: Number(r.id),
    externalId: r.external_id,
    status: r.status,
    language: r.language,
    ...(r.contributor_member_id !== null ? { contributorMemberId: Number(r.contributor_member_id) } : {}),
    title: r.title ?? '',
  };
}

async function decisionOf(q: Queryable, id: number, status: ExperienceStatus): Promise<Decision | undefined> {
  const [d] = await q.query<{ at: Date | string | null; name: string | null }>(DECISION_OF, [id]);
  return d?.at ? { status, at: new Date(d.at), ...(d.name ? { byName: d.name } : {}) } : undefined;
}

/** The deep link that opens a published experience in the bot (see bot/features/start.ts). */
export const experienceLink = (botUsername: string, externalId: string) => `https://t.me/${botUsername}?start=exp_${externalId}`;

export type Curation = ReturnType<typeof createCuration>;

/**
 * Center staff's work on contributions: the review queue, the cards, and the decisions. Every
 * use case reads the actor's role in its own transaction (a button grants nothing by itself),
 * locks the contribution so two curators make one decision, and writes its audit row and the
 * contributor's notification in that same transaction.
 */
export function createCuration(ports: CurationPorts) {
  const { db, retriever } = ports;

  const staffIn = async (tx: Queryable, telegramId: number): Promise<StaffActor | undefined> => {
    const actor = await actorByTelegramId(tx, telegramId, { forShare: true });
    return actor && isStaff(actor.role) ? actor : undefined;
  };

  return {
    /** Queues a card of a new pending contribution for the staff chat (called on the submitting transaction). */
    async announce(within: Queryable, experienceId: number): Promise<void> {
      if (ports.staffChatId !== undefined) await ports.queueReviewCard(within, { experienceId, chatId: ports.staffChatId });
    },

    /** The card of an experience, for someone staff now only. */
    async card(actorTelegramId: number, experienceId: number): Promise<{ kind: 'forbidden' } | { kind: 'not-found' } | { kind: 'card'; card: ReviewCard }> {
      if (!(await staffIn(db, actorTelegramId))) return { kind: 'forbidden' };
      const card = await loadReviewCard(db, retriever, experienceId);
      return card ? { kind: 'card', card } : { kind: 'not-found' };
    },

    /** Where the cards of an experience were shown. */
    cardsOf: (experienceId: number) => db.query<CardPlace>(CARDS_OF, [experienceId]),

    /** A card as the bot posts it on its own (the staff chat's queue); no actor. */
    systemCard: (experienceId: number) => loadReviewCard(db, retriever, experienceId),

    /** Whether a card of this experience is already in this chat. */
    async hasCard(experienceId: number, chatId: number): Promise<boolean> {
      return (await db.query('SELECT 1 FROM review_cards WHERE experience_id = $1 AND chat_id = $2', [experienceId, chatId])).length > 0;
    },

    /** Remembers where a card was posted, so the decision edits it. */
    async recordCard(experienceId: number, place: CardPlace): Promise<void> {
      await db.query(
        `INSERT INTO review_cards (experience_id, chat_id, message_id) VALUES ($1, $2, $3)
         ON CONFLICT (experience_id, chat_id) DO UPDATE SET message_id = excluded.message_id, created_at = now()`,
        [experienceId, place.chatId, place.messageId],
      );
    },

    /**
     * The oldest pending contribution with no card in `chatId` yet (imports with --status pending
     * included); `forbidden` for someone not staff now.
     */
    async nextForReview(actorTelegramId: number, chatId: number): Promise<{ kind: 'forbidden' } | { kind: 'none' } | { kind: 'card'; card: ReviewCard }> {
      if (!(await staffIn(db, actorTelegramId))) return { kind: 'forbidden' };
      const [next] = await db.query<{ id: string | number }>(
        `SELECT e.id FROM experiences e WHERE e.status = 'pending'
           AND NOT EXISTS (SELECT 1 FROM review_cards c WHERE c.experience_id = e.id AND c.chat_id = $1)
         ORDER BY e.created_at, e.id LIMIT 1`,
        [chatId],
      );
      if (!next) return { kind: 'none' };
      const card = await loadReviewCard(db, retriever, Number(next.id));
      return card ? { kind: 'card', card } : { kind: 'none' };
    },

    /** Published experiences lacking a language version (oldest first, at most `limit`). */
    async missingLanguages(
      actorTelegramId: number,
      limit = 20,
    ): Promise<
      { kind: 'forbidden' } | { kind: 'list'; items: { experienceId: number; externalId: string; title: string; missing: Language[] }[]; total: number }
    > {
      if (!(await staffIn(db, actorTelegramId))) return { kind: 'forbidden' };
      const rows = await db.query<{ id: string | number; external_id: string; title: string; have: Language[]; total: string | number }>(
        `SELECT e.id, e.external_id, t.title, (SELECT array_agg(x.language) FROM experience_texts x WHERE x.experience_id = e.id) AS have, count(*) OVER () AS total
         FROM experiences e JOIN experience_texts t ON t.experience_id = e.id AND t.is_original
         WHERE e.status = 'published' AND (SELECT count(*) FROM experience_texts x WHERE x.experience_id = e.id) < 3
         ORDER BY e.id LIMIT $1`,
        [limit],
      );
      return {
        kind: 'list',
        total: rows.length > 0 ? Number(rows[0]!.total) : 0,
        items: rows.map((r) => ({
          experienceId: Number(r.id),
          externalId: r.external_id,
          title: r.title,
          missing: (['fa', 'zh', 'en'] as const).filter((l) => !r.have.includes(l)),
        })),
      };
    },

    /**
     * Approves, rejects or merges a pending contribution as the staff member `actorTelegramId`.
     * `botUsername` makes the deep link the contributor is sent on approval.
     */
    async decide(input: { actorTelegramId: number; experienceId: number; decision: CurationDecision; botUsername: string }): Promise<DecideResult> {
      return db.transaction(async (tx): Promise<DecideResult> => {
        const actor = await staffIn(tx, input.actorTelegramId);
        if (!actor) return { kind: 'forbidden' };
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
          const [original] = await tx.query<{ problem: string }>('SELECT problem FROM experience_texts WHERE experience_id = $1 AND is_original', [
            experience.id,
          ]);
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
        const cards = await tx.query<CardPlace>(CARDS_OF, [experience.id]);
        return { kind: 'done', status: change.to, decision: { status: change.to, at, ...(actor.name ? { byName: actor.name } : {}) }, cards };
      });
    },

    /**
     * Writes one language version of an experience as a staff member (a person's text: origin
     * human). Adding a missing language is an edit too. Audited with the fields before and after.
     */
    async editText(input: { actorTelegramId: number; experienceId: number; language: Language; text: ExperienceText }): Promise<EditResult> {
      return db.transaction(async (tx): Promise<EditResult> => {
        const actor = await staffIn(tx, input.actorTelegramId);
        if (!actor || !can(actor, 'experience.edit')) return { kind: 'forbidden' };
        const experience = await lockExperience(tx, input.experienceId);
        if (!experience) return { kind: 'not-found' };
        const before = await putExperienceText(tx, experience.id, input.language, input.text, { origin: 'human' });
        const changed = (Object.keys(input.text) as (keyof ExperienceText)[]).filter((k) => before?.[k] !== input.text[k]);
        await recordAudit(tx, {
          actorId: actor.memberId,
          action: 'experience.edit',
          subject: `experience:${experience.id}`,
          before: before
            ? { language: input.language, ...Object.fromEntries(changed.map((k) => [k, before[k] ?? null])) }
            : { language: input.language, missing: true },
          after: { language: input.language, origin: 'human', ...Object.fromEntries(changed.map((k) => [k, input.text[k] ?? null])) },
        });
        return { kind: 'saved', added: before === undefined };
      });
    },
  };
}

/** The contribution's original text into `target`: as its version in that language, or appended to its solution there. */
async function mergeInto(
  tx: Queryable,
  contribution: LockedExperience,
  target: LockedExperience,
  mode: 'version' | 'append',
): Promise<{ mode: 'version' | 'append' }> {
  const [source] = await tx.query<{ title: string; problem: string; solution: string; outcome: string | null }>(
    'SELECT title, problem, solution, outcome FROM experience_texts WHERE experience_id = $1 AND language = $2',
    [contribution.id, contribution.language],
  );
  const [existing] = await tx.query<{ title: string; problem: string; solution: string; outcome: string | null }>(
    'SELECT title, problem, solution, outcome FROM experience_texts WHERE experience_id = $1 AND language = $2',
    [target.id, contribution.language],
  );
  const text = (r: { title: string; problem: string; solution: string; outcome: string | null }): ExperienceText => ({
    title: r.title,
    problem: r.problem,
    solution: r.solution,
    ...(r.outcome !== null ? { outcome: r.outcome } : {}),
  });
  // Appending needs a text in the contribution's language to append to; without one it becomes that version.
  if (mode === 'append' && existing) {
    const merged = text(existing);
    merged.solution = `${existing.solution}\n\n${source!.solution}`;
    if (source!.outcome) merged.outcome = existing.outcome ? `${existing.outcome}\n\n${source!.outcome}` : source!.outcome;
    await putExperienceText(tx, target.id, contribution.language, merged, { origin: 'human' });
    return { mode: 'append' };
  }
  await putExperienceText(tx, target.id, contribution.language, text(source!), { origin: 'human' });
  return { mode: 'version' };
}
