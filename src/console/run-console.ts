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
import type { Language } from '../text/language.ts';
import { CONSOLE_MEMBERS_CHAT_ID, CONSOLE_STAFF_CHAT_ID, DEMO_ASKER_ID, LOCAL_USER_ID } from './console-config.ts';
import { consoleChatHistory } from './chat-history.ts';
import { seedDemoKnowledgeBase, seedDemoOpenQuestion, type Seeded } from './seed.ts';
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
 * in their private chat, the staff's group chat or the members' group. Seeds the demo knowledge
 * base and its one open question (asked by a demo member, whose private chat is shown too) into
 * an empty database first. `app` must be built from `consoleConfig()`, so the bot posts staff
 * messages and community questions to the emulator's groups. Resolves once the member has left
 * and the bot has stopped; the caller closes the app.
 */
export async function runConsole(options: RunConsoleOptions): Promise<void> {
  const { app, input, output } = options;
  const { staffChatId, adminTelegramIds, communityChatIds } = app.config;
  if (staffChatId !== CONSOLE_STAFF_CHAT_ID || !adminTelegramIds.includes(LOCAL_USER_ID) || !communityChatIds.includes(CONSOLE_MEMBERS_CHAT_ID))
    throw new Error('the console chat needs an app built from consoleConfig(config)');
  const seeded = await seedDemoKnowledgeBase(app, join(app.assetsDir, 'demo-kb.jsonl'));
  // With the demo base (a first start), one question nobody could answer, posted once the bot runs.
  const openQuestion = seeded.published + seeded.pending > 0 && (await seedDemoOpenQuestion(app, join(app.assetsDir, 'demo-open-question.json')));
  // ADMIN_IDS, the local member among them: an admin in the database before their first message.
  await app.community.staff.applyAdminIds(app.config.adminTelegramIds);
  // The database remembers handled update numbers (for days); this emulator's are new ones.
  const emulator = await startBotApiEmulator({ holdMs: 500, firstUpdateId: (await highestHandledUpdateId(app.db)) + 1 });
  // The chats as the last start left them (what the bot posted, and the numbers it remembers them by), unless the database is new.
  const history = consoleChatHistory(join(app.config.dataDir, CHAT_HISTORY_FILE), app.logger);
  if (seeded.published + seeded.pending === 0) emulator.state.restoreMessages(await history.load());
  const kept = history.keep(emulator);
  const user: EmulatedUser = { id: LOCAL_USER_ID, first_name: 'Console', last_name: 'Member', language_code: options.languageCode ?? systemLanguage() };
  const language = languageFromTelegram(user.language_code);
  // The staff group and the members' group as if made before this start, with the bot and the local member (their creator) in them.
  const staffChat = emulator.state.createGroup({ id: CONSOLE_STAFF_CHAT_ID, title: app.translator.t(language, 'console-staff-chat-title') });
  const membersChat = emulator.state.createGroup({ id: CONSOLE_MEMBERS_CHAT_ID, title: app.translator.t(language, 'console-members-chat-title') });
  for (const chat of [staffChat, membersChat]) emulator.state.directory.setStatus(chat.id, user.id, 'creator');
  const asker = await demoAsker(app);
  if (asker) emulator.state.directory.seen(asker);
  const terminal = startTerminal({ input, output, emulator, user, staffChat, membersChat, ...(asker ? { asker } : {}), translator: app.translator });
  try {
    const banner = bannerPrinter(terminal.print, app.translator, language);
    banner.intro({ staffChat: staffChat.title, membersChat: membersChat.title });
    const bot = createBot(emulator.token, { app }, { apiRoot: emulator.apiRoot, botInfo: emulator.botInfo, throttle: false });
    // Answers go through the outbox here too, sent to this emulator: the same path as with Telegram.
    const senders = startSenders(app, outboxApi(emulator.token, emulator.apiRoot));
    const polling = await startPolling(bot, app.logger, { pollTimeoutSeconds: 1 });
    // The demo question's posts are shown before the member is told they may type, so a number typed then presses what they see.
    if (openQuestion) await outboxSent(app.db, { timeoutMs: FETCH_WAIT_MS });
    banner.outro({ seeded, openQuestion, membersChat: membersChat.title });
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
    await kept.stop();
    await emulator.close();
  }
}

const FETCH_WAIT_MS = 10_000;
/** In DATA_DIR: the console's chats, kept for the next start. */
export const CHAT_HISTORY_FILE = 'console-chats.json';

/** Resolves once the bot has fetched update `updateId` (asked for a later offset), or after a while. */
async function fetched(emulator: BotApiEmulator, updateId: number): Promise<void> {
  const deadline = Date.now() + FETCH_WAIT_MS;
  const done = () => emulator.state.calls.some((c) => c.method === 'getUpdates' && Number(c.params.offset ?? 0) > updateId);
  while (updateId > 0 && !done() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
}

/**
 * The opening lines, in English for whoever reads the terminal and again in the member's
 * language: how the console works, then (once the bot runs) what the demo loaded and how to
 * reach Telegram instead.
 */
function bannerPrinter(print: (text: string) => void, translator: Translator, language: Language) {
  const languages = language === 'en' ? (['en'] as const) : (['en', language] as const);
  return {
    intro(chats: { staffChat: string; membersChat: string }): void {
      for (const l of languages) {
        const lines = [
          translator.t(l, 'console-banner'),
          translator.t(l, 'console-staff-hint', { chat: chats.staffChat }),
          translator.t(l, 'console-group-hint', { chat: chats.membersChat }),
        ];
        print(`${lines.join('\n')}\n`);
      }
    },
    outro(about: { seeded: Seeded; openQuestion: boolean; membersChat: string }): void {
      const { published, pending } = about.seeded;
      if (published > 0) print(translator.t(language, 'console-seeded', { count: published }));
      if (pending > 0) print(translator.t(language, 'console-seeded-pending', { count: pending }));
      if (about.openQuestion) print(translator.t(language, 'console-seeded-open-question', { chat: about.membersChat }));
      print(`\n${languages.map((l) => translator.t(l, 'console-telegram-hint')).join('\n')}`);
    },
  };
}

/** The demo's asker as the emulator plays them, once the demo question was seeded (on this start or an earlier one). */
async function demoAsker(app: App): Promise<EmulatedUser | undefined> {
  const member = await app.community.members.getByTelegramId(DEMO_ASKER_ID);
  if (!member || member.forgottenAt) return undefined;
  return { id: DEMO_ASKER_ID, first_name: member.name ?? 'Demo', ...(member.telegramLanguage ? { language_code: member.telegramLanguage } : {}) };
}

/** The terminal's locale (from LANG and friends, as ICU reads them), like a Telegram app's language. */
function systemLanguage(): string {
  return Intl.DateTimeFormat().resolvedOptions().locale;
}
