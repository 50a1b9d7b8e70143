// Kinds of value a setting takes, each with the message that says what a bad one should be.
import { z } from 'zod';

/** Unset or blank: undefined. */
export const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

export const positiveInt = (fallback: number) =>
  z.coerce.number({ error: 'expects a whole number' }).int('expects a whole number').positive('expects a number above 0').default(fallback);

/** Comma-separated Telegram ids, each matching `id` (unset or empty: none). */
export function idList(id: RegExp, message: string) {
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
export function duration(fallback: string) {
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
