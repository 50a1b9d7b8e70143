import type { Language } from './language.ts';

export const RIGHT_TO_LEFT_MARK = '\u200F';
// Fluent wraps each value in these (first-strong isolate … pop directional isolate).
const ISOLATE_OPENER = /[\u2066\u2067\u2068]/;
const ISOLATE_START = new RegExp(ISOLATE_OPENER.source, 'g');
const ISOLATE_END = /\u2069/g;
// Telegram HTML: tags and entities are not shown, so none of their letters starts a line.
const MARKUP = /<[^>]*>|&(?:#\d+|#x[\da-f]+|[a-z]+);/gi;
const LETTER_OR_MARK = /[\p{L}\u200E\u200F]/u;
const PERSIAN_LETTER = /\p{Script=Arabic}/u;

/**
 * Every line of a Persian text starts right to left. A client lays a line out by its first
 * strong letter: Unicode says to skip isolated values, some clients do not, and a line with no
 * letter outside its values ("{ $country }، { $industry }") falls back to left to right either
 * way. So a line whose first letter is not Persian (a Latin name, a number, only values) gets
 * a right-to-left mark, which shows nothing. A line of only foreign words ("English" on the
 * language button) is left as it is. A line that continues a value spanning lines
 * (an isolate opened on an earlier line) is the value's own and keeps its direction.
 */
export function startLinesRightToLeft(text: string): string {
  let openIsolates = 0;
  return text
    .split('\n')
    .map((line) => {
      const continuesValue = openIsolates > 0;
      openIsolates = Math.max(0, openIsolates + (line.match(ISOLATE_START)?.length ?? 0) - (line.match(ISOLATE_END)?.length ?? 0));
      if (continuesValue || !needsMark(line)) return line;
      return RIGHT_TO_LEFT_MARK + line;
    })
    .join('\n');
}

function needsMark(line: string): boolean {
  const visible = line.replace(MARKUP, '');
  const hasValue = ISOLATE_OPENER.test(visible);
  const all = visible.replace(ISOLATE_START, '').replace(ISOLATE_END, '');
  // Nothing to lay out: only spaces, punctuation or emoji.
  if (!/[\p{L}\p{N}]/u.test(all)) return false;
  // No Persian letter and no value: not Persian text (a language's name on its own button).
  if (!hasValue && /\p{L}/u.test(all) && !PERSIAN_LETTER.test(all)) return false;
  // Clients that skip values see only the text between them; the others see everything.
  return !startsRightToLeft(outsideValues(visible)) || !startsRightToLeft(all);
}

/** Whether the first letter of a line of Telegram HTML (or a right-to-left mark before it) is right to left. */
export function htmlStartsRightToLeft(line: string): boolean {
  return startsRightToLeft(line.replace(MARKUP, ''));
}

function startsRightToLeft(text: string): boolean {
  const first = LETTER_OR_MARK.exec(text)?.[0];
  return first === RIGHT_TO_LEFT_MARK || (first !== undefined && PERSIAN_LETTER.test(first));
}

/** The line without what is inside its isolates (an isolate left open runs to the end). */
function outsideValues(line: string): string {
  let depth = 0;
  let out = '';
  for (const ch of line) {
    if (ISOLATE_OPENER.test(ch)) depth++;
    else if (ch === '\u2069') depth = Math.max(0, depth - 1);
    else if (depth === 0) out += ch;
  }
  return out;
}

/** `text` as a reader of `language` should see it laid out: Persian lines right to left. */
export function inReadingDirection(language: Language, text: string): string {
  return language === 'fa' ? startLinesRightToLeft(text) : text;
}
