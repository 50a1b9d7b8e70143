import { config as loadDotenv } from 'dotenv';
import { z } from 'zod';

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const positiveInt = (fallback: number) =>
  z.coerce.number({ error: 'expects a whole number' }).int('expects a whole number').positive('expects a number above 0').default(fallback);

const schema = z
  .object({
    DATABASE_URL: optionalText.pipe(z.url({ protocol: /^postgres(ql)?$/, error: 'expects a postgres:// or postgresql:// URL' }).optional()),
    DATA_DIR: z.string().trim().min(1).default('./data'),
    OPENAI_API_KEY: optionalText,
    OPENAI_BASE_URL: optionalText.pipe(z.url({ error: 'expects an http(s) URL' }).optional()),
    OPENAI_CHAT_MODEL: z.string().trim().min(1).default('gpt-4o-mini'),
    OPENAI_EMBEDDING_MODEL: optionalText,
    OPENAI_TRANSCRIPTION_MODEL: optionalText,
    EMBEDDING_DIMENSIONS: positiveInt(1536),
    OPENAI_TIMEOUT_MS: positiveInt(20_000),
    QUESTION_BUDGET_MS: positiveInt(30_000),
    DATABASE_STATEMENT_TIMEOUT_MS: positiveInt(15_000),
    DATABASE_KEEPALIVE_MS: positiveInt(10_000),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { error: 'expects one of fatal, error, warn, info, debug, trace, silent' })
      .default('info'),
    BOT_TOKEN: optionalText,
    TELEGRAM_API_ROOT: z
      .url({ error: 'expects an http(s) URL' })
      .default('https://api.telegram.org')
      .transform((v) => v.replace(/\/+$/, '')),
    WEBHOOK_URL: optionalText.pipe(z.url({ protocol: /^https?$/, error: 'expects an http(s) URL (Telegram itself calls only https)' }).optional()),
    WEBHOOK_SECRET: optionalText.pipe(
      z
        .string()
        .regex(/^[A-Za-z0-9_-]{1,256}$/, 'expects 1–256 characters of A–Z, a–z, 0–9, _ or -')
        .optional(),
    ),
    PORT: optionalText.pipe(
      z.coerce
        .number<string | undefined>({ error: 'expects a whole number' })
        .int('expects a whole number')
        .positive('expects a number above 0')
        .max(65535, 'expects a port up to 65535')
        .optional(),
    ),
    TELEGRAM_GIVE_UP_AFTER: duration('1h'),
    WEBHOOK_TIMEOUT_MS: positiveInt(50_000),
    RATE_LIMIT_PER_MINUTE: positiveInt(10),
    // Removed: see the check below.
    BOT_WORKERS: optionalText,
    DELIVERY_GIVE_UP_AFTER: duration('1h'),
    ANSWER_LATE_NOTICE_AFTER: duration('30s'),
    TELEGRAM_MAX_RETRY_WAIT: duration('60s'),
    SEARCH_INDEX: z.enum(['memory', 'database'], { error: 'expects memory or database' }).default('memory'),
    ADMIN_IDS: idList(/^[1-9]\d{0,15}$/, 'expects Telegram user ids (whole numbers above 0), comma-separated, e.g. 123456789,987654321'),
    STAFF_CHAT_ID: optionalText.pipe(
      z
        .string()
        .regex(/^-?[1-9]\d{0,15}$/, "expects the staff group's Telegram chat id, a whole number such as -1001234567890")
        .optional(),
    ),
    REVIEW_AFTER_MONTHS: positiveInt(12),
    GROUP_RATE_LIMIT_PER_MINUTE: positiveInt(10),
    ALLOWED_CHAT_IDS: idList(/^-[1-9]\d{0,15}$/, 'expects group chat ids (negative whole numbers such as -1001234567890), comma-separated'),
    COMMUNITY_CHAT_IDS: idList(/^-[1-9]\d{0,15}$/, 'expects group chat ids (negative whole numbers such as -1001234567890), comma-separated'),
  })
  .superRefine((e, ctx) => {
    if (e.WEBHOOK_URL && !e.WEBHOOK_SECRET) ctx.addIssue({ code: 'custom', path: ['WEBHOOK_SECRET'], message: 'expects a secret whenever WEBHOOK_URL is set' });
    if (e.BOT_WORKERS !== undefined) {
      // Two threads answered no faster than one, so the setting went; a value left in .env must not
      // silently mean something it no longer does.
      ctx.addIssue({
        code: 'custom',
        path: ['BOT_WORKERS'],
        message:
          'was removed: the bot answers in one thread per process. Delete BOT_WORKERS from the environment or .env. To serve more members, run several `sme-bridge start` processes in webhook mode behind a load balancer, sharing one PostgreSQL database (DATABASE_URL)',
      });
    }
    if (e.OPENAI_TRANSCRIPTION_MODEL && !e.OPENAI_API_KEY)
      ctx.addIssue({
        code: 'custom',
        path: ['OPENAI_TRANSCRIPTION_MODEL'],
        message: 'expects OPENAI_API_KEY too: voice questions are transcribed by the model server',
      });
    if (e.WEBHOOK_URL && !e.BOT_TOKEN) ctx.addIssue({ code: 'custom', path: ['BOT_TOKEN'], message: 'expects the bot token whenever WEBHOOK_URL is set' });
  });

