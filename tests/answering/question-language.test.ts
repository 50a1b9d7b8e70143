import { describe, expect, it } from 'vitest';
import { questionLanguage } from '../../src/answering/ask-question.ts';

describe('the language a question is answered in', () => {
  it('is Persian for Persian typed in Latin letters, whatever the member set', () => {
    expect(questionLanguage('chetor be tamin konande chini pool befrestam?', 'en')).toBe('fa');
    expect(questionLanguage('mikham zaferan sader konam chin', 'zh')).toBe('fa');
  });

  it("is the member's language for English or other Latin text", () => {
    expect(questionLanguage('pay chinese supplier?', 'zh')).toBe('zh');
    expect(questionLanguage('pay chinese supplier?', 'en')).toBe('en');
  });

  it('follows the script of Persian and Chinese text', () => {
    expect(questionLanguage('چطور به چین پول بفرستم؟', 'en')).toBe('fa');
    expect(questionLanguage('伊朗客户怎么付款', 'fa')).toBe('zh');
  });
});
