import type { Queryable } from '../db/db.ts';
import { isLanguage, LANGUAGES, type Language } from '../text/language.ts';
import type { TranslationArgs, Translator } from '../i18n.ts';

// A group's chosen language, else (a private chat) its member's — chosen, else their Telegram app's —, else English.
const CHAT_LANGUAGE = `SELECT coalesce((SELECT settings->>'language' FROM chats WHERE chat_id = $1),
                                (SELECT coalesce(language, telegram_language) FROM members WHERE telegram_id = $1)) AS language`;

/** The language the bot writes in, in a chat it posts to on its own (a review card in the staff chat). */
export async function chatLanguage(db: Queryable, chatId: number): Promise<Language> {
  const [row] = await db.query<{ language: string | null }>(CHAT_LANGUAGE, [chatId]);
  return isLanguage(row?.language) ? row.language : 'en';
}

/** The language a group's admins chose with /settings; undefined while nobody has (the bot then posts there in English). */
async function chosenChatLanguage(db: Queryable, chatId: number): Promise<Language | undefined> {
  const [row] = await db.query<{ language: string | null }>(`SELECT settings->>'language' AS language FROM chats WHERE chat_id = $1`, [chatId]);
  return isLanguage(row?.language) ? row.language : undefined;
}

/**
 * The characters the member behind a private chat writes Chinese in (members.chinese_script),
 * for what the bot sends them on its own (wordsFor): traditional, else undefined.
 */
export async function memberScript(db: Queryable, telegramId: number): Promise<'traditional' | undefined> {
  const [row] = await db.query<{ script: string | null }>(`SELECT chinese_script AS script FROM members WHERE telegram_id = $1`, [telegramId]);
  return row?.script === 'traditional' ? 'traditional' : undefined;
}

/**
 * The language of what the bot posts on its own in a chat, and whether to say under it how to
 * change it: in a group whose admins never chose one (English then), a Persian or Chinese reader
 * would otherwise never learn that /settings can.
 */
export async function postingLanguage(db: Queryable, chatId: number): Promise<{ language: Language; unchosen: boolean }> {
  const isGroup = chatId < 0;
  if (isGroup) {
    const chosen = await chosenChatLanguage(db, chatId);
    return { language: chosen ?? 'en', unchosen: chosen === undefined };
  }
  return { language: await chatLanguage(db, chatId), unchosen: false };
}

/**
 * How to have the bot's posts in each other language, said in that language, one line each: under
 * what it posts in a group whose admins never chose one (see postingLanguage). `key` words it for
 * what is posted (review cards, or any other post).
 */
export function languageHint(translator: Translator, postedIn: Language, key = 'group-posts-language-hint'): string {
  return LANGUAGES.filter((l) => l !== postedIn)
    .map((l) => translator.t(l, key))
    .join('\n');
}

/**
 * The bot's words in its replies in a group (its help, /open, /cancel, /save, group settings): in
 * the language its admins chose with /settings, else the sender's own words (`senderWords`, ctx.t:
 * their language, in the Chinese characters they write), as a private chat's.
 */
export function groupReplyWords(
  translator: Translator,
  chosen: Language | undefined,
  senderWords: (key: string, args?: TranslationArgs) => string,
): (key: string, args?: TranslationArgs) => string {
  return chosen ? (key, args) => translator.t(chosen, key, args) : senderWords;
}
