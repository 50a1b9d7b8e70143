import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { InlineKeyboardButton, InlineKeyboardMarkup } from 'grammy/types';
import type { Translator } from '../i18n.ts';
import type { BotApiEmulator, ChatMessage, EmulatedGroup, EmulatedUser } from '../emulator/index.ts';
import { languageFromTelegram } from '../bot/i18n.ts';
import { excerpt, LISTED, parseReply, ref, type ReplyCommand } from './replies.ts';

export interface TerminalOptions {
  input: Readable;
  output: Writable;
  emulator: Pick<BotApiEmulator, 'say' | 'press' | 'subscribe' | 'botInfo' | 'state'>;
  /** The local member; `/lang` changes its language_code in place. */
  user: EmulatedUser;
  /** The staff's group chat, which the local member joins with `/in staff`. */
  staffChat: EmulatedGroup;
  /** The members' group, which the local member joins with `/in group`. */
  membersChat: EmulatedGroup;
  /** The demo member who asked the demo's open question: their private chat is shown, its buttons only read (they are not the local member's to press). */
  asker?: EmulatedUser;
  translator: Translator;
}

export interface Terminal {
  /** Resolves when the member leaves (/quit, end of input, Ctrl-C); bot messages still print until detach(). */
  closed: Promise<void>;
  print(text: string): void;
  close(): void;
  /** update_id of the member's latest message or press (0 before any). */
  lastUpdateId(): number;
  /** Stops printing what the bot does; after the bot has stopped, so late replies still show. */
  detach(): void;
}

/** A numbered button: a callback pressed under its message, or a deep link to the bot opened (`/start <payload>` in the private chat). */
type Choice = { kind: 'press'; data: string } | { kind: 'link'; payload: string };
/** Where the local member types: their private chat with the bot, the staff's group chat or the members' group. */
type Place = 'me' | 'staff' | 'group';

/**
 * The console chat's front end: each typed line is a message from the local member (or a
 * button press when it is a number), each bot message is printed as the Telegram client shows
 * its text, with buttons numbered [1], [2] … in their keyboard rows — callback buttons, and links
 * that open the bot (t.me/<bot>?start=…), which send `/start …` in the private chat as Telegram
 * does. `/in staff`, `/in group` and `/in me` move the member between the staff chat, the
 * members' group and their private chat; a group's messages always carry its name, the private
 * chat's while the member is in a group, the demo asker's always (what the asker receives is
 * shown, its buttons not numbered). `> text` and `/reply` send a reply (replies.ts).
 */
