import type { Api } from 'grammy';
import type { Update } from 'grammy/types';
import { releaseUpdateClaims } from '../community/update-claims.ts';
import type { Queryable } from '../db/db.ts';
import type { Translator } from '../i18n.ts';
import type { Logger } from '../log.ts';
import { describeError } from './errors.ts';
import { languageFromTelegram } from './i18n.ts';

/**
 * While the database does not answer, members who write are told once that their answer will
 * come (their update is kept: long polling fetches it again, a webhook call is retried). The
 * message goes straight through the Bot API, in Telegram's language of the member, since their
 * settings are in the unreachable database.
 */
export interface OutageNotice {
  /** Tells the sender of `update` (a message in a private chat) that the answer will come, once per member per outage. */
  tell(api: Api, update: Update): Promise<void>;
  /** The database answers again: the next outage tells everyone again. */
  over(): void;
  /**
   * Remembers an update whose handling failed because the database did not answer: its claim
   * may have been recorded all the same (sent on a link whose answer never came back), though
   * nothing else of it was done.
   */
  unsure(updateId: number): void;
  isUnsure(updateId: number): boolean;
  /** Releases the claims of these unsure updates (all when none are named), so their next delivery is handled. Throws while the database does not answer. */
  release(updateIds?: number[]): Promise<void>;
}

export function createOutageNotice(translator: Translator, logger: Logger, db: Pick<Queryable, 'query'>): OutageNotice {
  const told = new Set<number>();
  const unsure = new Set<number>();
  return {
    unsure: (updateId) => void unsure.add(updateId),
    isUnsure: (updateId) => unsure.has(updateId),
    async release(updateIds = [...unsure]) {
      const ids = updateIds.filter((id) => unsure.has(id));
      await releaseUpdateClaims(db, ids);
      for (const id of ids) unsure.delete(id);
    },
    async tell(api, update) {
      const message = update.message;
      const from = message?.from;
      if (!message || !from || from.is_bot || message.chat.type !== 'private' || told.has(from.id)) return;
      told.add(from.id);
      try {
        await api.sendMessage(message.chat.id, translator.t(languageFromTelegram(from.language_code), 'bot-answer-will-come'));
      } catch (error) {
        told.delete(from.id);
        logger.warn(describeError(error), 'could not tell a member that their answer will come');
      }
    },
    over() {
      told.clear();
    },
  };
}
