import type { Api } from 'grammy';
import { LANGUAGES, type Language } from '../text/language.ts';
import type { Translator } from '../i18n.ts';

/** The commands shown in Telegram's menu, in the order shown. */
export const COMMANDS = ['start', 'help', 'language', 'profile', 'share', 'my', 'privacy', 'forget'] as const;

export function commandList(translator: Translator, language: Language): { command: string; description: string }[] {
  return COMMANDS.map((command) => ({ command, description: translator.t(language, `bot-command-${command}`) }));
}

/**
 * Registers the command menu in each language (Telegram picks the list by the two-letter
 * language code of the user's app) and an English default for everyone else.
 */
export async function registerCommands(api: Api, translator: Translator): Promise<void> {
  await api.setMyCommands(commandList(translator, 'en'));
  for (const language of LANGUAGES) {
    await api.setMyCommands(commandList(translator, language), { language_code: language });
  }
}
