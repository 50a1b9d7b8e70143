import type { Db, Queryable } from '../db/db.ts';
import { queueIntroductionMessage } from '../jobs/introduction-messages.ts';
import { visibleLength } from '../knowledge/experiences/rules.ts';
import { isLanguage, type Language } from '../text/language.ts';

/** Requests a member may make in any rolling seven days. */
export const INTRODUCTIONS_PER_WEEK = 3;
/** A request the contributor has not answered in this many days lapses; the asker is told. */
export const INTRODUCTION_EXPIRY_DAYS = 14;
/** The asker's one line of why, in visible characters. */
export const REASON_LIMITS = { min: 5, max: 300 } as const;

const DAY_MS = 24 * 60 * 60 * 1000;
const WEEK = `interval '7 days'`;
const EXPIRY = `interval '${INTRODUCTION_EXPIRY_DAYS} days'`;

/** Why a member may not ask (now) for an introduction under an experience. */
export type RequestRefusal =
  /** No contributor who is a member with introductions on (or it is the asker's own, or unpublished). */
  | { kind: 'unavailable' }
  /** A request for this experience is waiting for the contributor's answer. */
  | { kind: 'pending' }
  /** The week's requests are used up; the next may be made at `nextAt`. */
  | { kind: 'limited'; limit: number; nextAt: Date };

export type RequestResult = { kind: 'sent'; introductionId: number } | RequestRefusal | { kind: 'invalid'; length: number; min: number; max: number };

export type DecideResult =
  | { kind: 'accepted' | 'declined' | 'expired' }
  /** Decided before (a second press, or on another device). */
  | { kind: 'already'; status: 'accepted' | 'declined' | 'expired' }
  /** No such request, or not the presser's to decide: the same answer, so an id reveals nothing. */
  | { kind: 'not-found' };

/** One side of an introduction as its messages need it. */
export interface IntroductionParty {
  telegramId: number;
  name?: string;
  company?: string;
  country?: string;
  /** Their Telegram @username when they acted, if they have one. */
  username?: string;
  language: Language;
  /** The characters they write Chinese in, when traditional: what the bot sends them is in them too. */
  script?: 'traditional';
}

export interface IntroductionForDelivery {
  status: 'pending' | 'accepted' | 'declined' | 'expired';
  experienceId: number;
  reason: string;
  asker: IntroductionParty;
  contributor: IntroductionParty;
}

/** The reason as kept (whitespace folded into one line), or what to fix. */
export function checkReason(text: string): { reason: string } | { length: number; min: number; max: number } {
  const reason = text.replace(/\s+/gu, ' ').trim();
  const length = visibleLength(reason);
  return length < REASON_LIMITS.min || length > REASON_LIMITS.max ? { length, ...REASON_LIMITS } : { reason };
}

// The experience's contributor, when they are a member who takes introductions and not the viewer.
const CONTRIBUTOR_OFFERING = `SELECT c.id FROM experiences e JOIN members c ON c.id = e.contributor_member_id
  WHERE e.id = $1 AND e.status = 'published' AND c.consent_introductions AND c.forgotten_at IS NULL AND c.id <> $2`;

export type Introductions = ReturnType<typeof createIntroductions>;

/**
 * Introductions between a member and the contributor of an experience: offered only when the
 * contributor turned them on in /profile; the contributor sees the asker's name, company, country
 * and one line, and only their acceptance shares either side's Telegram contact. Every rule is
 * checked again in the transaction that acts, whatever front door asked.
 */
