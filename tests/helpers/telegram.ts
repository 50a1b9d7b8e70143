import type { Update } from 'grammy/types';
import { createApp, createAppLogger, type App } from '../../src/app.ts';
import { createBot, type CreateBotOptions, type SmeBot } from '../../src/bot/bot.ts';
import { highestHandledUpdateId } from '../../src/community/update-claims.ts';
import {
  startBotApiEmulator,
  type BotAction,
  type BotApiEmulator,
  type ChatMessage,
  type EmulatedGroup,
  type EmulatedUser,
  type NewGroup,
} from '../../src/emulator/index.ts';
import { parseTelegramHtml } from '../../src/emulator/telegram-html.ts';
import { startPolling, type RunningBot } from '../../src/bot/run.ts';
import { outboxApi } from '../../src/bot/outbox-sender.ts';
import { outboxSent, startSenders, type RunningSenders } from '../../src/bot/senders.ts';
import { loadConfig, secretValues } from '../../src/config.ts';
import { type Language } from '../../src/text/language.ts';
import type { Db } from '../../src/db/db.ts';
import type { ExperienceRecord } from '../../src/knowledge/experiences/experience.ts';
import { memberLogName } from '../../src/log.ts';
import { openTestPglite } from './db.ts';
import { CANARY, CANARY_SECRETS, LogCanaries } from './log-canaries.ts';

/** Fluent's bidi isolation marks, removed before comparing texts. */
export const plain = (s: string) => s.replace(/[\u2068\u2069]/g, '');

/** What a member sees of one bot message. */
export interface Reply {
  message: ChatMessage;
  /** Visible text, isolation marks removed. */
  text: string;
  /** Inline buttons' labels, row by row flattened (isolation marks removed). */
  buttons: string[];
}

export interface TelegramTestOptions {
  /**
   * Environment for loadConfig (LOG_LEVEL silent unless TEST_LOG_LEVEL is set). BOT_TOKEN is the
   * canary token; every secret given here (OPENAI_API_KEY…) is a canary too.
   */
  env?: Record<string, string>;
  /** Published before the bot starts. */
  experiences?: ExperienceRecord[];
  /** Database to use (default: a fresh migrated PGlite, closed by stop()). */
  openDb?: () => Promise<Db>;
  /** Replaces parts of the real application (e.g. an answering service that fails). */
  patchApp?: (app: App) => App;
  bot?: CreateBotOptions;
  /**
   * Where the application logs at LOG_LEVEL and above go (JSON lines), e.g. to assert an error was
   * logged. Every line at every level is also checked for canaries (see LogCanaries).
   */
  logDestination?: NodeJS.WritableStream;
}

const toReply = (m: ChatMessage): Reply => ({
  message: m,
  text: plain(m.text),
  buttons: (m.reply_markup?.inline_keyboard ?? []).flat().map((b) => plain(b.text)),
});

/**
 * The bot as members meet it: emulator (fake Telegram over HTTP) + the real bot polling it +
 * the real application on a fresh database. `member()` plays a Telegram user.
 */
export class TelegramTest {
  private readonly done = new Map<number, { resolve: () => void; promise: Promise<void> }>();
  private nextUserId = 1000;

  private constructor(
    readonly emulator: BotApiEmulator,
    readonly app: App,
    readonly db: Db,
    readonly bot: SmeBot,
    /** Every log line is checked for the canary secrets and the members' texts; a test that leaks one fails. */
    readonly logs: LogCanaries,
  ) {}

  private running?: RunningBot;
  private senders?: RunningSenders;

