import type { Queryable } from '../db/db.ts';
import { LANGUAGES, type Language } from '../text/language.ts';
import { createRateLimits, type RateLimitResult } from './rate-limits.ts';
import { actorByTelegramId } from './staff.ts';

/** A group chat as the bot serves it, read from the database at each call (another process may have changed it). */
export interface GroupStanding {
  /** In ALLOWED_CHAT_IDS, or allowed by an admin of the bot with /allow (or by adding the bot). */
  allowed: boolean;
  /** The group's admins switch answering off and on with /settings; on unless switched off. */
  answering: boolean;
  /** The language the group's admins chose for the bot's own words there; undefined: each asker's. */
  language?: Language;
}

export interface GroupChat {
  chatId: number;
  kind: 'group' | 'supergroup';
  title?: string;
}

export type AllowResult = { kind: 'done'; allowed: boolean } | { kind: 'forbidden' };

export type GroupAsk =
  { kind: 'ignored'; reason: 'not-allowed' | 'answering-off' } | { kind: 'rate-limited'; limit: RateLimitResult; notify: boolean } | { kind: 'go' };

export type Groups = ReturnType<typeof createGroups>;

interface ChatRow {
  allowed: boolean;
  settings: { answering?: boolean; language?: string } | null;
}

const UPSERT_ALLOWED = `INSERT INTO chats (chat_id, kind, title, allowed) VALUES ($1, $2, $3, $4)
  ON CONFLICT (chat_id) DO UPDATE SET allowed = EXCLUDED.allowed, title = COALESCE(EXCLUDED.title, chats.title)`;

const UPSERT_SETTING = `INSERT INTO chats (chat_id, kind, title, settings) VALUES ($1, $2, $3, $4::jsonb)
  ON CONFLICT (chat_id) DO UPDATE SET settings = chats.settings || EXCLUDED.settings`;

/**
 * The bot in members' group chats: which groups it may serve (ALLOWED_CHAT_IDS, or an admin of
 * the bot's /allow), each group's settings (its own admins', checked with Telegram by the
 * caller), and the questions one group may ask a minute, counted in the database so every
 * process shares the count.
 */
export function createGroups(db: Queryable, options: { allowedChatIds: readonly number[]; limitPerMinute: number; staffChatId?: number }) {
  const configured = new Set(options.allowedChatIds);
  const rateLimits = createRateLimits(db);

  async function standing(chatId: number): Promise<GroupStanding> {
    const [row] = await db.query<ChatRow>('SELECT allowed, settings FROM chats WHERE chat_id = $1', [chatId]);
    const language = LANGUAGES.find((l) => l === row?.settings?.language);
    return {
      allowed: configured.has(chatId) || row?.allowed === true,
      answering: row?.settings?.answering !== false,
      ...(language ? { language } : {}),
    };
  }

  /** Whether this Telegram user is an admin of the bot right now (members.role, read at this moment). */
  async function isBotAdmin(telegramId: number): Promise<boolean> {
    return (await actorByTelegramId(db, telegramId))?.role === 'admin';
  }

  async function setAllowed(chat: GroupChat, allowed: boolean): Promise<void> {
    await db.query(UPSERT_ALLOWED, [chat.chatId, chat.kind, chat.title ?? null, allowed]);
  }

  return {
    standing,

    /** /allow or /disallow, sent in the group by `byTelegramId`: only an admin of the bot may. */
    async setAllowed(chat: GroupChat, allowed: boolean, byTelegramId: number): Promise<AllowResult> {
      if (!(await isBotAdmin(byTelegramId))) return { kind: 'forbidden' };
      await setAllowed(chat, allowed);
      return { kind: 'done', allowed: allowed || configured.has(chat.chatId) };
    },

    /**
     * The bot was added to a group by `byTelegramId`: an admin of the bot adding it allows the
     * group; otherwise it stays as it was. Says whether the bot may stay (in the staff chat, always).
     */
    async botAdded(chat: GroupChat, byTelegramId: number | undefined): Promise<{ allowed: boolean }> {
      // The staff chat is the bot's own (review cards, the digest): it stays, answering only if allowed too.
      if (chat.chatId === options.staffChatId || (await standing(chat.chatId)).allowed) return { allowed: true };
      if (byTelegramId !== undefined && (await isBotAdmin(byTelegramId))) {
        await setAllowed(chat, true);
        return { allowed: true };
      }
      return { allowed: false };
    },

    /** The group's language for the bot's own words (the caller checked the presser is a group admin). */
    async setLanguage(chat: GroupChat, language: Language): Promise<GroupStanding> {
      await db.query(UPSERT_SETTING, [chat.chatId, chat.kind, chat.title ?? null, JSON.stringify({ language })]);
      return standing(chat.chatId);
    },

    /** Switches answering on or off in the group (the caller checked the presser is a group admin). */
    async setAnswering(chat: GroupChat, answering: boolean): Promise<GroupStanding> {
      await db.query(UPSERT_SETTING, [chat.chatId, chat.kind, chat.title ?? null, JSON.stringify({ answering })]);
      return standing(chat.chatId);
    },

    /**
     * A question addressed to the bot in a group: ignored where the bot may not answer, refused
     * past the group's limit (`notify` on the first refusal of the window only), else counted.
     */
    async admit(chatId: number): Promise<GroupAsk> {
      const now = await standing(chatId);
      if (!now.allowed) return { kind: 'ignored', reason: 'not-allowed' };
      if (!now.answering) return { kind: 'ignored', reason: 'answering-off' };
      const limit = await rateLimits.hit(`group:${chatId}`, options.limitPerMinute);
      if (!limit.allowed) return { kind: 'rate-limited', limit, notify: limit.firstRefused };
      return { kind: 'go' };
    },
  };
}