type Env = z.infer<typeof schema>;

const DEFAULT_PORT = 8080;

export type DatabaseConfig =
  | { kind: 'pglite'; dataDir: string }
  /** statementTimeoutMs: one statement's limit, on the server and on our side of a silent link; keepAliveMs: TCP keepalive's first probe. */
  | { kind: 'postgres'; url: string; statementTimeoutMs?: number; keepAliveMs?: number };
export type AiConfig =
  | { mode: 'offline' }
  | {
      mode: 'openai';
      apiKey: string;
      baseURL?: string;
      chatModel: string;
      embeddingModel?: string;
      /** Speech-to-text model for voice questions (`/audio/transcriptions`); unset: voice messages are declined. */
      transcriptionModel?: string;
      dimensions: number;
      timeoutMs: number;
    };
export type TelegramConfig =
  | { mode: 'console' }
  /** giveUpAfterMs: how long getUpdates may keep failing before the process stops. */
  | { mode: 'polling'; token: string; apiRoot: string; giveUpAfterMs: number }
  /** timeoutMs: how long a webhook call may take; past it Telegram is answered and the update handled on. */
  | { mode: 'webhook'; token: string; apiRoot: string; url: string; secret: string; port: number; timeoutMs: number };

export interface Config {
  database: DatabaseConfig;
  /** Folder for local files: the embedded database and the console chat's log. */
  dataDir: string;
  ai: AiConfig;
  telegram: TelegramConfig;
  /**
   * Where the HTTP server (health, readiness, the webhook) listens: PORT, by default 8080 with
   * a bot token; the console chat starts none unless PORT is set, so two chats never fight over it.
   */
  httpPort: number | undefined;
  logLevel: Env['LOG_LEVEL'];
  rateLimitPerMinute: number;
  /** How long a question may take before the extractive answer is sent instead of waiting for the model. */
  questionBudgetMs: number;
  /**
   * `memory`: published texts held in the process, kept in step with the database (fast, costs
   * memory and a load at start); `database`: looked up in the database for every question.
   */
  searchIndex: Env['SEARCH_INDEX'];
  /**
   * How long an answer or notification is retried (429s, Telegram's 5xx, network failures),
   * counted from when it was queued, before the sender gives up on it and keeps it as failed.
   */
  deliveryGiveUpAfterMs: number;
  /** A member whose answer Telegram has not yet taken this long after the question is told it is coming. */
  answerLateNoticeAfterMs: number;
  /**
   * The longest 429 retry_after waited inside a handler's call to Telegram (a reply, an edit);
   * a longer one fails the call at once. Queued sends (answers, notifications) wait out any
   * retry_after in the job queue instead.
   */
  telegramMaxRetryWaitMs: number;
  /** Telegram user ids made admins at every start; an admin no longer listed becomes a member (see community/staff.ts). */
  adminTelegramIds: number[];
  /** The staff's group chat, where review cards and the re-verification digest are posted; undefined: curators review in their private chats, and no digest is sent. */
  staffChatId: number | undefined;
  /** An experience verified longer ago than this is due for re-verification (answers say so; the digest lists it). */
  reviewAfterMonths: number;
  /** Questions one group may put to the bot per minute (Telegram lets a bot post about 20 messages a minute in a group). */
  groupRateLimitPerMinute: number;
  /** Groups the bot serves whatever /allow and /disallow said (see community/groups.ts). */
  allowedChatIds: number[];
  /** Members' groups where questions nobody could answer are posted (besides the staff chat). */
  communityChatIds: number[];
}

/** A configuration problem the user must fix; `problems` names each variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuration is invalid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Parses settings into a typed Config. `env` defaults to the process environment merged over
 * a `.env` file in the working directory (the environment wins).
 */
