import type { InlineKeyboardMarkup, Update, UserFromGetMe } from 'grammy/types';

/** A Telegram user as the emulator plays them. */
export interface EmulatedUser {
  id: number;
  first_name: string;
  last_name?: string;
  username?: string;
  language_code?: string;
}

/** A message in an emulated chat, as it currently stands (edits applied). */
export interface ChatMessage {
  message_id: number;
  chat_id: number;
  /** Who wrote it: the bot or a user id. */
  from: 'bot' | number;
  /** Visible text (HTML parsed away), as a Telegram client shows it. */
  text: string;
  /** The text as sent, markup included. */
  raw: string;
  parse_mode?: string;
  reply_markup?: InlineKeyboardMarkup;
  reply_to_message_id?: number;
  /** The forum topic it is in. */
  message_thread_id?: number;
  /** A member's message's other fields (voice, audio, photo…), as a reply to it carries them. */
  extra?: Record<string, unknown>;
  date: number;
  edited: boolean;
  deleted: boolean;
}

/** Something the bot did, in the order the emulator received it. */
export type BotAction =
  | { kind: 'message'; message: ChatMessage }
  | { kind: 'edit'; message: ChatMessage }
  | { kind: 'delete'; chat_id: number; message_id: number }
  | { kind: 'callback_answer'; callback_query_id: string; text?: string; show_alert?: boolean }
  | { kind: 'chat_action'; chat_id: number; action: string };

export interface ApiCall {
  method: string;
  params: Record<string, unknown>;
  /** When the call arrived (Date.now()). */
  at: number;
}

export type NewUpdate = Omit<Update, 'update_id'> & { update_id?: number };

export const DEFAULT_BOT_INFO: UserFromGetMe = {
  id: 7_000_000_001,
  is_bot: true,
  first_name: 'SME Bridge',
  username: 'sme_bridge_bot',
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
  can_manage_bots: false,
  supports_join_request_queries: false,
};
