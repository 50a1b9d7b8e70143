import type { Message, Update, UserFromGetMe } from 'grammy/types';
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

  constructor(
    readonly botInfo: UserFromGetMe,
    firstUpdateId = 1,
  ) {
    this.nextUpdateId = firstUpdateId;
  }

  /** Queues an update for the bot; an update_id given again is a replay of that update. */
  inject(partial: NewUpdate): Update {
    const update = { ...partial, update_id: partial.update_id ?? this.nextUpdateId++ } as Update;
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

  /** A private-chat text message from `user` (commands get their bot_command entity). */
  userMessage(user: EmulatedUser, text: string, options: { replyTo?: number; extra?: Partial<Message> } = {}): Update {
    const stored = this.store({ chat_id: user.id, from: user.id, text, raw: text, ...(options.replyTo ? { reply_to_message_id: options.replyTo } : {}) });
    const command = /^\/[A-Za-z0-9_]+(@\w+)?/.exec(text);
    const message = {
      message_id: stored.message_id,
      date: stored.date,
      chat: { id: user.id, type: 'private', first_name: user.first_name },
      from: { ...user, is_bot: false },
      ...(text ? { text } : {}),
      ...(command ? { entities: [{ type: 'bot_command', offset: 0, length: command[0].length }] } : {}),
      ...(options.replyTo ? { reply_to_message: this.asMessage(this.find(user.id, options.replyTo)) } : {}),
      ...options.extra,
    } as Message & Update.NonChannel;
    return this.inject({ message });
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
    if (this.webhookUrl) throw new ApiError(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
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

  /** Makes the next answer to `method` arrive `ms` late (a slow network, for stop tests). */
  slowNext(method: string, ms: number): void {
    this.delays.set(method, [...(this.delays.get(method) ?? []), ms]);
  }

  /** The delay to apply to this call of `method`, if one was asked for. */
  takeDelay(method: string): number {
    return this.delays.get(method)?.shift() ?? 0;
  }

  call(method: string, p: Params): unknown {
    this.record(method, p);
    const fault = this.faults.get(method)?.shift();
    if (fault) throw fault;
    switch (method) {
      case 'getMe':
        return this.botInfo;
      case 'setWebhook':
        this.webhookUrl = String(p.url ?? '');
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
        this.emit({ kind: 'callback_answer', callback_query_id: String(p.callback_query_id), ...(p.text !== undefined ? { text: String(p.text) } : {}), ...(p.show_alert !== undefined ? { show_alert: Boolean(p.show_alert) } : {}) });
        return true;
      case 'sendChatAction':
        this.emit({ kind: 'chat_action', chat_id: Number(p.chat_id), action: String(p.action) });
        return true;
      default:
        return true;
    }
  }

  private record(method: string, params: Params): void {
    this.calls.push({ method, params });
    if (this.calls.length > MAX_CALLS) this.calls.splice(0, this.calls.length - MAX_CALLS / 2);
  }

  private pending(offset: number, limit: number): Update[] {
    return this.queue.filter((u) => u.update_id >= offset).slice(0, limit);
  }

  private sendMessage(p: Params): Message {
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
      throw new ApiError(400, 'Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message');
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
    const from = m.from === 'bot' ? this.botInfo : { id: m.from, is_bot: false, first_name: 'user' };
    return {
      message_id: m.message_id,
      date: m.date,
      chat: { id: m.chat_id, type: 'private', first_name: 'user' },
      from,
      text: m.text,
      ...(m.reply_markup ? { reply_markup: m.reply_markup } : {}),
    } as Message;
  }

  private emit(action: BotAction): void {
    for (const l of this.listeners) l(action);
  }
}

function replyTo(p: Params): number | undefined {
  const rp = p.reply_parameters as { message_id?: number } | undefined;
  return rp?.message_id ?? (p.reply_to_message_id as number | undefined);
}
