import type { Api } from 'grammy';
import type { BotCommandScope } from 'grammy/types';
import { LANGUAGES, type Language } from '../text/language.ts';
import type { Translator } from '../i18n.ts';
import type { Logger } from '../log.ts';

/** The commands shown in Telegram's menu, in the order shown. */
export const COMMANDS = ['start', 'help', 'language', 'profile', 'share', 'my', 'open', 'privacy', 'forget'] as const;

/** The commands shown in group chats' menus: asking, keeping a valuable message, the group admins' settings, and how it all works there. */
export const GROUP_COMMANDS = ['ask', 'save', 'settings', 'help'] as const;

/**
 * The staff chat's own menu (Telegram shows it instead of the groups'): the review queue, the
 * questions put to the community, and /settings, where the chat's language is chosen (the cards
 * are in English until then), with /help saying so.
 */
export const STAFF_CHAT_COMMANDS = ['review', 'open', 'close', 'settings', 'help'] as const;

export function commandList(translator: Translator, language: Language, commands: readonly string[] = COMMANDS): { command: string; description: string }[] {
  return commands.map((command) => ({ command, description: translator.t(language, `bot-command-${command}`) }));
}

/**
 * Registers the command menu in each language (Telegram picks the list by the two-letter
 * language code of the user's app) and an English default for everyone else; group chats get
 * their own short menu, and the staff chat (when there is one) the staff's.
 */
export async function registerCommands(api: Api, translator: Translator, staff?: { chatId: number; logger: Logger }): Promise<void> {
  const menu = async (commands: readonly string[], scope?: BotCommandScope) => {
    await api.setMyCommands(commandList(translator, 'en', commands), scope ? { scope } : {});
    for (const language of LANGUAGES)
      await api.setMyCommands(commandList(translator, language, commands), { ...(scope ? { scope } : {}), language_code: language });
  };
  await menu(COMMANDS);
  await menu(GROUP_COMMANDS, { type: 'all_group_chats' });
  if (!staff) return;
  // A STAFF_CHAT_ID the bot is not in is refused by Telegram: the bot still runs, staff type the commands.
  try {
    await menu(STAFF_CHAT_COMMANDS, { type: 'chat', chat_id: staff.chatId });
  } catch (err) {
    staff.logger.warn({ err }, 'the staff chat’s command menu could not be set: is the bot in STAFF_CHAT_ID?');
  }
}
