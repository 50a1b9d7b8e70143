import { describe, expect, it } from 'vitest';
import { finglishFunctionWord, finglishSpellings, isFinglish } from '../../src/text/finglish.ts';

describe('Finglish detection', () => {
  it.each([
    'chetor be tamin konande chini pool befrestam?',
    'mikham zaferan sader konam chin, sabt gomrok chin chejooriye?',
    'code GACC ro az koja begirim vase saderat zaferan',
    'saat chand too pekan alan?',
    'havaye tehran farda chetore?',
    'kargar chini biarim chabahar mojavez kar lazeme?',
  ])('reads "%s" as Persian in Latin letters', (text) => {
    expect(isFinglish(text)).toBe(true);
  });

  it.each([
    'pay chinese supplier?',
    'how to learn chinese fast',
    'do foreigners need visa for iran free zone to work there',
    'too many returns on carpets, any ideas?',
    'man, the container is stuck at the border again',
    'bad quality saffron packaging in china',
    'key account for saffron exports in dubai',
    'CNC',
    '12',
    'چطور به چین پول بفرستم؟',
    '伊朗客户怎么付款',
  ])('does not take "%s" for Finglish', (text) => {
    expect(isFinglish(text)).toBe(false);
  });
});

describe('Finglish spellings', () => {
  it('spells function words as everyone writes them', () => {
    expect(finglishFunctionWord('Chejoori')).toBe('چجوری');
    expect(finglishFunctionWord('gomrok')).toBeUndefined();
  });

  it.each([
    ['gomrok', 'گمرک'],
    ['tamin', 'تامین'],
    ['ghatar', 'قطار'],
    ['sabt', 'ثبت'],
    ['karkhoone', 'کارخونه'],
    ['taghallobi', 'تقلبی'],
    ['befrestam', 'بفرستم'],
    ['zaferan', 'زعفران'],
    ['saat', 'ساعت'],
    ['ghataat', 'قطعات'],
  ])('spells "%s" among other ways as %s', (word, persian) => {
    expect(finglishSpellings(word).map((s) => s.spelling)).toContain(persian);
  });

  it('puts the spelling with the short vowels dropped before less likely ones', () => {
    const spellings = finglishSpellings('gomrok').map((s) => s.spelling);
    expect(spellings[0]).toBe('گمرک');
    expect(finglishSpellings('xiaomi')).toEqual([]);
  });
});
