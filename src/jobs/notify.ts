import type { Queryable } from '../db/db.ts';
import { enqueueJob } from './queue.ts';

/** Who a message is for: a member (in their language), or a chat (a group, in its language). */
export type Recipient = { memberId: number } | { chatId: number };

/** Plain values for the message's placeables; the sender escapes them for Telegram. */
export type MessageValues = Record<string, string | number>;

/**
 * A message is tried until it is delivered or its sender gives up by its age
 * (DELIVERY_GIVE_UP_AFTER), not after a number of tries: Telegram may be unwell for an hour.
 */
export const MESSAGE_MAX_ATTEMPTS = 100_000;

/**
 * Queues a message job of `kind` on `within` (the caller's transaction); returns its id. Messages
 * with the same `sequenceKey` (one chat's) are sent in the order they were queued.
 */
export async function queueMessage(within: Queryable, kind: string, payload: Record<string, unknown>, sequenceKey?: string): Promise<number> {
  return (await enqueueJob(within, { kind, payload, maxAttempts: MESSAGE_MAX_ATTEMPTS, ...(sequenceKey !== undefined ? { sequenceKey } : {}) }))!;
}

/** The job kind of a message waiting to be sent (served by src/bot/outbox-sender.ts). */
export const OUTBOUND_MESSAGE = 'outbound-message';

export interface OutboundMessage {
  recipient: Recipient;
  /** A key of the locale files (locales/<lang>/*.ftl). */
  messageKey: string;
  values: MessageValues;
}

export interface Notifier {
  /**
   * Queues a message for `recipient` on `within` — the caller's transaction, so the message
   * goes out exactly when the action that caused it commits (default: on its own).
   */
  notify(recipient: Recipient, messageKey: string, values?: MessageValues, within?: Queryable): Promise<void>;
}

/** The domain's way to tell someone something, knowing nothing of Telegram. */
export function createNotifier(db: Queryable): Notifier {
  return {
    async notify(recipient, messageKey, values = {}, within = db) {
      const message: OutboundMessage = { recipient, messageKey, values };
      await queueMessage(within, OUTBOUND_MESSAGE, { ...message });
    },
  };
}
