import type { Queryable } from '../db/db.ts';
import { isLanguage, LANGUAGES, type Language } from '../text/language.ts';
import type { TranslationArgs, Translator } from '../i18n.ts';

// A group's chosen language, else (a private chat) its member's — chosen, else their Telegram app's —, else English;
// and, in a private chat, the characters its member writes Chinese in.
const CHAT_READER = `SELECT coalesce((SELECT settings->>'language' FROM chats WHERE chat_id = $1),
                                (SELECT coalesce(language, telegram_language) FROM members WHERE telegram_id = $1)) AS language,
                            (SELECT chinese_script FROM members WHERE telegram_id = $1) AS script`;

/**
 * How the bot writes, in a chat it posts to on its own: the language (a review card in the staff
 * chat), and in a private chat the characters its member writes Chinese in (for wordsFor).
 */
export async function chatReader(db: Queryable, chatId: number): Promise<{ language: Language; script?: 'traditional' }> {
  const [row] = await db.query<{ language: string | null; script: string | null }>(CHAT_READER, [chatId]);
  return { language: isLanguage(row?.language) ? row.language : 'en', ...(row?.script === 'traditional' ? { script: 'traditional' as const } : {}) };
}

/** The language the bot writes in, in a chat it posts to on its own (see chatReader). */
export async function chatLanguage(db: Queryable, chatId: number): Promise<Language> {
  return (await chatReader(db, chatId)).language;
}

/** The language a group's admins chose with /settings; undefined while nobody has (the bot then posts there in English). */
async function chosenChatLanguage(db: Queryable, chatId: number): Promise<Language | undefined> {
  const [row] = await db.query<{ language: string | null }>(`SELECT settings->>'language' AS language FROM chats WHERE chat_id = $1`, [chatId]);
  return isLanguage(row?.language) ? row.language : undefined;
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
