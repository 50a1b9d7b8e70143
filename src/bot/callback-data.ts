import type { Composer, Context, Filter } from 'grammy';

/** Telegram refuses a button whose callback data is longer than this many bytes (UTF-8). */
export const MAX_CALLBACK_BYTES = 64;

/** One value inside callback data; never contains ':'. */
export interface FieldType<T> {
  encode(value: T): string;
  decode(text: string): T | undefined;
  /** The longest text `encode` can return, for the size check. */
  readonly longest: string;
}

/** A database id: a positive safe integer. */
export const id: FieldType<number> = {
  encode: String,
  decode: (s) => (/^[1-9]\d{0,15}$/.test(s) && Number.isSafeInteger(Number(s)) ? Number(s) : undefined),
  longest: String(Number.MAX_SAFE_INTEGER),
};

export const flag: FieldType<boolean> = {
  encode: (b) => (b ? '1' : '0'),
  decode: (s) => (s === '1' ? true : s === '0' ? false : undefined),
  longest: '1',
};

/** One of a fixed list of words (none of them containing ':' or equal to '-'). */
export function oneOf<const V extends string>(values: readonly V[]): FieldType<V> {
  return {
    encode: (v) => v,
    decode: (s) => values.find((v) => v === s),
    longest: values.reduce((a, b) => (Buffer.byteLength(b) > Buffer.byteLength(a) ? b : a), ''),
  };
}

/** A value or none ('-'), e.g. a step's "skip". */
export function optional<T>(inner: FieldType<T>): FieldType<T | null> {
  return {
    encode: (v) => (v === null ? '-' : inner.encode(v)),
    decode: (s) => (s === '-' ? null : inner.decode(s)),
    longest: inner.longest === '' ? '-' : inner.longest,
  };
}

type Fields = Record<string, FieldType<unknown>>;
type ValueOf<F> = { [K in keyof F]: F[K] extends FieldType<infer T> ? T : never };

export interface CallbackCodec<T> {
  readonly tag: string;
  readonly version: number;
  encode(value: T): string;
  /** The value, or undefined when `data` is not this button's, or of another version, or malformed. */
  decode(data: string): T | undefined;
  /** The longest data `encode` can produce. */
  longest(): string;
}

// Version 1 has no prefix: buttons sent before versions existed keep working.
const VERSION = /^v(\d+):/;

/**
 * A kind of button: `[v<version>:]<tag>[:<field>…]`, fields in the order given. Change a
 * button's layout by raising its version: presses on the old buttons then no longer decode and
 * are refused, instead of being read with the new layout.
 */
export function callback<F extends Fields>(tag: string, fields: F, version = 1): CallbackCodec<ValueOf<F>> {
  const names = Object.keys(fields);
  const prefix = version === 1 ? tag : `v${version}:${tag}`;
  const types = names.map((n) => fields[n]!);
  const join = (parts: string[]) => [prefix, ...parts].join(':');
  return {
    tag,
    version,
    encode: (value) => join(names.map((n, i) => types[i]!.encode((value as Record<string, unknown>)[n]))),
    decode(data) {
      const stated = VERSION.exec(data);
      if ((stated ? Number(stated[1]) : 1) !== version) return undefined;
      const body = stated ? data.slice(stated[0].length) : data;
      if (body !== tag && !body.startsWith(`${tag}:`)) return undefined;
      const parts = body === tag ? [] : body.slice(tag.length + 1).split(':');
      if (parts.length !== names.length) return undefined;
      const value: Record<string, unknown> = {};
      for (const [i, name] of names.entries()) {
        const decoded = types[i]!.decode(parts[i]!);
        if (decoded === undefined) return undefined;
        value[name] = decoded;
      }
      return value as ValueOf<F>;
    },
    longest: () => join(types.map((t) => t.longest)),
  };
}

/** Runs `handler` for presses on `codec`'s buttons; other presses go on to the next middleware. */
export function onPress<C extends Context, T>(
  composer: Composer<C>,
  codec: CallbackCodec<T>,
  handler: (ctx: Filter<C, 'callback_query:data'>, value: T, next: () => Promise<void>) => unknown,
): void {
  composer.on('callback_query:data', async (ctx, next) => {
    const value = codec.decode(ctx.callbackQuery.data);
    if (value === undefined) return next();
    await handler(ctx, value, next);
  });
}
