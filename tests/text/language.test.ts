import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../src/text/language.ts';
import { normalize } from '../../src/text/normalize.ts';

describe('detectLanguage', () => {
  it('recognises very short greetings', () => {
    expect(detectLanguage('سلام')).toBe('fa');
    expect(detectLanguage('你好')).toBe('zh');
    expect(detectLanguage('hi', 'fa')).toBe('en');
    expect(detectLanguage('好')).toBe('zh');
  });

  it('keeps Persian and Chinese messages that mention Latin brand names or codes', () => {
    expect(detectLanguage('محموله پاوربانک Anker و Xiaomi تو گمرک مونده')).toBe('fa');
    expect(detectLanguage('چند تا فرز CNC از چین گرفتیم')).toBe('fa');
    expect(detectLanguage('HS code 是什么？')).toBe('zh');
    expect(detectLanguage('我们的CNC机床在伊朗坏了')).toBe('zh');
  });

  it('takes Arabic script as Persian and any Han text as Chinese', () => {
    expect(detectLanguage('كيف حالك')).toBe('fa');
    expect(detectLanguage('清關')).toBe('zh');
  });

  it('reads an English message with a stray foreign word as English', () => {
    expect(detectLanguage('we buy from a market in 义乌 every month', 'fa')).toBe('en');
    expect(detectLanguage('salam, mikhastam bedunam gheymat chande', 'fa')).toBe('en');
  });

  it('falls back when there are no letters', () => {
    expect(detectLanguage('', 'fa')).toBe('fa');
    expect(detectLanguage('12345 ۱۲۳', 'zh')).toBe('zh');
    expect(detectLanguage('👍🙏', 'fa')).toBe('fa');
    expect(detectLanguage('?!')).toBe('en');
  });
});

describe('normalize', () => {
  it('maps Persian letter variants and digits, drops diacritics and tatweel', () => {
    expect(normalize('كتابي ۱۲۳ مُحَمَّد پـــول', 'fa')).toBe('کتابی 123 محمد پول');
  });

  it('folds full width to ASCII, traditional to simplified, and case', () => {
    expect(normalize('ＡＢＣ１２３ 報關', 'zh')).toBe('abc123 报关');
  });

  it('keeps a word-internal half-space but not one beside a space', () => {
    expect(normalize('می‌خواهم \u200C کتاب\u200C', 'fa')).toBe('می\u200Cخواهم کتاب');
  });
});
