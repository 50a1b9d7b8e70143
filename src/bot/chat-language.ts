import type { Queryable } from '../db/db.ts';
import { isLanguage, type Language } from '../text/language.ts';

// A group's chosen language, else (a private chat) its member's — chosen, else their Telegram app's —, else English.
const CHAT_LANGUAGE = `SELECT coalesce((SELECT settings->>'language' FROM chats WHERE chat_id = $1),
                                (SELECT coalesce(language, telegram_language) FROM members WHERE telegram_id = $1)) AS language`;

/** The language the bot writes in, in a chat it posts to on its own (a review card in the staff chat). */
export async function chatLanguage(db: Queryable, chatId: number): Promise<Language> {
  const [row] = await db.query<{ language: string | null }>(CHAT_LANGUAGE, [chatId]);
  return isLanguage(row?.language) ? row.language : 'en';
}
