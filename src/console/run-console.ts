import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import type { App } from '../app.ts';
import { highestHandledUpdateId } from '../community/update-claims.ts';
import { createBot } from '../bot/bot.ts';
import { startBotApiEmulator, type BotApiEmulator, type EmulatedUser } from '../emulator/index.ts';
import { languageFromTelegram } from '../bot/i18n.ts';
import { startPolling } from '../bot/run.ts';
import { outboxApi } from '../bot/outbox-sender.ts';
import { outboxSent, startSenders } from '../bot/senders.ts';
import type { Translator } from '../i18n.ts';
import { CONSOLE_STAFF_CHAT_ID, LOCAL_USER_ID } from './console-config.ts';
import { seedDemoKnowledgeBase, type Seeded } from './seed.ts';
import { startTerminal } from './terminal.ts';

export interface RunConsoleOptions {
  app: App;
  input: Readable;
  output: Writable;
  /** The local member's Telegram language_code at start (fa, zh, en…), by default the system's; `/lang` changes it. */
  languageCode?: string;
}

/**
 * Console mode (no BOT_TOKEN): the real bot, with all its middleware, polls a Bot API
 * emulator inside this process, and a terminal plays the one local member, an admin, who types
 * in their private chat or in the staff's group chat. Seeds the demo knowledge base into an
 * empty database first. `app` must be built from `consoleConfig()`, so the bot posts staff
 * messages to the emulator's staff group. Resolves once the member has left and the bot has
 * stopped; the caller closes the app.
 */
export async function runConsole(options: RunConsoleOptions): Promise<void> {
  const { app, input, output } = options;
  if (app.config.staffChatId !== CONSOLE_STAFF_CHAT_ID || !app.config.adminTelegramIds.includes(LOCAL_USER_ID))
    throw new Error('the console chat needs an app built from consoleConfig(config)');
  const seeded = await seedDemoKnowledgeBase(app, join(app.assetsDir, 'demo-kb.jsonl'));
  // ADMIN_IDS, the local member among them: an admin in the database before their first message.
  await app.community.staff.applyAdminIds(app.config.adminTelegramIds);
  // The database remembers handled update numbers (for days); this emulator's are new ones.
  const emulator = await startBotApiEmulator({ holdMs: 500, firstUpdateId: (await highestHandledUpdateId(app.db)) + 1 });
  const user: EmulatedUser = { id: LOCAL_USER_ID, first_name: 'Console', last_name: 'Member', language_code: options.languageCode ?? systemLanguage() };
  const language = languageFromTelegram(user.language_code);
  // The staff group as if made before this start, with the bot and the local member (its creator) in it.
  const staffChat = emulator.state.createGroup({ id: CONSOLE_STAFF_CHAT_ID, title: app.translator.t(language, 'console-staff-chat-title') });
  emulator.state.directory.setStatus(staffChat.id, user.id, 'creator');
  const terminal = startTerminal({ input, output, emulator, user, staffChat, translator: app.translator });
  try {
    printBanner(terminal.print, app.translator, language, { seeded, staffChat: staffChat.title });
    const bot = createBot(emulator.token, { app }, { apiRoot: emulator.apiRoot, botInfo: emulator.botInfo, throttle: false });
    // Answers go through the outbox here too, sent to this emulator: the same path as with Telegram.
    const senders = startSenders(app, outboxApi(emulator.token, emulator.apiRoot));
    const polling = await startPolling(bot, app.logger, { pollTimeoutSeconds: 1 });
    await terminal.closed;
    // Input piped in may end before the bot has even fetched the last lines: let it.
    await fetched(emulator, terminal.lastUpdateId());
    await polling.stop();
    // The last question's answer is printed before goodbye.
    await outboxSent(app.db, { timeoutMs: FETCH_WAIT_MS });
    await senders.stop();
    terminal.print(app.translator.t(languageFromTelegram(user.language_code), 'console-bye'));
  } finally {
    // Also on failure: an open readline on stdin would keep the process alive.
    terminal.detach();
    terminal.close();
    await emulator.close();
  }
}

const FETCH_WAIT_MS = 10_000;

/** Resolves once the bot has fetched update `updateId` (asked for a later offset), or after a while. */
async function fetched(emulator: BotApiEmulator, updateId: number): Promise<void> {
  const deadline = Date.now() + FETCH_WAIT_MS;
  const done = () => emulator.state.calls.some((c) => c.method === 'getUpdates' && Number(c.params.offset ?? 0) > updateId);
  while (updateId > 0 && !done() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
}

/** In English for whoever reads the terminal, and again in the member's language. */
function printBanner(
  print: (text: string) => void,
  translator: Translator,
  language: ReturnType<typeof languageFromTelegram>,
  about: { seeded: Seeded; staffChat: string },
): void {
  const languages = language === 'en' ? (['en'] as const) : (['en', language] as const);
  for (const l of languages) {
    const lines = [
      translator.t(l, 'console-banner'),
      translator.t(l, 'console-staff-hint', { chat: about.staffChat }),
      translator.t(l, 'console-telegram-hint'),
    ];
    print(`${lines.join('\n')}\n`);
  }
  const { published, pending } = about.seeded;
  if (published > 0) print(translator.t(language, 'console-seeded', { count: published }));
  if (pending > 0) print(translator.t(language, 'console-seeded-pending', { count: pending }));
}

/** The terminal's locale (from LANG and friends, as ICU reads them), like a Telegram app's language. */
function systemLanguage(): string {
  return Intl.DateTimeFormat().resolvedOptions().locale;
}
