// C0 and C1 controls and DEL, except tab and newline. PostgreSQL refuses U+0000 in text, and
// the others are invisible noise in a question or a contribution. Format characters such as
// ZWNJ (U+200C, part of Persian spelling) are not controls and stay.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;
const CONTROLS = new RegExp(CONTROL.source, 'g');

/** Where text was cut: the UTF-16 offsets (in the original) of the removed code units, ascending. */
export interface StrippedText {
  text: string;
  removed: number[];
}

/** The text without control characters; a carriage return becomes a newline unless one follows. */
export function stripControlCharacters(text: string): StrippedText {
  const removed: number[] = [];
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\r') {
      if (text[i + 1] === '\n') removed.push(i);
      else out += '\n';
      continue;
    }
    if (CONTROL.test(ch)) removed.push(i);
    else out += ch;
  }
  return { text: out, removed };
}

/** `offset` in the original text, moved to where it is in the stripped text. */
export function shiftOffset(offset: number, removed: readonly number[]): number {
  let before = 0;
  while (before < removed.length && removed[before]! < offset) before++;
  return offset - before;
}

/** The text with each control character (carriage return included) replaced by U+FFFD: for tokens, where a removal could make one valid. */
export function replaceControlCharacters(text: string): string {
  return text.replace(CONTROLS, '\uFFFD');
}
