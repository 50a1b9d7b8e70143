import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { InlineKeyboardButton } from 'grammy/types';
import type { Translator } from '../i18n.ts';
import type { BotApiEmulator, ChatMessage, EmulatedGroup, EmulatedUser } from '../emulator/index.ts';
import { languageFromTelegram } from '../bot/i18n.ts';

export interface TerminalOptions {
  input: Readable;
  output: Writable;
  emulator: Pick<BotApiEmulator, 'say' | 'press' | 'subscribe' | 'botInfo'>;
  /** The local member; `/lang` changes its language_code in place. */
  user: EmulatedUser;
  /** The staff's group chat, which the local member joins with `/in staff`. */
  staffChat: EmulatedGroup;
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

type Choice = { label: string; data: string };
/** Where the local member types: their private chat with the bot, or the staff's group chat. */
type Place = 'me' | 'staff';

/**
 * The console chat's front end: each typed line is a message from the local member (or a
 * button press when it is a number), each bot message is printed as the Telegram client shows
 * its text, with callback buttons numbered [1], [2] … in their keyboard rows. `/in staff` and
 * `/in me` move the member between the staff chat and their private chat; the staff chat's
 * messages always carry its name, the private chat's while the member is in the staff chat.
 */
export function startTerminal(options: TerminalOptions): Terminal {
  const { input, output, emulator, user, translator, staffChat } = options;
  const t = (key: string, args?: Record<string, string | number>) => translator.t(languageFromTelegram(user.language_code), key, args);
  const print = (text: string) => output.write(`${text}\n`);
  const isTty = (output as Writable & { isTTY?: boolean }).isTTY === true;
  const rl = createInterface({ input, output, terminal: isTty, prompt: '> ' });

  // Numbers press the buttons of the latest bot message that has any, in either chat, as a reader expects.
  let lastUpdateId = 0;
  let place: Place = 'me';
  let choices: Choice[] = [];
  let choicesOf: { chat_id: number; message_id: number } | undefined;
  const shown = new Map<string, string>();
  const isChoicesOf = (m: ChatMessage) => choicesOf?.chat_id === m.chat_id && choicesOf.message_id === m.message_id;
  const label = (chatId: number) => (chatId === staffChat.id ? staffChat.title : place === 'staff' ? emulator.botInfo.first_name : undefined);
  const prompt = () => rl.setPrompt(place === 'staff' ? `${staffChat.title}> ` : '> ');

  const show = (m: ChatMessage, edited: boolean) => {
    const rows = m.reply_markup?.inline_keyboard ?? [];
    const keyboardLines: string[] = [];
    const numbered: Choice[] = [];
    for (const row of rows) {
      keyboardLines.push(row.map((b) => describe(b, numbered)).join('   '));
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
    if (isTty) rl.prompt(true);
  };

  const ours = (m: ChatMessage) => m.chat_id === user.id || m.chat_id === staffChat.id;
  const unsubscribe = emulator.subscribe((action) => {
    if (action.kind === 'message' && action.message.from === 'bot' && ours(action.message)) show(action.message, false);
    else if (action.kind === 'edit' && ours(action.message)) show(action.message, true);
    else if (action.kind === 'callback_answer' && action.text) print(`  » ${action.text}`);
  });

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
      if (to === 'staff' || to === 'me') {
        place = to;
        print(to === 'staff' ? t('console-in-staff', { chat: staffChat.title }) : t('console-in-me'));
        prompt();
      } else print(t('console-in-usage'));
      if (isTty) rl.prompt();
      return;
    }
    if (/^\d{1,2}$/.test(text) && choicesOf !== undefined) {
      const choice = choices[Number(text) - 1];
      if (!choice) print(t('console-no-button', { number: Number(text) }));
      else lastUpdateId = emulator.press(user, choicesOf, choice.data).update_id;
      return;
    }
    lastUpdateId = (place === 'staff' ? emulator.say(user, text, { group: staffChat }) : emulator.say(user, text)).update_id;
  });
  if (isTty) rl.prompt();

  return { closed, print, close: () => rl.close(), lastUpdateId: () => lastUpdateId, detach: unsubscribe };
}

/** A button as printed: callback buttons get the next number, links show where they go. */
function describe(button: InlineKeyboardButton, numbered: Choice[]): string {
  if ('callback_data' in button && button.callback_data !== undefined) {
    numbered.push({ label: button.text, data: button.callback_data });
    return `[${numbered.length}] ${button.text}`;
  }
  if ('url' in button && button.url) return `${button.text} → ${button.url}`;
  return button.text;
}
