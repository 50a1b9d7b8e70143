import type { Message } from 'grammy/types';
import { ApiError } from './api-error.ts';
import type { ChatMessages } from './chat-messages.ts';
import type { ChatDirectory } from './chats.ts';
import { replyTo, type Params } from './params.ts';
import { parseTelegramHtml, ParseError } from './telegram-html.ts';
import type { BotAction, ChatMessage } from './types.ts';

/** Telegram's limit on one message's visible text, in UTF-16 code units. */
const MAX_TEXT = 4096;

/**
 * What the bot does in chats: messages sent, edited and deleted, "typing…", answers to button
 * presses; each refused where Telegram refuses it, and told to whoever watches the bot.
 */
export class BotPosts {
  constructor(
    private readonly directory: ChatDirectory,
    private readonly messages: ChatMessages,
    private readonly emit: (action: BotAction) => void,
  ) {}

  send(p: Params): Message {
    this.postable(p);
    const raw = String(p.text ?? '');
    const text = visible(raw, p.parse_mode);
    const m = this.messages.add({
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
    return this.messages.asMessage(m);
  }

  editText(p: Params): Message {
    const m = this.messages.find(Number(p.chat_id), Number(p.message_id));
    const raw = String(p.text ?? '');
    const text = visible(raw, p.parse_mode);
    const markup = p.reply_markup as ChatMessage['reply_markup'] | undefined;
    if (text === m.text && JSON.stringify(markup) === JSON.stringify(m.reply_markup)) {
      throw new ApiError(
        400,
        'Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message',
      );
    }
    Object.assign(m, { text, raw, edited: true, parse_mode: p.parse_mode ? String(p.parse_mode) : undefined, reply_markup: markup });
    this.emit({ kind: 'edit', message: m });
    return this.messages.asMessage(m);
  }

  editMarkup(p: Params): Message {
    const m = this.messages.find(Number(p.chat_id), Number(p.message_id));
    const markup = p.reply_markup as ChatMessage['reply_markup'] | undefined;
    if (JSON.stringify(markup) === JSON.stringify(m.reply_markup)) throw new ApiError(400, 'Bad Request: message is not modified');
    Object.assign(m, { reply_markup: markup, edited: true });
    this.emit({ kind: 'edit', message: m });
    return this.messages.asMessage(m);
  }

  delete(p: Params): void {
    const m = this.messages.find(Number(p.chat_id), Number(p.message_id));
    m.deleted = true;
    this.emit({ kind: 'delete', chat_id: m.chat_id, message_id: m.message_id });
  }

  callbackAnswer(p: Params): void {
    this.emit({
      kind: 'callback_answer',
      callback_query_id: String(p.callback_query_id),
      ...(p.text !== undefined ? { text: String(p.text) } : {}),
      ...(p.show_alert !== undefined ? { show_alert: Boolean(p.show_alert) } : {}),
    });
  }

  chatAction(p: Params): void {
    this.postable(p);
    this.emit({ kind: 'chat_action', chat_id: Number(p.chat_id), action: String(p.action) });
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
}

/** A message's text as a client shows it; Telegram's refusal of bad HTML, an empty or too long text. */
function visible(raw: string, parseMode: unknown): string {
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
