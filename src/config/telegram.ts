import { z } from 'zod';
import { duration, optionalText, positiveInt } from './values.ts';

/** How the bot meets Telegram: the console chat without a token, else long polling or a webhook; and the HTTP port. */
export const telegramSettings = {
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
  // Removed: see checkTelegram.
  BOT_WORKERS: optionalText,
};

type TelegramEnv = z.infer<z.ZodObject<typeof telegramSettings>>;

export type TelegramConfig =
  | { mode: 'console' }
  /** giveUpAfterMs: how long getUpdates may keep failing before the process stops. */
  | { mode: 'polling'; token: string; apiRoot: string; giveUpAfterMs: number }
  /** timeoutMs: how long a webhook call may take; past it Telegram is answered and the update handled on. */
  | { mode: 'webhook'; token: string; apiRoot: string; url: string; secret: string; port: number; timeoutMs: number };

const DEFAULT_PORT = 8080;

/** Settings that make sense only together, and one that is gone. */
export function checkTelegram(e: TelegramEnv, ctx: z.RefinementCtx): void {
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
  if (e.WEBHOOK_URL && !e.BOT_TOKEN) ctx.addIssue({ code: 'custom', path: ['BOT_TOKEN'], message: 'expects the bot token whenever WEBHOOK_URL is set' });
}

export function telegramConfig(e: TelegramEnv): TelegramConfig {
  if (!e.BOT_TOKEN) return { mode: 'console' };
  if (e.WEBHOOK_URL && e.WEBHOOK_SECRET)
    return {
      mode: 'webhook',
      token: e.BOT_TOKEN,
      apiRoot: e.TELEGRAM_API_ROOT,
      url: e.WEBHOOK_URL,
      secret: e.WEBHOOK_SECRET,
      port: e.PORT ?? DEFAULT_PORT,
      timeoutMs: e.WEBHOOK_TIMEOUT_MS,
    };
  return { mode: 'polling', token: e.BOT_TOKEN, apiRoot: e.TELEGRAM_API_ROOT, giveUpAfterMs: e.TELEGRAM_GIVE_UP_AFTER };
}

/** PORT, by default 8080 with a bot token; the console chat starts no HTTP server unless PORT is set. */
export function httpPort(e: TelegramEnv, telegram: TelegramConfig): number | undefined {
  return e.PORT ?? (telegram.mode === 'console' ? undefined : DEFAULT_PORT);
}