export function createIntroductions(db: Db) {
  /** Why `askerId` may not ask about `experienceId` now, read on `q`; undefined: they may. */
  async function refusal(q: Queryable, askerId: number, experienceId: number): Promise<RequestRefusal | undefined> {
    if ((await q.query(CONTRIBUTOR_OFFERING, [experienceId, askerId])).length === 0) return { kind: 'unavailable' };
    const pending = await q.query(
      `SELECT 1 FROM introductions WHERE asker_member_id = $1 AND experience_id = $2 AND status = 'pending' AND created_at > now() - ${EXPIRY}`,
      [askerId, experienceId],
    );
    if (pending.length > 0) return { kind: 'pending' };
    const recent = await q.query<{ created_at: Date | string }>(
      `SELECT created_at FROM introductions WHERE asker_member_id = $1 AND created_at > now() - ${WEEK} ORDER BY created_at LIMIT $2`,
      [askerId, INTRODUCTIONS_PER_WEEK],
    );
    if (recent.length >= INTRODUCTIONS_PER_WEEK) {
      return { kind: 'limited', limit: INTRODUCTIONS_PER_WEEK, nextAt: new Date(new Date(recent[0]!.created_at).getTime() + 7 * DAY_MS) };
    }
    return undefined;
  }

  return {
    /** Whether "connect me with this company" is shown to `viewerId` under `experienceId`. */
    async offered(viewerId: number, experienceId: number): Promise<boolean> {
      return (await db.query(CONTRIBUTOR_OFFERING, [experienceId, viewerId])).length > 0;
    },

    /** Before the asker writes their line: whether a request could be sent now. */
    check: (askerId: number, experienceId: number): Promise<RequestRefusal | undefined> => refusal(db, askerId, experienceId),

    /** Sends the request to the contributor (through the outbox), once per pending experience and within the week's limit. */
    request(input: { askerId: number; experienceId: number; reason: string; askerUsername?: string }): Promise<RequestResult> {
      const checked = checkReason(input.reason);
      if (!('reason' in checked)) return Promise.resolve({ kind: 'invalid', ...checked });
      return db.transaction(async (tx) => {
        // One request of a member at a time, so two at once cannot both pass the weekly count.
        if ((await tx.query('SELECT id FROM members WHERE id = $1 AND forgotten_at IS NULL FOR UPDATE', [input.askerId])).length === 0) {
          return { kind: 'unavailable' };
        }
        await tx.query(
          `UPDATE introductions SET status = 'expired', decided_at = now()
            WHERE asker_member_id = $1 AND experience_id = $2 AND status = 'pending' AND created_at <= now() - ${EXPIRY}`,
          [input.askerId, input.experienceId],
        );
        const refused = await refusal(tx, input.askerId, input.experienceId);
        if (refused) return refused;
        const [row] = await tx.query<{ id: string | number }>(
          `INSERT INTO introductions (asker_member_id, contributor_member_id, experience_id, reason, asker_username)
           SELECT $1, contributor_member_id, id, $3, $4 FROM experiences WHERE id = $2
           ON CONFLICT (asker_member_id, experience_id) WHERE status = 'pending' DO NOTHING
           RETURNING id`,
          [input.askerId, input.experienceId, checked.reason, input.askerUsername ?? null],
        );
        if (!row) return { kind: 'pending' };
        const introductionId = Number(row.id);
        await queueIntroductionMessage(tx, { introductionId, message: 'request' });
        await queueIntroductionMessage(tx, { introductionId, message: 'expired' }, INTRODUCTION_EXPIRY_DAYS * DAY_MS);
        return { kind: 'sent', introductionId };
      });
    },

    /** The contributor's answer; contacts are queued for both sides only on acceptance. */
    decide(input: { contributorId: number; introductionId: number; accept: boolean; contributorUsername?: string }): Promise<DecideResult> {
      return db.transaction(async (tx): Promise<DecideResult> => {
        const [row] = await tx.query<{ contributor_member_id: string | number; status: IntroductionForDelivery['status']; lapsed: boolean }>(
          `SELECT contributor_member_id, status, created_at <= now() - ${EXPIRY} AS lapsed FROM introductions WHERE id = $1 FOR UPDATE`,
          [input.introductionId],
        );
        if (!row || Number(row.contributor_member_id) !== input.contributorId) return { kind: 'not-found' };
        if (row.status !== 'pending') return { kind: 'already', status: row.status };
        const status = row.lapsed ? 'expired' : input.accept ? 'accepted' : 'declined';
        await tx.query(`UPDATE introductions SET status = $2, decided_at = now(), contributor_username = $3 WHERE id = $1`, [
          input.introductionId,
          status,
          status === 'accepted' ? (input.contributorUsername ?? null) : null,
        ]);
        const { introductionId } = input;
        if (status === 'accepted') {
          await queueIntroductionMessage(tx, { introductionId, message: 'contact-to-asker' });
          await queueIntroductionMessage(tx, { introductionId, message: 'contact-to-contributor' });
        } else if (status === 'declined') {
          await queueIntroductionMessage(tx, { introductionId, message: 'declined' });
        }
        return { kind: status };
      });
    },

    /** A pending request past its time becomes expired; returns its status afterwards (undefined: gone). */
    async lapse(introductionId: number): Promise<IntroductionForDelivery['status'] | undefined> {
      await db.query(
        `UPDATE introductions SET status = 'expired', decided_at = now() WHERE id = $1 AND status = 'pending' AND created_at <= now() - ${EXPIRY}`,
        [introductionId],
      );
      const [row] = await db.query<{ status: IntroductionForDelivery['status'] }>('SELECT status FROM introductions WHERE id = $1', [introductionId]);
      return row?.status;
    },

    /** Turns introductions to the member's experiences on or off (/profile). */
    async setConsent(memberId: number, on: boolean): Promise<void> {
      await db.query('UPDATE members SET consent_introductions = $2 WHERE id = $1 AND forgotten_at IS NULL', [memberId, on]);
    },

    /** Both sides as they are now; undefined when either has gone (/forget). */
    async forDelivery(introductionId: number): Promise<IntroductionForDelivery | undefined> {
      const side = (p: string) =>
        `${p}.telegram_id AS ${p}_telegram_id, ${p}.name AS ${p}_name, ${p}.company AS ${p}_company, ${p}.country AS ${p}_country,
         coalesce(${p}.language, ${p}.telegram_language) AS ${p}_language, ${p}.chinese_script AS ${p}_script`;
      const [row] = await db.query<Record<string, string | number | null>>(
        `SELECT i.status, i.experience_id, i.reason, i.asker_username AS a_username, i.contributor_username AS c_username, ${side('a')}, ${side('c')}
           FROM introductions i JOIN members a ON a.id = i.asker_member_id JOIN members c ON c.id = i.contributor_member_id
          WHERE i.id = $1 AND a.forgotten_at IS NULL AND c.forgotten_at IS NULL`,
        [introductionId],
      );
      if (!row) return undefined;
      const party = (p: string): IntroductionParty => {
        const text = (k: string) => (row[`${p}_${k}`] === null ? {} : { [k]: String(row[`${p}_${k}`]) });
        const language = row[`${p}_language`];
        return {
          telegramId: Number(row[`${p}_telegram_id`]),
          ...text('name'),
          ...text('company'),
          ...text('country'),
          ...text('username'),
          language: isLanguage(language) ? language : 'en',
          ...(row[`${p}_script`] === 'traditional' ? { script: 'traditional' as const } : {}),
        };
      };
      return {
        status: row.status as IntroductionForDelivery['status'],
        experienceId: Number(row.experience_id),
        reason: String(row.reason),
        asker: party('a'),
        contributor: party('c'),
      };
    },
  };
}
