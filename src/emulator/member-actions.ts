import type { Chat, ChatMember, Message, Update, User, UserFromGetMe } from 'grammy/types';
import type { ChatMessages } from './chat-messages.ts';
import { isIn, type ChatDirectory, type EmulatedGroup } from './chats.ts';
import type { EmulatedUser, NewUpdate } from './types.ts';

type Status = ChatMember['status'];

/** Where a member's message goes and what else it carries: see EmulatorState.userMessage. */
export interface UserMessageOptions {
  replyTo?: number;
  extra?: Partial<Message>;
  group?: EmulatedGroup;
  threadId?: number;
}

/**
 * What members do, as the updates Telegram makes of it: they write (in private, in a group, in
 * a forum topic), press buttons, join groups, add, remove or block the bot.
 */
export class MemberActions {
  private nextCallbackId = 1;

  constructor(
    private readonly botInfo: UserFromGetMe,
    private readonly directory: ChatDirectory,
    private readonly messages: ChatMessages,
    private readonly inject: (update: NewUpdate) => Update,
  ) {}

  userMessage(user: EmulatedUser, text: string, options: UserMessageOptions = {}): Update {
    this.directory.seen(user);
    const { group, threadId } = options;
    const chatId = group?.id ?? user.id;
    if (group && !isIn(this.directory.status(group.id, user.id))) throw new Error(`user ${user.id} is not a member of group ${group.id}: joinGroup first`);
    if (group && !isIn(this.directory.status(group.id, this.botInfo.id)))
      throw new Error(`the bot is not in group ${group.id}: Telegram would not tell it about this message`);
    if (threadId !== undefined && (!group || !this.directory.hasTopic(group.id, threadId)))
      throw new Error(`no topic ${threadId} in chat ${chatId}: createTopic first`);
    if (!group && this.directory.setBlocked(user.id, false))
      this.memberUpdate('my_chat_member', this.directory.chat(user.id), user, this.botInfo, 'kicked', 'member');
    const stored = this.messages.add({
      chat_id: chatId,
      from: user.id,
      text,
      raw: text,
      ...(options.replyTo ? { reply_to_message_id: options.replyTo } : {}),
      ...(threadId !== undefined ? { message_thread_id: threadId } : {}),
      ...(options.extra ? { extra: options.extra } : {}),
    });
    const command = /^\/[A-Za-z0-9_]+(@\w+)?/.exec(text);
    const message = {
      ...this.messages.asMessage(stored),
      ...(command ? { entities: [{ type: 'bot_command', offset: 0, length: command[0].length }] } : {}),
      ...(options.replyTo ? { reply_to_message: this.messages.asMessage(this.messages.find(chatId, options.replyTo)) } : {}),
      ...options.extra,
    } as Message & Update.NonChannel;
    if (!text) delete (message as { text?: string }).text;
    return this.inject({ message });
  }

  createTopic(group: EmulatedGroup, name: string, by: EmulatedUser): number {
    this.directory.seen(by);
    const created = this.messages.add({ chat_id: group.id, from: by.id, text: name, raw: name });
    this.directory.addTopic(group.id, created.message_id);
    return created.message_id;
  }

  joinGroup(group: EmulatedGroup, user: EmulatedUser): Update | undefined {
    this.directory.seen(user);
    const old = this.directory.setStatus(group.id, user.id, 'member');
    return isIn(old) ? undefined : this.memberUpdate('chat_member', group, user, { ...user, is_bot: false }, old, 'member');
  }

  addBot(group: EmulatedGroup, by: EmulatedUser): Update {
    this.directory.seen(by);
    return this.memberUpdate('my_chat_member', group, by, this.botInfo, this.directory.setStatus(group.id, this.botInfo.id, 'member'), 'member');
  }

  removeBot(group: EmulatedGroup, by: EmulatedUser): Update {
    this.directory.seen(by);
    return this.memberUpdate('my_chat_member', group, by, this.botInfo, this.directory.setStatus(group.id, this.botInfo.id, 'kicked'), 'kicked');
  }

  blockBot(user: EmulatedUser): Update | undefined {
    this.directory.seen(user);
    if (!this.directory.setBlocked(user.id, true)) return undefined;
    return this.memberUpdate('my_chat_member', this.directory.chat(user.id), user, this.botInfo, 'member', 'kicked');
  }

  press(user: EmulatedUser, chatId: number, messageId: number, data: string): Update {
    const message = this.messages.find(chatId, messageId);
    return this.inject({
      callback_query: {
        id: String(this.nextCallbackId++),
        from: { ...user, is_bot: false },
        chat_instance: String(chatId),
        message: this.messages.asMessage(message) as Message & Update.NonChannel,
        data,
      },
    });
  }

  private memberUpdate(kind: 'my_chat_member' | 'chat_member', chat: Chat, by: EmulatedUser, subject: User, old: Status, now: Status): Update {
    const as = (status: Status) => ({ status, user: { ...subject }, ...(status === 'kicked' ? { until_date: 0 } : {}) }) as ChatMember;
    const change = { chat, from: { ...by, is_bot: false }, date: Math.floor(Date.now() / 1000), old_chat_member: as(old), new_chat_member: as(now) };
    return this.inject(kind === 'my_chat_member' ? { my_chat_member: change } : { chat_member: change });
  }
}