export function loadConfig(env?: Record<string, string | undefined>): Config {
  const source = env ?? readProcessEnv();
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`));
  }
  const e = parsed.data;

  const telegram: TelegramConfig = !e.BOT_TOKEN
    ? { mode: 'console' }
    : e.WEBHOOK_URL && e.WEBHOOK_SECRET
      ? {
          mode: 'webhook',
          token: e.BOT_TOKEN,
          apiRoot: e.TELEGRAM_API_ROOT,
          url: e.WEBHOOK_URL,
          secret: e.WEBHOOK_SECRET,
          port: e.PORT ?? DEFAULT_PORT,
          timeoutMs: e.WEBHOOK_TIMEOUT_MS,
        }
      : { mode: 'polling', token: e.BOT_TOKEN, apiRoot: e.TELEGRAM_API_ROOT, giveUpAfterMs: e.TELEGRAM_GIVE_UP_AFTER };

  return {
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL, statementTimeoutMs: e.DATABASE_STATEMENT_TIMEOUT_MS, keepAliveMs: e.DATABASE_KEEPALIVE_MS }
      : { kind: 'pglite', dataDir: e.DATA_DIR },
    dataDir: e.DATA_DIR,
    ai: e.OPENAI_API_KEY
      ? {
          mode: 'openai',
          apiKey: e.OPENAI_API_KEY,
          ...(e.OPENAI_BASE_URL ? { baseURL: e.OPENAI_BASE_URL } : {}),
          chatModel: e.OPENAI_CHAT_MODEL,
          ...(e.OPENAI_EMBEDDING_MODEL ? { embeddingModel: e.OPENAI_EMBEDDING_MODEL } : {}),
          ...(e.OPENAI_TRANSCRIPTION_MODEL ? { transcriptionModel: e.OPENAI_TRANSCRIPTION_MODEL } : {}),
          dimensions: e.EMBEDDING_DIMENSIONS,
          timeoutMs: e.OPENAI_TIMEOUT_MS,
        }
      : { mode: 'offline' },
    telegram,
    httpPort: e.PORT ?? (telegram.mode === 'console' ? undefined : DEFAULT_PORT),
    logLevel: e.LOG_LEVEL,
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    questionBudgetMs: e.QUESTION_BUDGET_MS,
    searchIndex: e.SEARCH_INDEX,
    deliveryGiveUpAfterMs: e.DELIVERY_GIVE_UP_AFTER,
    answerLateNoticeAfterMs: e.ANSWER_LATE_NOTICE_AFTER,
    telegramMaxRetryWaitMs: e.TELEGRAM_MAX_RETRY_WAIT,
    adminTelegramIds: e.ADMIN_IDS.map(Number),
    staffChatId: e.STAFF_CHAT_ID === undefined ? undefined : Number(e.STAFF_CHAT_ID),
    reviewAfterMonths: e.REVIEW_AFTER_MONTHS,
    groupRateLimitPerMinute: e.GROUP_RATE_LIMIT_PER_MINUTE,
    allowedChatIds: e.ALLOWED_CHAT_IDS.map(Number),
    communityChatIds: e.COMMUNITY_CHAT_IDS.map(Number),
  };
}

/** Comma-separated Telegram ids, each matching `id` (unset or empty: none). */
function idList(id: RegExp, message: string) {
  return z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== ''),
    )
    .pipe(z.array(z.string().regex(id, message)));
}

/** A length of time such as `1h`, unset or empty meaning `fallback`. */
function duration(fallback: string) {
  return optionalText.transform((v, ctx) => {
    const ms = parseDuration(v ?? fallback);
    if (ms === undefined) ctx.addIssue({ code: 'custom', message: 'expects a duration above 0 such as 3600, 90s, 10m or 1h (a bare number is seconds)' });
    return ms ?? 0;
  });
}

const DURATION_UNITS: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 };

/** `90`, `90s`, `10m`, `1h`, `500ms` → milliseconds; undefined when it is none of these or not above 0. */
export function parseDuration(text: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h)?$/.exec(text);
  if (!match) return undefined;
  const ms = Math.round(Number(match[1]) * DURATION_UNITS[match[2] ?? 's']!);
  return ms > 0 ? ms : undefined;
}

function readProcessEnv(): Record<string, string | undefined> {
  const fromFile: Record<string, string> = {};
  loadDotenv({ processEnv: fromFile, quiet: true });
  return { ...fromFile, ...process.env };
}

/**
 * Every secret value in the config, for the logger to cut out of any line it writes: the bot
 * token (and its secret part after the bot id), the model server's key, the webhook secret, the
 * database password (as written in the URL and decoded).
 */
export function secretValues(config: Config): string[] {
  const secrets: string[] = [];
  if (config.telegram.mode !== 'console') {
    const { token } = config.telegram;
    secrets.push(token, token.slice(token.indexOf(':') + 1));
  }
  if (config.telegram.mode === 'webhook') secrets.push(config.telegram.secret);
  if (config.ai.mode === 'openai') secrets.push(config.ai.apiKey);
  if (config.database.kind === 'postgres') {
    const { password } = new URL(config.database.url);
    if (password) secrets.push(password, decodedOrSame(password));
  }
  return secrets.filter(Boolean);
}

function decodedOrSame(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