export function startTerminal(options: TerminalOptions): Terminal {
  const { input, output, emulator, user, translator, staffChat, membersChat, asker } = options;
  const t = (key: string, args?: Record<string, string | number>) => translator.t(languageFromTelegram(user.language_code), key, args);
  const print = (text: string) => output.write(`${text}\n`);
  const isTty = (output as Writable & { isTTY?: boolean }).isTTY === true;
  const rl = createInterface({ input, output, terminal: isTty, prompt: '> ' });
  const groups: Record<Exclude<Place, 'me'>, EmulatedGroup> = { staff: staffChat, group: membersChat };

  // Numbers press the buttons of the latest bot message that has any, in any chat, as a reader expects.
  let lastUpdateId = 0;
  let place: Place = 'me';
  let choices: Choice[] = [];
  let choicesOf: { chat_id: number; message_id: number } | undefined;
  const shown = new Map<string, string>();
  const isChoicesOf = (m: ChatMessage) => choicesOf?.chat_id === m.chat_id && choicesOf.message_id === m.message_id;
  const label = (chatId: number): string | undefined => {
    if (chatId === staffChat.id) return staffChat.title;
    if (chatId === membersChat.id) return membersChat.title;
    if (chatId === asker?.id) return t('console-asker-chat', { name: asker.first_name });
    return place !== 'me' ? emulator.botInfo.first_name : undefined;
  };
  const prompt = () => rl.setPrompt(place === 'me' ? '> ' : `${groups[place].title}> `);
  // Said once per visit to a group: a line typed there never reaches the private chat the bot just wrote in.
  let privateHinted = false;
  const goTo = (to: Place) => {
    place = to;
    privateHinted = false;
    prompt();
  };

  const show = (m: ChatMessage, edited: boolean) => {
    const rows = keyboardOf(m);
    const keyboardLines: string[] = [];
    const numbered: Choice[] = [];
    // The demo asker's buttons are theirs: shown, not numbered, so a number never presses as someone else.
    const pressable = m.chat_id !== asker?.id;
    for (const row of rows) {
      keyboardLines.push(row.map((b) => (pressable ? describe(b, numbered, emulator.botInfo.username) : b.text)).join('   '));
    }
    if (numbered.length > 0) {
      choices = numbered;
      choicesOf = { chat_id: m.chat_id, message_id: m.message_id };
    } else if (isChoicesOf(m)) {
      choices = [];
      choicesOf = undefined;
    }
    const rendered = [m.text, ...keyboardLines.map((l) => `  ${l}`)].join('\n');
    const key = `${m.chat_id}:${m.message_id}`;
    if (edited && shown.get(key) === rendered) return;
    shown.set(key, rendered);
    const chat = label(m.chat_id);
    print(`\n${chat !== undefined ? `[${chat}]\n` : ''}${edited ? '✎ ' : ''}${rendered}\n`);
    if (m.chat_id === user.id && place !== 'me' && !edited && !privateHinted) {
      privateHinted = true;
      print(t('console-private-hint'));
    }
    if (isTty) rl.prompt(true);
  };

  const watched = new Set([user.id, staffChat.id, membersChat.id, ...(asker ? [asker.id] : [])]);
  const ours = (m: ChatMessage) => watched.has(m.chat_id);
  const unsubscribe = emulator.subscribe((action) => {
    if (action.kind === 'message' && action.message.from === 'bot' && ours(action.message)) show(action.message, false);
    else if (action.kind === 'edit' && ours(action.message)) show(action.message, true);
    else if (action.kind === 'callback_answer' && action.text) print(`  » ${action.text}`);
  });

  /** Entering a group shows its latest bot message with buttons again, as opening the chat would: its numbers are the ones pressed next. */
  const showLatestWithButtons = (group: EmulatedGroup) => {
    const latest = emulator.state
      .messages(group.id)
      .filter((m) => m.from === 'bot' && !m.deleted && keyboardOf(m).length > 0)
      .at(-1);
    if (latest) show(latest, false);
  };

  /** Sends a line to the chat the member types in, as a reply to `replyTo` when given. */
  const send = (text: string, replyTo?: number) => {
    const options = { ...(place !== 'me' ? { group: groups[place] } : {}), ...(replyTo !== undefined ? { replyTo } : {}) };
    lastUpdateId = emulator.say(user, text, options).update_id;
  };

  /** One line of `/reply`'s list: its number, who wrote it, what it replied to, its start. */
  const listed = (m: ChatMessage): string => {
    const who = m.from === 'bot' ? emulator.botInfo.first_name : m.from === user.id ? t('console-reply-you') : emulator.state.directory.user(m.from).first_name;
    const args = { ref: ref(m.message_id), who, text: excerpt(m) };
    return m.reply_to_message_id !== undefined ? t('console-reply-entry-reply', { ...args, to: ref(m.reply_to_message_id) }) : t('console-reply-entry', args);
  };

  /** `> text` and `/reply …` in the chat the member types in: the reply sent, or the list, or what to type instead. */
  const answerReply = (reply: ReplyCommand) => {
    const here = emulator.state.messages(place === 'me' ? user.id : groups[place].id).filter((m) => !m.deleted);
    if (reply.kind === 'latest' || reply.kind === 'to') {
      const target = reply.kind === 'latest' ? here.at(-1) : here.find((m) => m.message_id === reply.messageId);
      if (target) return send(reply.text, target.message_id);
    }
    const list = here.slice(-LISTED).map((m) => `  ${listed(m)}`);
    if (reply.kind === 'usage') print(t('console-reply-usage'));
    else if (reply.kind === 'to') print(t('console-reply-not-found', { ref: ref(reply.messageId) }));
    else if (list.length === 0) print(t('console-reply-nothing'));
    else print(`${list.join('\n')}\n${t('console-reply-list-hint')}`);
    if (isTty) rl.prompt();
  };

  const closed = new Promise<void>((resolve) => {
    rl.on('close', () => resolve());
  });
  rl.on('SIGINT', () => rl.close());

  rl.on('line', (line) => {
    const text = line.trim();
    if (text === '') return;
    if (text === '/quit' || text === '/exit') {
      rl.close();
      return;
    }
    const lang = /^\/lang(?:\s+(\S+))?$/i.exec(text);
    if (lang) {
      const code = lang[1]?.toLowerCase();
      if (code === 'fa' || code === 'zh' || code === 'en') {
        user.language_code = code;
        print(t('console-lang-switched'));
      } else print(t('console-lang-usage'));
      return;
    }
    const move = /^\/in(?:\s+(\S+))?$/i.exec(text);
    if (move) {
      const to = move[1]?.toLowerCase();
      if (to === 'staff' || to === 'group' || to === 'me') {
        goTo(to);
        print(to === 'me' ? t('console-in-me') : t(to === 'staff' ? 'console-in-staff' : 'console-in-group', { chat: groups[to].title }));
        if (to !== 'me') showLatestWithButtons(groups[to]);
      } else print(t('console-in-usage'));
      if (isTty) rl.prompt();
      return;
    }
    if (/^\d{1,2}$/.test(text) && choicesOf !== undefined) {
      const choice = choices[Number(text) - 1];
      if (!choice) print(t('console-no-button', { number: Number(text) }));
      else if (choice.kind === 'link') {
        // Opening the link opens the private chat with the bot, which Telegram starts with /start <payload>.
        goTo('me');
        print(t('console-link-opened'));
        lastUpdateId = emulator.say(user, `/start ${choice.payload}`).update_id;
      } else lastUpdateId = emulator.press(user, choicesOf, choice.data).update_id;
      return;
    }
    const reply = parseReply(text);
    if (reply) answerReply(reply);
    else send(text);
  });
  if (isTty) rl.prompt();

  return { closed, print, close: () => rl.close(), lastUpdateId: () => lastUpdateId, detach: unsubscribe };
}

