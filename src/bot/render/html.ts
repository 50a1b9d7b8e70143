import { htmlStartsRightToLeft, RIGHT_TO_LEFT_MARK } from '../../text/direction.ts';

/** Escapes text for Telegram's HTML parse mode; every interpolated value goes through it. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** At most `max` characters (code points), the last an ellipsis when anything was cut. */
export function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max
    ? text
    : `${chars
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`;
}

/** Telegram's limit on one message, in UTF-16 code units. */
export const TELEGRAM_MAX_MESSAGE = 4096;

/** How long an HTML message is as Telegram counts it: its text, tags left out and each entity one character. */
export function visibleLength(html: string): number {
  return html.replace(/<[^>]*>/g, '').replace(/&(?:#\d+|#x[\da-f]+|[a-z]+);/gi, '&').length;
}

/**
 * Splits an HTML message into parts Telegram accepts: on paragraph boundaries first, then
 * lines, then (for a single overlong line) at a space, never inside an `&…;` entity. A line
 * that is cut keeps the lines before it (a heading) with its first piece, and a right-to-left
 * line's pieces each start right to left. Tags must not span a line, which holds for
 * everything this bot renders.
 */
export function splitMessage(html: string, max = TELEGRAM_MAX_MESSAGE): string[] {
  if (html.length <= max) return [html];
  const parts: string[] = [];
  let current = '';
  const flush = () => {
    if (current.trim() !== '') parts.push(current.trim());
    current = '';
  };
  for (const paragraph of html.split(/\n{2,}/)) {
    for (const piece of paragraph.length <= max ? [paragraph] : splitLong(paragraph, max)) {
      const joined = current === '' ? piece : `${current}\n\n${piece}`;
      if (joined.length <= max) current = joined;
      else {
        flush();
        current = piece;
      }
    }
  }
  flush();
  return parts;
}

function splitLong(paragraph: string, max: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const l of paragraph.split('\n')) {
    if (l.length > max) {
      // Cut together with the lines gathered so far, so a heading stays above its text.
      const pieces = hardCut(line === '' ? l : `${line}\n${l}`, max, htmlStartsRightToLeft(l));
      out.push(...pieces.slice(0, -1));
      line = pieces.at(-1) ?? '';
      continue;
    }
    const joined = line === '' ? l : `${line}\n${l}`;
    if (joined.length <= max) line = joined;
    else {
      out.push(line);
      line = l;
    }
  }
  if (line !== '') out.push(line);
  return out;
}

function hardCut(text: string, max: number, rightToLeft: boolean): string[] {
  const out: string[] = [];
  let rest = text;
  while (rest.length > max) {
    let cut = rest.lastIndexOf(' ', max);
    if (cut < max / 2) cut = max;
    const amp = rest.lastIndexOf('&', cut);
    if (amp >= 0 && rest.indexOf(';', amp) >= cut) cut = amp;
    // Never leave half of a surrogate pair at the end of a part.
    if (/[\uD800-\uDBFF]/.test(rest[cut - 1] ?? '')) cut -= 1;
    out.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
    // A piece that starts mid-line with a Latin word would otherwise be laid out left to right.
    if (rightToLeft && !htmlStartsRightToLeft(rest)) rest = RIGHT_TO_LEFT_MARK + rest;
  }
  if (rest !== '') out.push(rest);
  return out;
}
