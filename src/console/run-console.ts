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
import { seedDemoKnowledgeBase } from './seed.ts';
import { startTerminal } from './terminal.ts';

export interface RunConsoleOptions {
  app: App;
  input: Readable;
  output: Writable;
  /** The local member's Telegram language_code at start (fa, zh, en…), by default the system's; `/lang` changes it. */
  languageCode?: string;
}

// One fixed local member, so their profile and contributions are still there next time.
const LOCAL_USER_ID = 100_000_001;

/**
 * Console mode (no BOT_TOKEN): the real bot, with all its middleware, polls a Bot API
 * emulator inside this process, and a terminal plays the one local member. Seeds the demo
 * knowledge base into an empty database first. Resolves once the member has left and the bot
 * has stopped; the caller closes the app.
 */
export async function runConsole(options: RunConsoleOptions): Promise<void> {
  const { app, input, output } = options;
  const seeded = await seedDemoKnowledgeBase(app, join(app.assetsDir, 'demo-kb.jsonl'));
  // The database remembers handled update numbers (for days); this emulator's are new ones.
  const emulator = await startBotApiEmulator({ holdMs: 500, firstUpdateId: (await highestHandledUpdateId(app.db)) + 1 });
  const user: EmulatedUser = { id: LOCAL_USER_ID, first_name: 'Console', last_name: 'Member', language_code: options.languageCode ?? systemLanguage() };
  const terminal = startTerminal({ input, output, emulator, user, translator: app.translator });
  try {
    printBanner(terminal.print, app, languageFromTelegram(user.language_code), seeded);
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
function printBanner(print: (text: string) => void, app: App, language: ReturnType<typeof languageFromTelegram>, seeded: number): void {
  const languages = language === 'en' ? (['en'] as const) : (['en', language] as const);
  for (const l of languages) {
    print(`${app.translator.t(l, 'console-banner')}\n${app.translator.t(l, 'console-telegram-hint')}\n`);
  }
  if (seeded > 0) print(app.translator.t(language, 'console-seeded', { count: seeded }));
}

/** The terminal's locale (from LANG and friends, as ICU reads them), like a Telegram app's language. */
function systemLanguage(): string {
  return Intl.DateTimeFormat().resolvedOptions().locale;
}
