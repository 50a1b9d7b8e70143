import type { Context } from 'grammy';
import type { ConversationFlavor } from '@grammyjs/conversations';
import type { App } from '../app.ts';
import type { Language } from '../text/language.ts';
import type { Member } from '../community/index.ts';
import type { HandledUpdate } from '../community/update-claims.ts';
import type { Logger } from '../log.ts';
import type { TranslationFlavor } from './i18n.ts';

/** The parts of the application the bot uses. The whole App satisfies it. */
export type BotApp = Pick<App, 'config' | 'logger' | 'db' | 'answering' | 'asking' | 'experiences' | 'community' | 'translator'> & Partial<App>;

/** Everything the bot's features are given; nothing reaches for a global. */
export interface BotDeps {
  app: BotApp;
  /** The Bot API server the bot talks to (files are downloaded from it); Telegram's when absent. */
  telegramApiRoot?: string;
}

/** What our middleware adds to every update's context, before any feature runs. */
export interface BotContextExtras {
  /** Child logger carrying update_id and chat_id. */
  log: Logger;
  /** The member behind ctx.from (absent for updates without a sender). */
  member?: Member;
  /** The language this update is answered in: the member's choice, else Telegram's. */
  locale: Language;
  /** Traditional: the member writes Chinese in traditional characters, and the bot's Chinese words to them are in them too (see ctx.t). */
  script?: 'traditional';
  /** For a use case that marks this update handled in its own statement (the ask use case), sparing intake's. */
  handledUpdate?: HandledUpdate;
}

/** Context of every handler outside conversations. */
export type BotContext = ConversationFlavor<Context & TranslationFlavor & BotContextExtras>;
