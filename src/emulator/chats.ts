import type { Chat, ChatMember, User, UserFromGetMe } from 'grammy/types';
import type { EmulatedUser } from './types.ts';

/** A group chat as the emulator plays it: a basic group, or a supergroup with or without topics. */
export type EmulatedGroup = Chat.GroupChat | Chat.SupergroupChat;

export interface NewGroup {
  title?: string;
  /** A supergroup by default, as most groups are today; `group` is a basic group. */
  type?: 'group' | 'supergroup';
  /** A supergroup with forum topics (messages carry message_thread_id). */
  forum?: boolean;
  /** The chat id (a supergroup's is -100 and ten digits), when the caller needs a known one; by default the next free one. */
  id?: number;
}

type Status = ChatMember['status'];

/**
 * Who is in which chat: the groups with their members and topics, the bot's own standing in
 * each (member of a group, or blocked by a member in private), and the users seen so far.
 * Telegram answers a bot about these; the emulator's state asks here.
 */
export class ChatDirectory {
  private readonly groups = new Map<number, EmulatedGroup>();
  private readonly membersOf = new Map<number, Map<number, Status>>();
  private readonly topicsOf = new Map<number, Set<number>>();
  private readonly blockedBy = new Set<number>();
  private readonly users = new Map<number, EmulatedUser>();
  private nextGroup = 1;

  constructor(private readonly bot: UserFromGetMe) {}

  /** A new group with the bot in it (as if someone had added it before the test began). */
  createGroup(options: NewGroup = {}): EmulatedGroup {
    const n = this.nextGroup++;
    const title = options.title ?? `Group ${n}`;
    // Telegram's ids: basic groups negative, supergroups -100 followed by ten digits.
    const group: EmulatedGroup =
      options.type === 'group'
        ? { id: options.id ?? -(4_000_000_000 + n), type: 'group', title }
        : { id: options.id ?? -(1_000_000_000_000 + n), type: 'supergroup', title, ...(options.forum ? { is_forum: true } : {}) };
    if (this.groups.has(group.id)) throw new Error(`chat ${group.id} exists already`);
    this.groups.set(group.id, group);
    this.membersOf.set(group.id, new Map([[this.bot.id, 'member']]));
    if (options.forum) this.topicsOf.set(group.id, new Set());
    return group;
  }

  /** Remembers a chat seen in an update made by hand, so answers in it carry its kind. */
  learn(chat: Chat): void {
    if ((chat.type === 'group' || chat.type === 'supergroup') && !this.groups.has(chat.id)) {
      this.groups.set(chat.id, chat);
      this.membersOf.set(chat.id, new Map([[this.bot.id, 'member']]));
    }
  }

  /** The chat with this id: a known group, else a user's private chat with the bot. */
  chat(id: number): Chat {
    const group = this.groups.get(id);
    if (group) return group;
    return { id, type: 'private', first_name: this.users.get(id)?.first_name ?? 'user' };
  }

  isGroup(id: number): boolean {
    return this.groups.has(id);
  }

  user(id: number): User {
    const u = this.users.get(id);
    return u ? { ...u, is_bot: false } : { id, is_bot: false, first_name: 'user' };
  }

  seen(user: EmulatedUser): void {
    this.users.set(user.id, user);
  }

  status(chatId: number, userId: number): Status {
    if (!this.groups.has(chatId)) return userId === this.bot.id && this.blockedBy.has(chatId) ? 'kicked' : 'member';
    return this.membersOf.get(chatId)?.get(userId) ?? 'left';
  }

  /** Sets a member's status in a group; returns the old one. */
  setStatus(chatId: number, userId: number, status: Status): Status {
    const old = this.status(chatId, userId);
    this.membersOf.get(chatId)?.set(userId, status);
    return old;
  }

  /** Records that `user` blocked (or unblocked) the bot; returns whether it changed. */
  setBlocked(userId: number, blocked: boolean): boolean {
    if (this.blockedBy.has(userId) === blocked) return false;
    if (blocked) this.blockedBy.add(userId);
    else this.blockedBy.delete(userId);
    return true;
  }

  isBlockedBy(userId: number): boolean {
    return this.blockedBy.has(userId);
  }

  /** Whether the bot may post in this chat, and Telegram's refusal when not. */
  refusal(chatId: number): string | undefined {
    if (this.blockedBy.has(chatId)) return 'Forbidden: bot was blocked by the user';
    const group = this.groups.get(chatId);
    if (group && !isIn(this.status(chatId, this.bot.id)))
      return `Forbidden: bot is not a member of the ${group.type === 'supergroup' ? 'supergroup ' : 'group '}chat`;
    return undefined;
  }

  addTopic(groupId: number, threadId: number): void {
    const topics = this.topicsOf.get(groupId);
    if (!topics) throw new Error(`chat ${groupId} is not a forum: create it with { forum: true }`);
    topics.add(threadId);
  }

  /** A thread id the bot may post in: a topic of a forum (Telegram refuses others). */
  hasTopic(groupId: number, threadId: number): boolean {
    return this.topicsOf.get(groupId)?.has(threadId) ?? false;
  }

  isForum(groupId: number): boolean {
    return this.topicsOf.has(groupId);
  }
}

/** A status that lets its holder read and (unless restricted) write in the chat. */
export function isIn(status: Status): boolean {
  return status === 'member' || status === 'administrator' || status === 'creator' || status === 'restricted';
}
