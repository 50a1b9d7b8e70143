import type { Db, Queryable } from '../db/db.ts';
import { recordAudit } from '../knowledge/experiences/audit.ts';
import type { ExperienceText, Language } from '../knowledge/experiences/experience.ts';
import { can, isStaff } from '../knowledge/experiences/roles.ts';
import { LANGUAGES } from '../knowledge/experiences/rules.ts';
import { putExperienceText } from '../knowledge/experiences/texts.ts';
import type { Retriever } from '../knowledge/search/retrieval.ts';
import { cardPlaces, decideContribution, type CardPlace, type CurationDecision, type DecideResult, type DecisionPorts } from './curation-decision.ts';
import { lockExperience } from './locked-experience.ts';
import { loadReviewCard, type ReviewCard } from './review-card.ts';
import { actorByTelegramId, type StaffActor } from './staff.ts';

export type EditResult = { kind: 'saved'; added: boolean } | { kind: 'forbidden' } | { kind: 'not-found' };

/** What curation needs from outside the community: telling people, and queueing cards. */
export interface CurationPorts extends DecisionPorts {
  db: Db;
  retriever: Retriever;
  /** Queues the posting of a review card into `chatId` on the caller's transaction. */
  queueReviewCard(within: Queryable, card: { experienceId: number; chatId: number }): Promise<void>;
  /** The staff group chat, if there is one. */
  staffChatId?: number;
}

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
    cardsOf: (experienceId: number) => cardPlaces(db, experienceId),

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
     * included); when every one has, how many still wait there and the message of the oldest one's
     * card (a curator scrolled past it); `forbidden` for someone not staff now.
     */
    async nextForReview(
      actorTelegramId: number,
      chatId: number,
    ): Promise<{ kind: 'forbidden' } | { kind: 'none'; waiting: number; oldestCard?: number } | { kind: 'card'; card: ReviewCard }> {
      if (!(await staffIn(db, actorTelegramId))) return { kind: 'forbidden' };
      const [next] = await db.query<{ id: string | number }>(
        `SELECT e.id FROM experiences e WHERE e.status = 'pending'
           AND NOT EXISTS (SELECT 1 FROM review_cards c WHERE c.experience_id = e.id AND c.chat_id = $1)
         ORDER BY e.created_at, e.id LIMIT 1`,
        [chatId],
      );
      const card = next ? await loadReviewCard(db, retriever, Number(next.id)) : undefined;
      if (card) return { kind: 'card', card };
      const [carded] = await db.query<{ waiting: string | number; oldest: string | number | null }>(
        `SELECT count(*) AS waiting, (array_agg(c.message_id ORDER BY e.created_at, e.id))[1] AS oldest
         FROM experiences e JOIN review_cards c ON c.experience_id = e.id AND c.chat_id = $1 WHERE e.status = 'pending'`,
        [chatId],
      );
      const waiting = Number(carded?.waiting ?? 0);
      return { kind: 'none', waiting, ...(carded?.oldest != null ? { oldestCard: Number(carded.oldest) } : {}) };
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
          missing: LANGUAGES.filter((l) => !r.have.includes(l)),
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
        return decideContribution(tx, actor, input, ports);
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
