import type { Chat, ChatMember, Message, Update, User, UserFromGetMe } from 'grammy/types';
import { ChatDirectory, isIn, type EmulatedGroup, type NewGroup } from './chats.ts';
import { FileStore } from './files.ts';
import { parseTelegramHtml, ParseError } from './telegram-html.ts';
import type { ApiCall, BotAction, ChatMessage, EmulatedUser, NewUpdate } from './types.ts';

/** A Bot API refusal: becomes `{ ok: false, error_code, description }`. */
export class ApiError extends Error {
  constructor(
    readonly code: number,
    description: string,
    /** Telegram's ResponseParameters, e.g. `retry_after` with a 429. */
    readonly parameters?: { retry_after?: number },
  ) {
    super(description);
  }
}

type Params = Record<string, unknown>;
type Waiter = (updates: Update[]) => void;

/** Calls kept for inspection; older ones are dropped so a long console session stays small. */
const MAX_CALLS = 10_000;
/** Telegram's limit on one message's visible text, in UTF-16 code units. */
const MAX_TEXT = 4096;
/** What Telegram leaves out when a bot names no update kinds (or an empty list). */
const NOT_BY_DEFAULT = new Set(['chat_member', 'message_reaction', 'message_reaction_count']);

/**
 * The Bot API's state for one bot: queued updates, chats with their messages, what the bot
 * did. Transport-free; server.ts puts it on HTTP.
 */
export class EmulatorState {
  readonly calls: ApiCall[] = [];
  private readonly queue: Update[] = [];
  private readonly waiters = new Set<{ offset: number; limit: number; resolve: Waiter }>();
  private readonly chats = new Map<number, ChatMessage[]>();
  private readonly listeners = new Set<(action: BotAction) => void>();
  private nextUpdateId: number;
  private nextCallbackId = 1;
  private webhookUrl = '';
  private readonly faults = new Map<string, ApiError[]>();
  private readonly delays = new Map<string, number[]>();
  private readonly outages: { method: string; until: number; chatId?: number; error: ApiError }[] = [];
  private readonly holds = new Map<string, Promise<void>[]>();
  /** The update kinds the bot last asked for (getUpdates or setWebhook); undefined: Telegram's default. */
  private allowedUpdates: Set<string> | undefined;
  private readonly commands = new Map<string, unknown[]>();
  readonly directory: ChatDirectory;
  /** Files members sent (voice notes, audio), for getFile and the file download path. */
  readonly files = new FileStore();

  constructor(
    readonly botInfo: UserFromGetMe,
    firstUpdateId = 1,
  ) {
    this.nextUpdateId = firstUpdateId;
    this.directory = new ChatDirectory(botInfo);
  }

  /** Queues an update for the bot; an update_id given again is a replay of that update. */
  inject(partial: NewUpdate): Update {
    const update = { ...partial, update_id: partial.update_id ?? this.nextUpdateId++ } as Update;
    const chat = update.message?.chat ?? update.my_chat_member?.chat ?? update.chat_member?.chat;
    if (chat) this.directory.learn(chat);
    this.nextUpdateId = Math.max(this.nextUpdateId, update.update_id + 1);
    this.queue.push(update);
    for (const w of this.waiters) {
      const ready = this.pending(w.offset, w.limit);
      if (ready.length > 0) {
        this.waiters.delete(w);
        w.resolve(ready);
      }
    }
    return update;
  }

