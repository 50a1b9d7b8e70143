import { createHmac } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { pino, type DestinationStream, type Logger, type LoggerOptions } from 'pino';

export type { Logger };

export interface LogSafety {
  /**
   * Values that must never be written (the bot token, API keys, passwords): cut out of every
   * line wherever they appear — inside a URL in an error message, a stack, a nested object.
   */
  secrets?: readonly string[];
}

const CENSOR = '[redacted]';

// Fields that carry what members wrote or who they are, or credentials, wherever code might log
// them by name; `data` is a button's callback data, which may carry text. A safety net: the
// code logs none of these on purpose.
const PERSONAL_OR_SECRET = [
  'text',
  'caption',
  'question',
  'answer',
  'data',
  'username',
  'first_name',
  'last_name',
  'chat_id',
  'user_id',
  'telegram_id',
  'telegramId',
  'chatId',
  'userId',
  'token',
  'apiKey',
  'api_key',
  'password',
  'secret',
  'authorization',
  'logKey',
  'log_key',
];
// A member object logged whole would show their name: `name` one level down (a top-level `name`
// is too common a field to take away).
const REDACT_PATHS = [...PERSONAL_OR_SECRET, ...PERSONAL_OR_SECRET.map((k) => `*.${k}`), '*.name'];

// A secret shorter than this is too weak to cut out of text without mangling every line.
const MIN_SECRET_LENGTH = 8;

/** The spellings a secret can take in a JSON line: as is, JSON-escaped, and percent-encoded in a URL. */
function spellings(secrets: readonly string[]): string[] {
  const all = new Set<string>();
  for (const s of secrets) {
    if (s.length < MIN_SECRET_LENGTH) continue;
    all.add(s);
    all.add(JSON.stringify(s).slice(1, -1));
    all.add(encodeURIComponent(s));
  }
  // Longest first, so a secret containing another is cut whole.
  return [...all].sort((a, b) => b.length - a.length);
}

function scrubber(secrets: readonly string[]): ((line: string) => string) | undefined {
  const cut = spellings(secrets);
  if (cut.length === 0) return undefined;
  return (line) => {
    for (const s of cut) if (line.includes(s)) line = line.split(s).join(CENSOR);
    return line;
  };
}

// What an error may show of itself. An allow-list, because errors carry whatever their library
// attached: grammY's BotError the whole update context (token, message text), GrammyError the
// request payload (chat id, text), pg's errors the row's values in `detail`.
const SAFE_ERROR_FIELDS = [
  'code',
  'errno',
  'syscall',
  'address',
  'port',
  'status',
  'error_code',
  'method',
  'description',
  'severity',
  'routine',
  'table',
  'column',
  'constraint',
  'request_id',
];
const MAX_ERROR_DEPTH = 5;

/**
 * An error as a log line shows it: type, message and stack as pino writes them (causes
 * included: "outer: inner", "caused by: …"), the safe fields, then the wrapped error and the
 * causes in turn, for their own messages and fields.
 */
export function serializeError(value: unknown, depth = 0): unknown {
  if (!(value instanceof Error)) return value;
  const e = value as Error & Record<string, unknown>;
  const std = pino.stdSerializers.err(e);
  // The first stack already runs through the causes.
  const out: Record<string, unknown> = { type: std.type, message: std.message, ...(depth === 0 ? { stack: std.stack } : {}) };
  for (const field of SAFE_ERROR_FIELDS) {
    const v = e[field];
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out[field] = v;
  }
  const retryAfter = (e.parameters as { retry_after?: unknown } | undefined)?.retry_after;
  if (typeof retryAfter === 'number') out.retry_after = retryAfter;
  if (depth < MAX_ERROR_DEPTH) {
    // grammY wraps the real failure in `error` (BotError, HttpError); the standard way is `cause`.
    if (e.error instanceof Error) out.error = serializeError(e.error, depth + 1);
    if (e.cause !== undefined) out.cause = serializeError(e.cause, depth + 1);
    if (Array.isArray(e.errors)) out.errors = e.errors.map((x) => serializeError(x, depth + 1));
  }
  return out;
}

function options(level: string, safety: LogSafety): LoggerOptions {
  const scrub = scrubber(safety.secrets ?? []);
  return {
    level,
    base: undefined,
    serializers: { err: serializeError, error: serializeError, cause: serializeError },
    redact: { paths: REDACT_PATHS, censor: CENSOR },
    ...(scrub ? { hooks: { streamWrite: scrub } } : {}),
  };
}

/** The program's logger: JSON lines on stderr, so stdout stays for command output. */
export function createLogger(level: string, destination: NodeJS.WritableStream = process.stderr, safety: LogSafety = {}): Logger {
  return pino(options(level, safety), destination as DestinationStream);
}

/** A logger appending to `path` (its folder is created), for when stderr is someone's screen. */
export function createFileLogger(level: string, path: string, safety: LogSafety = {}): Logger {
  mkdirSync(dirname(path), { recursive: true });
  return pino(options(level, safety), pino.destination({ dest: path, sync: true }));
}

/**
 * How logs name a member instead of their Telegram id: a keyed hash, the key being the member's
 * own random one. /forget deletes the key with the member, and the name then leads to no one.
 */
export function memberLogName(logKey: string, telegramId: number): string {
  return createHmac('sha256', logKey).update(String(telegramId)).digest('hex').slice(0, 12);
}
