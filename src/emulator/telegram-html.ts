/** Tags Telegram accepts with parse_mode HTML. */
const ALLOWED = new Set(['b', 'strong', 'i', 'em', 'u', 'ins', 's', 'strike', 'del', 'a', 'code', 'pre', 'blockquote', 'tg-spoiler', 'span', 'tg-emoji']);
const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"' };

/** Telegram's own refusal, worded as the Bot API words it. */
export class ParseError extends Error {}

/**
 * Parses Telegram-flavoured HTML the way the Bot API does: returns the visible text, or throws
 * ParseError for an unknown tag, an unclosed or mismatched tag, or an unescaped `<`/`&`. This is
 * what lets tests catch member text that was interpolated without escaping.
 */
export function parseTelegramHtml(html: string): string {
  let out = '';
  const open: string[] = [];
  let i = 0;
  while (i < html.length) {
    const ch = html[i]!;
    if (ch === '<') {
      const end = html.indexOf('>', i);
      if (end < 0) throw new ParseError(`Bad Request: can't parse entities: Unclosed start tag at byte offset ${i}`);
      const raw = html.slice(i + 1, end).trim();
      const closing = raw.startsWith('/');
      const name = (closing ? raw.slice(1) : raw).split(/\s/)[0]!.toLowerCase();
      if (!ALLOWED.has(name)) throw new ParseError(`Bad Request: can't parse entities: Unsupported start tag "${name}" at byte offset ${i}`);
      if (closing) {
        if (open.pop() !== name)
          throw new ParseError(
            `Bad Request: can't parse entities: Unmatched end tag at byte offset ${i}, expected "</${open.at(-1) ?? ''}>", found "</${name}>"`,
          );
      } else {
        open.push(name);
      }
      i = end + 1;
    } else if (ch === '&') {
      const m = /^&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/i.exec(html.slice(i, i + 12));
      if (!m) throw new ParseError(`Bad Request: can't parse entities: Character '&' is reserved and must be escaped at byte offset ${i}`);
      const code = m[1]!;
      if (code.startsWith('#x') || code.startsWith('#X')) out += String.fromCodePoint(parseInt(code.slice(2), 16));
      else if (code.startsWith('#')) out += String.fromCodePoint(parseInt(code.slice(1), 10));
      else if (ENTITIES[code] !== undefined) out += ENTITIES[code];
      else throw new ParseError(`Bad Request: can't parse entities: Unsupported HTML entity "&${code};"`);
      i += m[0].length;
    } else {
      out += ch;
      i += 1;
    }
  }
  if (open.length > 0) throw new ParseError(`Bad Request: can't parse entities: Can't find end tag corresponding to start tag "${open.at(-1)}"`);
  return out;
}
