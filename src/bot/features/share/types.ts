// Provisional local types until the bot engineer's BotDeps/BotContext land; reconcile then.
import type { Context } from 'grammy';
import type { I18nFlavor } from '@grammyjs/i18n';
import type { ConversationFlavor } from '@grammyjs/conversations';

export type BotContext = ConversationFlavor<Context & I18nFlavor>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type BotDeps = { app: any };
