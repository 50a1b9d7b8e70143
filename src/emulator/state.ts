import type { Update, UserFromGetMe } from 'grammy/types';
import type { ApiError } from './api-error.ts';
import { BotMethods } from './bot-methods.ts';
import { BotPosts } from './bot-posts.ts';
import { ChatMessages } from './chat-messages.ts';
import { ChatDirectory, type EmulatedGroup, type NewGroup } from './chats.ts';
import { FaultPlan } from './faults.ts';
import { FileStore } from './files.ts';
import { MemberActions, type UserMessageOptions } from './member-actions.ts';
import type { Params } from './params.ts';
import type { ApiCall, BotAction, ChatMessage, EmulatedUser, NewUpdate } from './types.ts';
import { UpdateQueue } from './update-queue.ts';

/** Calls kept for inspection; older ones are dropped so a long console session stays small. */
const MAX_CALLS = 10_000;

/**
 * The Bot API's state for one bot, as its players see it: members act (member-actions.ts), the
 * bot calls methods (bot-methods.ts) and takes updates (update-queue.ts), a test plans failures
 * (faults.ts). Every call is recorded. Transport-free; server.ts puts it on HTTP.
 */
export class EmulatorState {
  readonly calls: ApiCall[] = [];
  readonly directory: ChatDirectory;
  /** Files members sent (voice notes, audio), for getFile and the file download path. */
  readonly files = new FileStore();
  private readonly chatMessages: ChatMessages;
  private readonly updates: UpdateQueue;
  private readonly members: MemberActions;
  private readonly methods: BotMethods;
  private readonly faults = new FaultPlan();
  private readonly listeners = new Set<(action: BotAction) => void>();

  constructor(
    readonly botInfo: UserFromGetMe,
    firstUpdateId = 1,
  ) {
    this.directory = new ChatDirectory(botInfo);
    this.chatMessages = new ChatMessages(botInfo, this.directory);
    this.updates = new UpdateQueue(firstUpdateId);
    this.members = new MemberActions(botInfo, this.directory, this.chatMessages, (update) => this.inject(update));
    const posts = new BotPosts(this.directory, this.chatMessages, (action) => this.emit(action));
    this.methods = new BotMethods({ botInfo, directory: this.directory, messages: this.chatMessages, posts, updates: this.updates, files: this.files });
  }

  /** Queues an update for the bot; an update_id given again is a replay of that update. */
  inject(partial: NewUpdate): Update {
    const chat = partial.message?.chat ?? partial.my_chat_member?.chat ?? partial.chat_member?.chat;
    if (chat) this.directory.learn(chat);
    return this.updates.push(partial);
  }

  /**
   * A text message from `user` (commands get their bot_command entity): in their private chat
   * with the bot, or in a group they are a member of (in a forum topic when `threadId` is given).
   */
  userMessage(user: EmulatedUser, text: string, options: UserMessageOptions = {}): Update {
    return this.members.userMessage(user, text, options);
  }

  /** A new group (a supergroup unless asked otherwise) with the bot already in it. */
  createGroup(options: NewGroup = {}): EmulatedGroup {
    return this.directory.createGroup(options);
  }

  /** `by` opens a topic in a forum supergroup; returns its message_thread_id. */
  createTopic(group: EmulatedGroup, name: string, by: EmulatedUser): number {
    return this.members.createTopic(group, name, by);
  }

  /** `user` joins a group: a chat_member update, which Telegram sends only to a bot that asked for it. */
  joinGroup(group: EmulatedGroup, user: EmulatedUser): Update | undefined {
    return this.members.joinGroup(group, user);
  }

  /** `by` adds the bot to a group (my_chat_member: left → member). */
  addBot(group: EmulatedGroup, by: EmulatedUser): Update {
    return this.members.addBot(group, by);
  }

  /** `by` removes the bot from a group (my_chat_member: member → kicked); posting there is refused after. */
  removeBot(group: EmulatedGroup, by: EmulatedUser): Update {
    return this.members.removeBot(group, by);
  }

  /** `user` blocks the bot in their private chat (my_chat_member: member → kicked); messages to them are refused until they write again. */
  blockBot(user: EmulatedUser): Update | undefined {
    return this.members.blockBot(user);
  }

  /** A press on an inline button of one of the bot's messages. */
  press(user: EmulatedUser, chatId: number, messageId: number, data: string): Update {
    return this.members.press(user, chatId, messageId, data);
  }

  messages(chatId: number): ChatMessage[] {
    return this.chatMessages.of(chatId);
  }

  /** Every chat's latest `perChat` messages (the console keeps its chats across restarts with `restoreMessages`). */
  messageSnapshot(perChat = 500): ChatMessage[] {
    return this.chatMessages.snapshot(perChat);
  }

  /** Chats as a snapshot left them, before anyone writes: their messages, and the numbering after them. */
  restoreMessages(messages: readonly ChatMessage[]): void {
    this.chatMessages.restore(messages);
  }

  subscribe(listener: (action: BotAction) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Long poll: resolves with pending updates now, or when one arrives, or [] after `holdMs`. */
  getUpdates(p: Params, holdMs: number, onClose: (cancel: () => void) => void): Promise<Update[]> {
    this.record('getUpdates', p);
    const fault = this.faults.takeFault('getUpdates');
    if (fault) throw fault;
    return this.updates.getUpdates(p, holdMs, onClose);
  }

  /** Ends every held long poll (shutdown). */
  releaseWaiters(): void {
    this.updates.releaseWaiters();
  }

  /** Any other Bot API method, answered as Telegram would, or refused as a test planned. */
  call(method: string, p: Params): unknown {
    this.record(method, p);
    const refusal = this.faults.takeFault(method) ?? this.faults.outage(method, Number(p.chat_id));
    if (refusal) throw refusal;
    return this.methods.call(method, p);
  }

  /** Makes the next call of `method` fail as Telegram would (fault injection for tests). */
  failNext(method: string, code = 400, description = 'Bad Request: chat not found', parameters?: ApiError['parameters']): void {
    this.faults.failNext(method, code, description, parameters);
  }

  /**
   * Makes every call of `method` fail as Telegram would for the next `ms` (an outage, a flood
   * wait), in one chat when `chatId` is given. Returns a function that ends it early.
   */
  failFor(
    method: string,
    ms: number,
    failure: { code: number; description: string; parameters?: ApiError['parameters'] },
    options: { chatId?: number } = {},
  ): () => void {
    return this.faults.failFor(method, ms, failure, options.chatId);
  }

  /** Makes the next answer to `method` arrive `ms` late (a slow network, for stop tests). */
  slowNext(method: string, ms: number): void {
    this.faults.slowNext(method, ms);
  }

  /**
   * Holds the answer to the next call of `method` until the returned function is called: a stop
   * test then knows the call is in hand for as long as it needs, without guessing a delay.
   */
  holdNext(method: string): () => void {
    return this.faults.holdNext(method);
  }

  /** Resolves when the answer to this call of `method` may go (at once unless holdNext asked otherwise). */
  takeHold(method: string): Promise<void> {
    return this.faults.takeHold(method);
  }

  /** The delay to apply to this call of `method`, if one was asked for. */
  takeDelay(method: string): number {
    return this.faults.takeDelay(method);
  }

  private record(method: string, params: Params): void {
    this.calls.push({ method, params, at: Date.now() });
    if (this.calls.length > MAX_CALLS) this.calls.splice(0, this.calls.length - MAX_CALLS / 2);
  }

  private emit(action: BotAction): void {
    for (const l of this.listeners) l(action);
  }
}
