import type { Chat, UserFromGetMe } from 'grammy/types';
import { ApiError } from './api-error.ts';
import type { BotPosts } from './bot-posts.ts';
import type { ChatMessages } from './chat-messages.ts';
import type { ChatDirectory } from './chats.ts';
import { CommandMenus, scopeChatId } from './command-menus.ts';
import type { FileStore } from './files.ts';
import type { Params } from './params.ts';
import type { UpdateQueue } from './update-queue.ts';

/** The Bot API methods the bot may call, but getUpdates, each answered as Telegram would. */
export class BotMethods {
  private readonly menus = new CommandMenus();

  constructor(private readonly parts: BotMethodsParts) {}

  call(method: string, p: Params): unknown {
    const { botInfo, directory, posts, updates, files } = this.parts;
    switch (method) {
      case 'getMe':
        return botInfo;
      case 'setWebhook':
        updates.setWebhook(String(p.url ?? ''), p.allowed_updates);
        return true;
      case 'deleteWebhook':
        updates.deleteWebhook();
        return true;
      case 'getWebhookInfo':
        return updates.webhookInfo();
      case 'sendMessage':
        return posts.send(p);
      case 'editMessageText':
        return posts.editText(p);
      case 'editMessageReplyMarkup':
        return posts.editMarkup(p);
      case 'deleteMessage':
        posts.delete(p);
        return true;
      case 'answerCallbackQuery':
        posts.callbackAnswer(p);
        return true;
      case 'sendChatAction':
        posts.chatAction(p);
        return true;
      case 'setMyCommands':
        // A menu for one chat needs a chat Telegram knows (and the bot is in), as for any chat.
        if (scopeChatId(p) !== undefined) this.knownChat({ chat_id: scopeChatId(p) });
        this.menus.set(p);
        return true;
      case 'deleteMyCommands':
        this.menus.delete(p);
        return true;
      case 'getMyCommands':
        return this.menus.get(p);
      case 'getChat':
        return this.knownChat(p);
      case 'getFile': {
        const file = files.describe(String(p.file_id ?? ''));
        if (!file) throw new ApiError(400, 'Bad Request: invalid file_id');
        return file;
      }
      case 'getChatMember': {
        const chat = this.knownChat(p);
        const userId = Number(p.user_id);
        const status = directory.status(chat.id, userId);
        return { status, user: userId === botInfo.id ? botInfo : directory.user(userId), ...(status === 'kicked' ? { until_date: 0 } : {}) };
      }
      case 'leaveChat': {
        const chat = this.knownChat(p);
        if (!directory.isGroup(chat.id)) throw new ApiError(400, "Bad Request: chat member status can't be changed in private chats");
        directory.setStatus(chat.id, botInfo.id, 'left');
        return true;
      }
      default:
        // As the Bot API server answers a method it does not have; `true` would hide a call the emulator never checked.
        throw new ApiError(404, 'Not Found: method not found');
    }
  }

  /** A chat Telegram knows: a group, or a private chat with something written in it. */
  private knownChat(p: Params): Chat {
    const id = Number(p.chat_id);
    if (!this.parts.directory.isGroup(id) && !this.parts.messages.has(id)) throw new ApiError(400, 'Bad Request: chat not found');
    return this.parts.directory.chat(id);
  }
}

/** What the Bot API's methods read and change. */
export interface BotMethodsParts {
  botInfo: UserFromGetMe;
  directory: ChatDirectory;
  messages: ChatMessages;
  posts: BotPosts;
  updates: UpdateQueue;
  files: FileStore;
}