/** A button as printed: callback buttons and links to this bot get the next number, other links show where they go. */
function describe(button: InlineKeyboardButton, numbered: Choice[], botUsername: string): string {
  if ('callback_data' in button && button.callback_data !== undefined) {
    numbered.push({ kind: 'press', data: button.callback_data });
    return `[${numbered.length}] ${button.text}`;
  }
  if ('url' in button && button.url) {
    const payload = startPayload(button.url, botUsername);
    if (payload === undefined) return `${button.text} → ${button.url}`;
    numbered.push({ kind: 'link', payload });
    return `[${numbered.length}] ${button.text}`;
  }
  return button.text;
}

/** The `start` payload of a deep link to the bot (https://t.me/<bot>?start=<payload>), else undefined. */
function startPayload(url: string, botUsername: string): string | undefined {
  try {
    const link = new URL(url);
    const start = link.searchParams.get('start');
    const toBot = link.hostname === 't.me' && link.pathname.replace(/^\//, '').toLowerCase() === botUsername.toLowerCase();
    return toBot && start ? start : undefined;
  } catch {
    return undefined;
  }
}

/** A message's inline keyboard rows; none under a prompt that asks for a reply (force_reply, the emulator keeps it as sent). */
function keyboardOf(m: ChatMessage): InlineKeyboardButton[][] {
  return (m.reply_markup as Partial<InlineKeyboardMarkup> | undefined)?.inline_keyboard ?? [];
}
