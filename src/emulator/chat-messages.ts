import type { Message, UserFromGetMe } from 'grammy/types';
import { ApiError } from './api-error.ts';
import type { ChatDirectory } from './chats.ts';
import type { ChatMessage } from './types.ts';

/** A message as its sender gives it; the log numbers, dates and flags it. */
export type NewChatMessage = Omit<ChatMessage, 'message_id' | 'date' | 'edited' | 'deleted'>;

/**
 * Every chat's messages, members' and the bot's, as they stand (edits applied), numbered per
 * chat as Telegram does; and each as the Bot API shows it in an update or an answer.
 */
export class ChatMessages {
  private readonly chats = new Map<number, ChatMessage[]>();
  /** Per chat, the message_id of its first message kept (older ones dropped from a snapshot); 1 otherwise. */
  private readonly firstIds = new Map<number, number>();

  constructor(
    private readonly botInfo: UserFromGetMe,
    private readonly directory: ChatDirectory,
  ) {}

  /** The chat's messages, oldest first: the live list, deleted ones flagged. */
  of(chatId: number): ChatMessage[] {
    return this.chats.get(chatId) ?? [];
  }

  /** Whether anything was ever written in this chat (Telegram knows a private chat from then on). */
  has(chatId: number): boolean {
    return this.chats.has(chatId);
  }

  add(m: NewChatMessage): ChatMessage {
    const list = this.chats.get(m.chat_id) ?? [];
    this.chats.set(m.chat_id, list);
    const messageId = (this.firstIds.get(m.chat_id) ?? 1) + list.length;
    const stored: ChatMessage = { ...m, message_id: messageId, date: Math.floor(Date.now() / 1000), edited: false, deleted: false };
    list.push(stored);
    return stored;
  }

  /** A message still there; Telegram's refusal otherwise. */
  find(chatId: number, messageId: number): ChatMessage {
    const m = this.chats.get(chatId)?.[messageId - (this.firstIds.get(chatId) ?? 1)];
    if (!m || m.deleted) throw new ApiError(400, 'Bad Request: message to edit not found');
    return m;
  }

  /** The latest `perChat` messages of every chat, for `restore` in an emulator started later. */
  snapshot(perChat: number): ChatMessage[] {
    return [...this.chats.values()].flatMap((list) => list.slice(-perChat));
  }

  /**
   * Gives the chats back their messages from a snapshot, as Telegram keeps a chat's history: the
   * next message in each chat is numbered after its last, so ids the bot stored stay its own.
   */
  restore(messages: readonly ChatMessage[]): void {
    for (const m of [...messages].sort((a, b) => a.message_id - b.message_id)) {
      const list = this.chats.get(m.chat_id) ?? [];
      if (list.length === 0) {
        this.chats.set(m.chat_id, list);
        this.firstIds.set(m.chat_id, m.message_id);
      }
      // A gap (a snapshot of another shape) is not filled: the numbering follows the list.
      if (m.message_id === (this.firstIds.get(m.chat_id) ?? 1) + list.length) list.push({ ...m });
    }
  }

  /** The message as the Bot API shows it, with its chat and sender. */
  asMessage(m: ChatMessage): Message {
    const from = m.from === 'bot' ? this.botInfo : this.directory.user(m.from);
    return {
      message_id: m.message_id,
      date: m.date,
      chat: this.directory.chat(m.chat_id),
      from,
      // A voice note or a photo has no text, but what it carries (kept from when it was sent).
      ...(m.text !== '' ? { text: m.text } : {}),
      ...m.extra,
      ...(m.message_thread_id !== undefined ? { message_thread_id: m.message_thread_id, is_topic_message: true } : {}),
      ...(m.reply_markup ? { reply_markup: m.reply_markup } : {}),
    } as Message;
  }
}