  /**
   * A text message from `user` (commands get their bot_command entity): in their private chat
   * with the bot, or in a group they are a member of (in a forum topic when `threadId` is given).
   */
  userMessage(
    user: EmulatedUser,
    text: string,
    options: { replyTo?: number; extra?: Partial<Message>; group?: EmulatedGroup; threadId?: number } = {},
  ): Update {
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
    const stored = this.store({
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
      ...this.asMessage(stored),
      ...(command ? { entities: [{ type: 'bot_command', offset: 0, length: command[0].length }] } : {}),
      ...(options.replyTo ? { reply_to_message: this.asMessage(this.find(chatId, options.replyTo)) } : {}),
      ...options.extra,
    } as Message & Update.NonChannel;
    if (!text) delete (message as { text?: string }).text;
    return this.inject({ message });
  }

  /** A new group (a supergroup unless asked otherwise) with the bot already in it. */
  createGroup(options: NewGroup = {}): EmulatedGroup {
    return this.directory.createGroup(options);
  }

  /** `by` opens a topic in a forum supergroup; returns its message_thread_id. */
  createTopic(group: EmulatedGroup, name: string, by: EmulatedUser): number {
    this.directory.seen(by);
    const created = this.store({ chat_id: group.id, from: by.id, text: name, raw: name });
    this.directory.addTopic(group.id, created.message_id);
    return created.message_id;
  }

  /** `user` joins a group: a chat_member update, which Telegram sends only to a bot that asked for it. */
  joinGroup(group: EmulatedGroup, user: EmulatedUser): Update | undefined {
    this.directory.seen(user);
    const old = this.directory.setStatus(group.id, user.id, 'member');
    return isIn(old) ? undefined : this.memberUpdate('chat_member', group, user, { ...user, is_bot: false }, old, 'member');
  }

  /** `by` adds the bot to a group (my_chat_member: left → member). */
  addBot(group: EmulatedGroup, by: EmulatedUser): Update {
    this.directory.seen(by);
    return this.memberUpdate('my_chat_member', group, by, this.botInfo, this.directory.setStatus(group.id, this.botInfo.id, 'member'), 'member');
  }

  /** `by` removes the bot from a group (my_chat_member: member → kicked); posting there is refused after. */
  removeBot(group: EmulatedGroup, by: EmulatedUser): Update {
    this.directory.seen(by);
    return this.memberUpdate('my_chat_member', group, by, this.botInfo, this.directory.setStatus(group.id, this.botInfo.id, 'kicked'), 'kicked');
  }

  /** `user` blocks the bot in their private chat (my_chat_member: member → kicked); messages to them are refused until they write again. */
  blockBot(user: EmulatedUser): Update | undefined {
    this.directory.seen(user);
    if (!this.directory.setBlocked(user.id, true)) return undefined;
    return this.memberUpdate('my_chat_member', this.directory.chat(user.id), user, this.botInfo, 'member', 'kicked');
  }

  private memberUpdate(
    kind: 'my_chat_member' | 'chat_member',
    chat: Chat,
    by: EmulatedUser,
    subject: User,
    old: ChatMember['status'],
    now: ChatMember['status'],
  ): Update {
    const as = (status: ChatMember['status']) => ({ status, user: { ...subject }, ...(status === 'kicked' ? { until_date: 0 } : {}) }) as ChatMember;
    const change = { chat, from: { ...by, is_bot: false }, date: Math.floor(Date.now() / 1000), old_chat_member: as(old), new_chat_member: as(now) };
    return this.inject(kind === 'my_chat_member' ? { my_chat_member: change } : { chat_member: change });
  }

  /** A press on an inline button of one of the bot's messages. */
  press(user: EmulatedUser, chatId: number, messageId: number, data: string): Update {
    const message = this.find(chatId, messageId);
    return this.inject({
      callback_query: {
        id: String(this.nextCallbackId++),
        from: { ...user, is_bot: false },
        chat_instance: String(chatId),
        message: this.asMessage(message) as Message & Update.NonChannel,
        data,
      },
    });
  }

  messages(chatId: number): ChatMessage[] {
    return this.chats.get(chatId) ?? [];
  }

  subscribe(listener: (action: BotAction) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Long poll: resolves with pending updates now, or when one arrives, or [] after `holdMs`. */
  getUpdates(p: Params, holdMs: number, onClose: (cancel: () => void) => void): Promise<Update[]> {
    this.record('getUpdates', p);
    const fault = this.faults.get('getUpdates')?.shift();
    if (fault) throw fault;
    if (this.webhookUrl)
      throw new ApiError(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
    this.allow(p.allowed_updates);
    const offset = Number(p.offset ?? 0);
    const limit = Math.min(100, Math.max(1, Number(p.limit ?? 100)));
    // Updates below the offset are confirmed by the bot and gone for good, as in Telegram.
    if (offset > 0) while (this.queue.length > 0 && this.queue[0]!.update_id < offset) this.queue.shift();
    const ready = this.pending(offset, limit);
    const wait = Math.min(holdMs, Number(p.timeout ?? 0) * 1000);
    if (ready.length > 0 || wait <= 0) return Promise.resolve(ready);
    return new Promise((resolve) => {
      const waiter = { offset, limit, resolve };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        resolve([]);
      }, wait);
      waiter.resolve = (u) => {
        clearTimeout(timer);
        resolve(u);
      };
      this.waiters.add(waiter);
      onClose(() => {
        clearTimeout(timer);
        this.waiters.delete(waiter);
      });
    });
  }

  /** Ends every held long poll (shutdown). */
  releaseWaiters(): void {
    for (const w of this.waiters) w.resolve([]);
    this.waiters.clear();
  }

  /** Makes the next call of `method` fail as Telegram would (fault injection for tests). */
  failNext(method: string, code = 400, description = 'Bad Request: chat not found', parameters?: ApiError['parameters']): void {
    this.faults.set(method, [...(this.faults.get(method) ?? []), new ApiError(code, description, parameters)]);
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
    const error = new ApiError(failure.code, failure.description, failure.parameters);
    const outage = { method, until: Date.now() + ms, error, ...(options.chatId !== undefined ? { chatId: options.chatId } : {}) };
    this.outages.push(outage);
    return () => void (outage.until = 0);
  }

  /** Makes the next answer to `method` arrive `ms` late (a slow network, for stop tests). */
  slowNext(method: string, ms: number): void {
    this.delays.set(method, [...(this.delays.get(method) ?? []), ms]);
  }

  /**
   * Holds the answer to the next call of `method` until the returned function is called: a stop
   * test then knows the call is in hand for as long as it needs, without guessing a delay.
   */
  holdNext(method: string): () => void {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    this.holds.set(method, [...(this.holds.get(method) ?? []), released]);
    return release;
  }

  /** Resolves when the answer to this call of `method` may go (at once unless holdNext asked otherwise). */
  takeHold(method: string): Promise<void> {
    return this.holds.get(method)?.shift() ?? Promise.resolve();
  }

  /** The delay to apply to this call of `method`, if one was asked for. */
  takeDelay(method: string): number {
    return this.delays.get(method)?.shift() ?? 0;
  }

  call(method: string, p: Params): unknown {
    this.record(method, p);
    const fault = this.faults.get(method)?.shift();
    if (fault) throw fault;
    const outage = this.outages.find((o) => o.method === method && Date.now() < o.until && (o.chatId === undefined || o.chatId === Number(p.chat_id)));
    if (outage) throw outage.error;
    switch (method) {
      case 'getMe':
        return this.botInfo;
      case 'setWebhook':
        this.webhookUrl = String(p.url ?? '');
        this.allow(p.allowed_updates);
        return true;
      case 'deleteWebhook':
        this.webhookUrl = '';
        return true;
      case 'getWebhookInfo':
        return { url: this.webhookUrl, has_custom_certificate: false, pending_update_count: this.queue.length };
      case 'sendMessage':
        return this.sendMessage(p);
      case 'editMessageText':
        return this.editText(p);
      case 'editMessageReplyMarkup':
        return this.editMarkup(p);
      case 'deleteMessage': {
        const m = this.find(Number(p.chat_id), Number(p.message_id));
        m.deleted = true;
        this.emit({ kind: 'delete', chat_id: m.chat_id, message_id: m.message_id });
        return true;
      }
      case 'answerCallbackQuery':
        this.emit({
          kind: 'callback_answer',
          callback_query_id: String(p.callback_query_id),
          ...(p.text !== undefined ? { text: String(p.text) } : {}),
          ...(p.show_alert !== undefined ? { show_alert: Boolean(p.show_alert) } : {}),
        });
        return true;
      case 'sendChatAction':
        this.postable(p);
        this.emit({ kind: 'chat_action', chat_id: Number(p.chat_id), action: String(p.action) });
        return true;
      case 'setMyCommands':
        // A menu for one chat needs a chat Telegram knows (and the bot is in), as for any chat.
        if (scopeChatId(p) !== undefined) this.knownChat({ chat_id: scopeChatId(p) });
        this.commands.set(commandsKey(p), list(p.commands));
        return true;
      case 'deleteMyCommands':
        this.commands.delete(commandsKey(p));
        return true;
      case 'getMyCommands':
        return this.commands.get(commandsKey(p)) ?? [];
      case 'getChat':
        return this.knownChat(p);
      case 'getFile': {
        const file = this.files.describe(String(p.file_id ?? ''));
        if (!file) throw new ApiError(400, 'Bad Request: invalid file_id');
        return file;
      }
      case 'getChatMember': {
        const chat = this.knownChat(p);
        const userId = Number(p.user_id);
        const status = this.directory.status(chat.id, userId);
        return { status, user: userId === this.botInfo.id ? this.botInfo : this.directory.user(userId), ...(status === 'kicked' ? { until_date: 0 } : {}) };
      }
      case 'leaveChat': {
        const chat = this.knownChat(p);
        if (!this.directory.isGroup(chat.id)) throw new ApiError(400, "Bad Request: chat member status can't be changed in private chats");
        this.directory.setStatus(chat.id, this.botInfo.id, 'left');
        return true;
      }
      default:
        // As the Bot API server answers a method it does not have; `true` would hide a call the emulator never checked.
        throw new ApiError(404, 'Not Found: method not found');
    }
  }

  /** The update kinds the bot asks for from now on (Telegram keeps the last list given). */
  private allow(kinds: unknown): void {
    if (kinds === undefined) return;
    const given = list(kinds).map(String);
    this.allowedUpdates = given.length > 0 ? new Set(given) : undefined;
  }

  private wanted(update: Update): boolean {
    const kind = Object.keys(update).find((k) => k !== 'update_id') ?? '';
    return this.allowedUpdates ? this.allowedUpdates.has(kind) : !NOT_BY_DEFAULT.has(kind);
  }

  private knownChat(p: Params): Chat {
    const id = Number(p.chat_id);
    if (!this.directory.isGroup(id) && !this.chats.has(id)) throw new ApiError(400, 'Bad Request: chat not found');
    return this.directory.chat(id);
  }

  /** Refuses a post Telegram would refuse: a member who blocked the bot, a group it left, a topic that is not there. */
  private postable(p: Params): void {
    const chatId = Number(p.chat_id);
    const refusal = this.directory.refusal(chatId);
    if (refusal) throw new ApiError(403, refusal);
    if (p.message_thread_id !== undefined && this.directory.isForum(chatId) && !this.directory.hasTopic(chatId, Number(p.message_thread_id))) {
      throw new ApiError(400, 'Bad Request: message thread not found');
    }
  }

  private record(method: string, params: Params): void {
    this.calls.push({ method, params, at: Date.now() });
    if (this.calls.length > MAX_CALLS) this.calls.splice(0, this.calls.length - MAX_CALLS / 2);
  }

  private pending(offset: number, limit: number): Update[] {
    // Telegram never makes the updates a bot did not ask for.
    for (let i = this.queue.length - 1; i >= 0; i--) if (!this.wanted(this.queue[i]!)) this.queue.splice(i, 1);
    return this.queue.filter((u) => u.update_id >= offset).slice(0, limit);
  }

  private sendMessage(p: Params): Message {
    this.postable(p);
    const raw = String(p.text ?? '');
    const text = this.visible(raw, p.parse_mode);
    const m = this.store({
      chat_id: Number(p.chat_id),
      from: 'bot',
      text,
      raw,
      ...(p.parse_mode ? { parse_mode: String(p.parse_mode) } : {}),
      ...(p.reply_markup ? { reply_markup: p.reply_markup as ChatMessage['reply_markup'] } : {}),
      ...(replyTo(p) ? { reply_to_message_id: replyTo(p) } : {}),
      ...(p.message_thread_id !== undefined && this.directory.isForum(Number(p.chat_id)) ? { message_thread_id: Number(p.message_thread_id) } : {}),
    });
    this.emit({ kind: 'message', message: m });
    return this.asMessage(m);
  }

  private editText(p: Params): Message {
    const m = this.find(Number(p.chat_id), Number(p.message_id));
    const raw = String(p.text ?? '');
    const text = this.visible(raw, p.parse_mode);
    const markup = p.reply_markup as ChatMessage['reply_markup'] | undefined;
    if (text === m.text && JSON.stringify(markup) === JSON.stringify(m.reply_markup)) {
      throw new ApiError(
        400,
        'Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message',
      );
    }
    Object.assign(m, { text, raw, edited: true, parse_mode: p.parse_mode ? String(p.parse_mode) : undefined, reply_markup: markup });
    this.emit({ kind: 'edit', message: m });
    return this.asMessage(m);
  }

  private editMarkup(p: Params): Message {
    const m = this.find(Number(p.chat_id), Number(p.message_id));
    const markup = p.reply_markup as ChatMessage['reply_markup'] | undefined;
    if (JSON.stringify(markup) === JSON.stringify(m.reply_markup)) throw new ApiError(400, 'Bad Request: message is not modified');
    Object.assign(m, { reply_markup: markup, edited: true });
    this.emit({ kind: 'edit', message: m });
    return this.asMessage(m);
  }

  private visible(raw: string, parseMode: unknown): string {
    let text = raw;
    if (parseMode === 'HTML') {
      try {
        text = parseTelegramHtml(raw);
      } catch (e) {
        if (e instanceof ParseError) throw new ApiError(400, e.message);
        throw e;
      }
    }
    if (text.trim() === '') throw new ApiError(400, 'Bad Request: message text is empty');
    if (text.length > MAX_TEXT) throw new ApiError(400, 'Bad Request: message is too long');
    return text;
  }

  private store(m: Omit<ChatMessage, 'message_id' | 'date' | 'edited' | 'deleted'>): ChatMessage {
    const list = this.chats.get(m.chat_id) ?? [];
    this.chats.set(m.chat_id, list);
    const stored: ChatMessage = { ...m, message_id: list.length + 1, date: Math.floor(Date.now() / 1000), edited: false, deleted: false };
    list.push(stored);
    return stored;
  }

  private find(chatId: number, messageId: number): ChatMessage {
    const m = this.chats.get(chatId)?.[messageId - 1];
    if (!m || m.deleted) throw new ApiError(400, 'Bad Request: message to edit not found');
    return m;
  }

  private asMessage(m: ChatMessage): Message {
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

  private emit(action: BotAction): void {
    for (const l of this.listeners) l(action);
  }
}

/** A list parameter, sent as JSON (grammY) or as a JSON string in a form. */
function list(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (typeof value === 'string' && value.trim().startsWith('[')) return JSON.parse(value) as unknown[];
  return [];
}

/** The chat a command scope names (scope `chat`, `chat_administrators`, `chat_member`), if any. */
function scopeChatId(p: Params): unknown {
  const scope = (typeof p.scope === 'string' ? JSON.parse(p.scope) : p.scope) as { chat_id?: unknown } | undefined;
  return scope?.chat_id;
}

/** setMyCommands keeps one list per scope and language. */
function commandsKey(p: Params): string {
  const scope = typeof p.scope === 'string' ? p.scope : JSON.stringify(p.scope ?? { type: 'default' });
  return `${scope}|${String(p.language_code ?? '')}`;
}

function replyTo(p: Params): number | undefined {
  const rp = p.reply_parameters as { message_id?: number } | undefined;
  return rp?.message_id ?? (p.reply_to_message_id as number | undefined);
}
