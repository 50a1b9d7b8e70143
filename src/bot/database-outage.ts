import type { Api } from 'grammy';
import type { Update } from 'grammy/types';
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
}

export function createOutageNotice(translator: Translator, logger: Logger): OutageNotice {
  const told = new Set<number>();
  return {
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
