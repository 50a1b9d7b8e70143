import type { Api } from 'grammy';
import { LANGUAGES, type Language } from '../text/language.ts';
import type { Translator } from '../i18n.ts';

/** The commands shown in Telegram's menu, in the order shown. */
export const COMMANDS = ['start', 'help', 'language', 'profile', 'share', 'my', 'privacy', 'forget'] as const;

/** The commands shown in group chats' menus: asking, and the group admins' settings. */
export const GROUP_COMMANDS = ['ask', 'settings'] as const;

export function commandList(translator: Translator, language: Language, commands: readonly string[] = COMMANDS): { command: string; description: string }[] {
  return commands.map((command) => ({ command, description: translator.t(language, `bot-command-${command}`) }));
}

/**
 * Registers the command menu in each language (Telegram picks the list by the two-letter
 * language code of the user's app) and an English default for everyone else; group chats get
 * their own short menu.
 */
export async function registerCommands(api: Api, translator: Translator): Promise<void> {
  await api.setMyCommands(commandList(translator, 'en'));
  for (const language of LANGUAGES) {
    await api.setMyCommands(commandList(translator, language), { language_code: language });
  }
  const groups = { type: 'all_group_chats' } as const;
  await api.setMyCommands(commandList(translator, 'en', GROUP_COMMANDS), { scope: groups });
  for (const language of LANGUAGES) {
    await api.setMyCommands(commandList(translator, language, GROUP_COMMANDS), { scope: groups, language_code: language });
  }
}