  static async start(options: TelegramTestOptions = {}): Promise<TelegramTest> {
    const db = await (options.openDb ?? openTestPglite)();
    // Telegram's update ids keep growing across restarts: a bot started again on the same database sees new ones.
    const emulator = await startBotApiEmulator({ holdMs: 200, firstUpdateId: (await highestHandledUpdateId(db)) + 1, token: CANARY.botToken });
    const config = loadConfig({
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      ...options.env,
      BOT_TOKEN: emulator.token,
      TELEGRAM_API_ROOT: emulator.apiRoot,
    });
    const logs = new LogCanaries([...CANARY_SECRETS, ...secretValues(config)], { level: config.logLevel, forward: options.logDestination ?? process.stderr });
    let app = await createApp(config, { db, logger: createAppLogger(config, logs.stream, 'trace') });
    if (options.patchApp) app = options.patchApp(app);
    if (options.experiences?.length) await app.experiences.upsertRecords(options.experiences, { status: 'published' });
    await app.loadSearchIndex();
    const bot = createBot(emulator.token, { app }, { apiRoot: emulator.apiRoot, ...options.bot });
    const test = new TelegramTest(emulator, app, db, bot, logs);
    // The one seam: know when the bot has finished with an update (runner calls handleUpdate).
    const handle = bot.handleUpdate.bind(bot);
    bot.handleUpdate = async (update, envelope) => {
      // Whatever a member wrote, however the test sent it, must not reach a log line.
      for (const m of [update.message, update.edited_message]) {
        for (const text of [m?.text, m?.caption]) if (text) logs.watch(text);
      }
      try {
        await handle(update, envelope);
      } finally {
        test.tracker(update.update_id).resolve();
      }
    };
    // Answers reach members through the outbox, as in `start`: its senders run beside the bot.
    test.senders = startSenders(app, outboxApi(emulator.token, emulator.apiRoot));
    test.running = await startPolling(bot, app.logger, { pollTimeoutSeconds: 1 });
    return test;
  }

  /** Resolves once the outbox holds no message due within two seconds (a 429's short wait included), or after 15 s. */
  outboxSent(): Promise<void> {
    return outboxSent(this.db, { dueWithinMs: 2_000, timeoutMs: 15_000 });
  }

  /** Resolves when the bot has finished handling this update (replies sent); rejects if its logs leaked a canary. */
  async handled(updateId: number): Promise<void> {
    await this.tracker(updateId).promise;
    this.logs.assertClean();
  }

  private tracker(updateId: number) {
    let t = this.done.get(updateId);
    if (!t) {
      let resolve!: () => void;
      const promise = new Promise<void>((r) => (resolve = r));
      t = { resolve, promise };
      this.done.set(updateId, t);
    }
    return t;
  }

  /**
   * Hands the bot an update directly, as a second replica (or Telegram retrying a webhook call)
   * would; long polling never sends an update below the confirmed offset again.
   */
  async deliver(update: Update): Promise<void> {
    await this.bot.handleUpdate(update);
  }

  member(user: Partial<EmulatedUser> = {}): TestMember {
    const id = user.id ?? this.nextUserId++;
    return new TestMember(this, { id, first_name: `Member${id}`, ...user });
  }

  /**
   * A group chat with the bot in it: a supergroup unless `type: 'group'`, with forum topics
   * when `forum`. Members take part through `member.inGroup(group)`.
   */
  group(options: NewGroup = {}): TestGroup {
    return new TestGroup(this.emulator, this.emulator.state.createGroup(options));
  }

  /** The locale text as a member sees it: HTML parsed, isolation marks removed. */
  text(language: Language, key: string, args?: Record<string, string | number>): string {
    return plain(parseTelegramHtml(this.app.translator.t(language, key, args)));
  }

  /** The locale text of a message sent without parse_mode, isolation marks removed. */
  plainText(language: Language, key: string, args?: Record<string, string | number>): string {
    return plain(this.app.translator.t(language, key, args));
  }

  async stop(): Promise<void> {
    await this.running?.stop();
    await this.senders?.stop();
    await this.emulator.close();
    await this.app.close();
    await this.db.close();
    this.logs.assertClean();
  }
}

/** A group chat in a test: its chat, and its forum topics by name. */
export class TestGroup {
  private readonly topics = new Map<string, number>();

  constructor(
    private readonly emulator: BotApiEmulator,
    readonly chat: EmulatedGroup,
  ) {}

  get id(): number {
    return this.chat.id;
  }

  /** The newest message in this chat, whoever wrote it (e.g. a member's, to reply to). */
  get lastMessage(): Reply {
    const message = this.emulator.state.messages(this.chat.id).at(-1);
    if (!message) throw new Error(`No message in chat ${this.chat.id}`);
    return toReply(message);
  }

  /** Every message the bot has in this chat (all its topics), oldest first. */
  get botMessages(): Reply[] {
    return this.emulator.state
      .messages(this.chat.id)
      .filter((m) => m.from === 'bot' && !m.deleted)
      .map(toReply);
  }

