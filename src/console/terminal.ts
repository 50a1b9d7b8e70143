import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { InlineKeyboardButton } from 'grammy/types';
import type { Translator } from '../i18n.ts';
import type { BotApiEmulator, ChatMessage, EmulatedUser } from '../emulator/index.ts';
import { languageFromTelegram } from '../bot/i18n.ts';

export interface TerminalOptions {
  input: Readable;
  output: Writable;
  emulator: Pick<BotApiEmulator, 'say' | 'press' | 'subscribe'>;
  /** The local member; `/lang` changes its language_code in place. */
  user: EmulatedUser;
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

/**
 * The console chat's front end: each typed line is a message from the local member (or a
 * button press when it is a number), each bot message is printed as the Telegram client shows
 * its text, with callback buttons numbered [1], [2] … in their keyboard rows.
 */
export function startTerminal(options: TerminalOptions): Terminal {
  const { input, output, emulator, user, translator } = options;
  const t = (key: string, args?: Record<string, string | number>) => translator.t(languageFromTelegram(user.language_code), key, args);
  const print = (text: string) => output.write(`${text}\n`);
  const isTty = (output as Writable & { isTTY?: boolean }).isTTY === true;
  const rl = createInterface({ input, output, terminal: isTty, prompt: '> ' });

  // Numbers press the buttons of the latest bot message that has any, as a reader expects.
  let lastUpdateId = 0;
  let choices: Choice[] = [];
  let choicesOf: number | undefined;
  const shown = new Map<number, string>();

  const show = (m: ChatMessage, edited: boolean) => {
    const rows = m.reply_markup?.inline_keyboard ?? [];
    const keyboardLines: string[] = [];
    const numbered: Choice[] = [];
    for (const row of rows) {
      keyboardLines.push(row.map((b) => describe(b, numbered)).join('   '));
    }
    if (numbered.length > 0) {
      choices = numbered;
      choicesOf = m.message_id;
    } else if (choicesOf === m.message_id) {
      choices = [];
      choicesOf = undefined;
    }
    const rendered = [m.text, ...keyboardLines.map((l) => `  ${l}`)].join('\n');
    if (edited && shown.get(m.message_id) === rendered) return;
    shown.set(m.message_id, rendered);
    print(`\n${edited ? '✎ ' : ''}${rendered}\n`);
    if (isTty) rl.prompt(true);
  };

  const unsubscribe = emulator.subscribe((action) => {
    if (action.kind === 'message' && action.message.from === 'bot' && action.message.chat_id === user.id) show(action.message, false);
    else if (action.kind === 'edit' && action.message.chat_id === user.id) show(action.message, true);
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
    if (/^\d{1,2}$/.test(text) && choicesOf !== undefined) {
      const choice = choices[Number(text) - 1];
      if (!choice) print(t('console-no-button', { number: Number(text) }));
      else lastUpdateId = emulator.press(user, { chat_id: user.id, message_id: choicesOf }, choice.data).update_id;
      return;
    }
    lastUpdateId = emulator.say(user, text).update_id;
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
