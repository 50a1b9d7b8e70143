import { describe, expect, it } from 'vitest';
import { shiftOffset, stripControlCharacters } from '../../src/text/control-characters.ts';

describe('stripping control characters from what members type', () => {
  it.each([
    ['a null byte', 'pay\u0000 the supplier', 'pay the supplier'],
    ['escape and bell', '\u001b[31mred\u0007', '[31mred'],
    ['C1 controls and DEL', 'next\u0085line\u007f\u009b', 'nextline'],
    ['Windows line ends', 'one\r\ntwo\rthree', 'one\ntwo\nthree'],
    ['tab and newline, kept', 'a\tb\nc', 'a\tb\nc'],
    ['Persian ZWNJ, kept', 'می\u200cخواهم', 'می\u200cخواهم'],
    ['Chinese, kept', '怎么\u0000付款', '怎么付款'],
  ])('%s', (_what, input, expected) => {
    expect(stripControlCharacters(input).text).toBe(expected);
  });

  it('tells where text was cut, so an offset after a cut moves back with it', () => {
    const { text, removed } = stripControlCharacters('\u0000/start\u0000 https://t.me');
    expect(text).toBe('/start https://t.me');
    expect(removed).toEqual([0, 7]);
    expect(text.slice(shiftOffset(1, removed), shiftOffset(7, removed))).toBe('/start');
    expect(text.slice(shiftOffset(9, removed))).toBe('https://t.me');
  });
});