  /** The message_thread_id of the forum topic `name`, opened by `by` the first time. */
  topic(name: string, by: EmulatedUser): number {
    let id = this.topics.get(name);
    if (id === undefined) {
      id = this.emulator.state.createTopic(this.chat, name, by);
      this.topics.set(name, id);
    }
    return id;
  }
}

/** Where a member speaks: their private chat with the bot, or a group (and a forum topic in it). */
interface Seat {
  group: TestGroup;
  threadId?: number;
}

export class TestMember {
  /** Bot messages sent or edited in answer to this member's last action. */
  replies: Reply[] = [];
  /** Texts of answerCallbackQuery toasts for the last press. */
  toasts: string[] = [];
  /** The update this member's last action produced (to replay it). */
  lastUpdate?: Update;

  constructor(
    private readonly test: TelegramTest,
    readonly user: EmulatedUser,
    private readonly seat?: Seat,
  ) {}

  /**
   * The same person speaking in `group` (joining it first), in the forum topic `topic` when
   * given: says, presses, replies and history are then that chat's (and that topic's).
   */
  inGroup(group: TestGroup, options: { topic?: string } = {}): TestMember {
    this.test.emulator.state.joinGroup(group.chat, this.user);
    const threadId = options.topic === undefined ? undefined : group.topic(options.topic, this.user);
    return new TestMember(this.test, this.user, { group, ...(threadId !== undefined ? { threadId } : {}) });
  }

  get chatId(): number {
    return this.seat?.group.id ?? this.user.id;
  }

  /** The same person in their private chat with the bot. */
  get inPrivate(): TestMember {
    return this.seat ? new TestMember(this.test, this.user) : this;
  }

  /** The forum topic this member speaks in, if any. */
  get threadId(): number | undefined {
    return this.seat?.threadId;
  }

  get lastReply(): Reply | undefined {
    return this.replies.at(-1);
  }

  /** Every message the bot has in this chat, oldest first. */
  get history(): Reply[] {
    return this.inSeat(this.test.emulator.state.messages(this.chatId).filter((m) => m.from === 'bot' && !m.deleted)).map(toReply);
  }

  /** In a forum topic, only that topic's messages. */
  private inSeat(messages: ChatMessage[]): ChatMessage[] {
    return this.threadId === undefined ? messages : messages.filter((m) => m.message_thread_id === this.threadId);
  }

  private where(): { group?: EmulatedGroup; threadId?: number } {
    return this.seat ? { group: this.seat.group.chat, ...(this.seat.threadId !== undefined ? { threadId: this.seat.threadId } : {}) } : {};
  }

  /** How the logs name this member (see memberLogName); undefined when they are no member. */
  async logName(): Promise<string | undefined> {
    const [row] = await this.test.db.query<{ log_key: string }>('SELECT log_key FROM members WHERE telegram_id = $1', [this.user.id]);
    return row ? memberLogName(row.log_key, this.user.id) : undefined;
  }

  /** Sends a text message and waits for the bot's replies to it; `replyTo`: a bot's reply, or any message of the chat. */
  says(text: string, options: { replyTo?: Reply | { message_id: number } } = {}): Promise<Reply[]> {
    const replyTo = options.replyTo && ('message' in options.replyTo ? options.replyTo.message.message_id : options.replyTo.message_id);
    return this.act(() => this.test.emulator.say(this.user, text, { ...this.where(), ...(replyTo !== undefined ? { replyTo } : {}) }));
  }

  /** Sends a non-text message (photo, voice, sticker, document…): the fields of Message to add. */
  sends(fields: Record<string, unknown>): Promise<Reply[]> {
    return this.act(() => this.test.emulator.state.userMessage(this.user, '', { ...this.where(), extra: fields }));
  }

  /**
   * Sends a recording as a voice note (or an audio file with `as: 'audio'`): its bytes are kept
   * by the emulator, which serves them through getFile and its file path as Telegram does.
   */
  sendsVoice(data: Uint8Array, options: { durationSeconds: number; as?: 'voice' | 'audio' }): Promise<Reply[]> {
    const kind = options.as ?? 'voice';
    const ids = this.test.emulator.state.files.put(data, kind, kind === 'voice' ? 'oga' : 'mp3');
    const media = { ...ids, duration: options.durationSeconds, mime_type: kind === 'voice' ? 'audio/ogg' : 'audio/mpeg' };
    return this.sends({ [kind]: kind === 'audio' ? { ...media, file_name: 'question.mp3' } : media });
  }

