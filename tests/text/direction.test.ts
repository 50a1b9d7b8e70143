import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { inReadingDirection, startLinesRightToLeft } from '../../src/text/direction.ts';
import { linesLaidOutLeftToRight, linesStartingLeftToRight } from '../helpers/bidi.ts';

const RLM = '\u200F';
const value = (s: string) => `\u2068${s}\u2069`;

describe('Persian lines start right to left', () => {
  it('marks a line that begins with a Latin word, a number or only values, and no other', () => {
    const text = ['پرداخت با LC', 'WeChat Pay را فعال کردیم', '۳ روز', `${value('ایران')}، ${value('غذایی')}`, `${value('Acme')} عزیز`, ''].join('\n');
    expect(startLinesRightToLeft(text).split('\n')).toEqual([
      'پرداخت با LC',
      `${RLM}WeChat Pay را فعال کردیم`,
      '۳ روز',
      `${RLM}${value('ایران')}، ${value('غذایی')}`,
      `${RLM}${value('Acme')} عزیز`,
      '',
    ]);
    expect(linesLaidOutLeftToRight(startLinesRightToLeft(text))).toEqual([]);
    expect(linesStartingLeftToRight(startLinesRightToLeft(text))).toEqual([]);
  });

  it('looks past Telegram HTML tags and entities to the first letter', () => {
    expect(startLinesRightToLeft('<b>راهنما</b>')).toBe('<b>راهنما</b>');
    expect(startLinesRightToLeft('<b>SME Bridge</b> چیست؟')).toBe(`${RLM}<b>SME Bridge</b> چیست؟`);
    expect(startLinesRightToLeft('&lt;نام&gt;')).toBe('&lt;نام&gt;');
  });

  it('leaves the lines that continue a value spanning lines, and lines of only foreign words', () => {
    const story = `${RLM}${value('We paid by L/C.\nIt took 18 days.')}`;
    expect(startLinesRightToLeft(story)).toBe(story);
    expect(startLinesRightToLeft('English')).toBe('English');
  });

  it('marks each line once, and only in Persian', () => {
    const once = startLinesRightToLeft('Alibaba و ۱۲ تأمین‌کننده');
    expect(startLinesRightToLeft(once)).toBe(once);
    expect(inReadingDirection('en', 'Alibaba and 12 suppliers')).toBe('Alibaba and 12 suppliers');
    expect(inReadingDirection('zh', '阿里巴巴')).toBe('阿里巴巴');
  });
});

describe('Persian lines start right to left, for any mix of words, numbers, values and markup', () => {
  const word = fc.constantFrom('پرداخت', 'صرافی', 'گمرک', 'WeChat', 'L/C', 'Alibaba', '۱۲', '42', '📦', '،', ':', '<b>', '</b>', '&amp;');
  const plainText = fc.array(word, { minLength: 1, maxLength: 5 }).map((ws) => ws.join(' '));
  const isolated = plainText.map(value);
  const line = fc.array(fc.oneof(plainText, isolated), { minLength: 1, maxLength: 4 }).map((parts) => parts.join(' '));
  const text = fc.array(line, { minLength: 1, maxLength: 5 }).map((lines) => lines.join('\n'));

  it('lays out every line with a Persian letter or a value right to left, adds nothing but marks, and marks once', () => {
    fc.assert(
      fc.property(text, (input) => {
        const output = startLinesRightToLeft(input);
        expect(output.replaceAll(RLM, '')).toBe(input.replaceAll(RLM, ''));
        expect(startLinesRightToLeft(output)).toBe(output);
        for (const l of output.split('\n')) {
          const persianOrValue = /\p{Script=Arabic}|\u2068/u.test(l);
          if (!persianOrValue) continue;
          expect(linesLaidOutLeftToRight(l)).toEqual([]);
          expect(linesStartingLeftToRight(l)).toEqual([]);
        }
      }),
      { numRuns: 500 },
    );
  });
});