  /**
   * Opens the t.me deep link under `message` labelled `label` (the whole label, as the member
   * reads it), as Telegram does: the member's private chat with the bot gets `/start <payload>`.
   * Throws unless the link is this bot's.
   */
  opensLink(message: Reply, label: string): Promise<Reply[]> {
    const buttons = (message.message.reply_markup?.inline_keyboard ?? []).flat();
    const button = buttons.find((b) => plain(b.text) === label);
    if (!button || !('url' in button) || !button.url)
      throw new Error(`No link "${label}" under message ${message.message.message_id}; buttons: ${buttons.map((b) => b.text).join(' | ')}`);
    const link = new URL(button.url);
    const payload = link.searchParams.get('start');
    if (link.origin !== 'https://t.me' || link.pathname !== `/${this.test.emulator.botInfo.username}` || !payload)
      throw new Error(`Not a deep link into the bot: ${button.url}`);
    return this.inPrivate.says(`/start ${payload}`);
  }

  /**
   * Presses the newest button whose label (or callback data) is `label`; with `under`, the one
   * under that message.
   */
  presses(label: string, options: { under?: Reply } = {}): Promise<Reply[]> {
    const all = this.inSeat([...this.test.emulator.state.messages(this.chatId)]).reverse();
    const under = options.under?.message.message_id;
    const messages = under === undefined ? all : all.filter((m) => m.message_id === under);
    for (const m of messages) {
      for (const b of (m.reply_markup?.inline_keyboard ?? []).flat()) {
        if ('callback_data' in b && (plain(b.text) === label || b.callback_data === label || plain(b.text).includes(label))) {
          return this.act(() => this.test.emulator.press(this.user, m, b.callback_data!));
        }
      }
    }
    throw new Error(
      `No button "${label}" in chat ${this.chatId}; buttons: ${messages.flatMap((m) => (m.reply_markup?.inline_keyboard ?? []).flat().map((b) => b.text)).join(' | ')}`,
    );
  }

  private async act(send: () => Update): Promise<Reply[]> {
    const actions: BotAction[] = [];
    const off = this.test.emulator.subscribe((a) => actions.push(a));
    try {
      const update = send();
      this.lastUpdate = update;
      await this.test.handled(update.update_id);
      await this.test.outboxSent();
      const mine = (a: BotAction) =>
        'message' in a
          ? a.message.chat_id === this.chatId && (this.threadId === undefined || a.message.message_thread_id === this.threadId)
          : a.kind === 'callback_answer'
            ? a.callback_query_id === update.callback_query?.id
            : false;
      const relevant = actions.filter(mine);
      this.replies = relevant.flatMap((a) => ('message' in a ? [toReply(a.message)] : []));
      this.toasts = relevant.flatMap((a) => (a.kind === 'callback_answer' && a.text ? [plain(a.text)] : []));
      this.test.logs.assertClean();
      return this.replies;
    } finally {
      off();
    }
  }
}

/** Whether any trace of `member`'s Telegram contact (a tg://user link, their @username) is in `reply`. */
export function carriesContactOf(reply: Reply, member: TestMember): boolean {
  const traces = [`tg://user?id=${member.user.id}`, ...(member.user.username ? [`@${member.user.username}`] : [])];
  return traces.some((trace) => reply.message.raw.includes(trace) || reply.text.includes(trace));
}

/** Presses a button carrying `data` on the member's newest bot message, as a forged client would; returns the toasts. */
export async function pressForged(tg: TelegramTest, member: TestMember, data: string): Promise<string[]> {
  const message = tg.emulator.state.messages(member.chatId).at(-1)!;
  const toasts: string[] = [];
  const off = tg.emulator.subscribe((a: BotAction) => {
    if (a.kind === 'callback_answer' && a.text) toasts.push(plain(a.text));
  });
  try {
    const update = tg.emulator.press(member.user, message, data);
    await tg.handled(update.update_id);
  } finally {
    off();
  }
  return toasts;
}

/** A post in a group whose admins chose no language (English then), as it ends: how to have the bot's posts in Persian or Chinese, each in its language. */
export function withLanguageHint(tg: TelegramTest, text: string, key = 'group-posts-language-hint'): string {
  return `${text}\n\n${tg.text('fa', key)}\n${tg.text('zh', key)}`;
}
