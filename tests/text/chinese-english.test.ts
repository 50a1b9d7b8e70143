import { describe, expect, it } from 'vitest';
import { searchTokens } from '../../src/text/tokenize.ts';

const zh = (text: string): string[] => searchTokens(text, 'zh');
const en = (text: string): string[] => searchTokens(text, 'en');

describe('Chinese search tokens', () => {
  it('traditional and simplified writing give the same tokens', () => {
    expect(zh('清關')).toEqual(zh('清关'));
    expect(zh('報關需要哪些單據？')).toEqual(zh('报关需要哪些单据？'));
    expect(zh('貨櫃在臺灣港口')).toEqual(zh('货柜在台湾港口'));
  });

  it('a compound the word segmenter would split still matches as a whole', () => {
    expect(zh('货物清关很慢')).toContain('清关');
    expect(zh('清关')).toEqual(expect.arrayContaining(['清', '关', '清关']));
  });

  it('informal questions match the standard wording of contributions', () => {
    expect(zh('咋办')).toEqual(zh('怎么办'));
    expect(zh('找个靠谱的货代')).toEqual(zh('找个可靠的货代'));
    expect(zh('啥时候能发货')).toEqual(zh('什么时候能发货'));
    expect(zh('俺们木有清真证书')).toEqual(zh('我们没有清真证书'));
  });

  it('question words and particles are not tokens, content words are', () => {
    const tokens = zh('我们的开心果在港口被扣了，怎么办呢？');
    for (const stop of ['我们', '的', '了', '怎么办', '呢', '怎么']) expect(tokens).not.toContain(stop);
    expect(tokens).toEqual(expect.arrayContaining(['开心', '心果', '港口', '扣']));
    expect(tokens.every((t) => !/[\s，。？！、]/.test(t))).toBe(true);
  });

  it('a question loses the bigrams joining two words, which are no word and match texts by chance', () => {
    const question = searchTokens('北京明天天气怎么样？', 'zh', { question: true });
    expect(question).toEqual(expect.arrayContaining(['北京', '明天', '天气']));
    expect(question).not.toContain('天天');
    expect(question).not.toContain('京明');
    expect(zh('北京明天天气怎么样？')).toContain('天天');
    // Words the segmenter does not know come out as single characters: their bigrams stay.
    expect(searchTokens('伊朗清关怎么办？', 'zh', { question: true })).toContain('清关');
    expect(searchTokens('如何在伊朗找到经销商？', 'zh', { question: true })).toEqual(expect.arrayContaining(['经销', '销商']));
  });

  it('full-width letters and digits become ASCII, and Latin terms keep their own tokens', () => {
    expect(zh('ＨＳ编码１２３４')).toEqual(zh('HS编码1234'));
    const tokens = zh('报关需要HS code吗？我们有CE证书，货值48,000美元');
    expect(tokens).toEqual(expect.arrayContaining(['hs', 'code', 'ce', '48000', '报关']));
  });
});

describe('English search tokens', () => {
  it('plural, case, tense and punctuation do not matter', () => {
    expect(en('Machines!')).toEqual(en('machine'));
    expect(en('Shipping containers')).toEqual(en('shipped container'));
    expect(en('the supplier priced the invoices')).toEqual(en('Supplier pricing invoice'));
    expect(en('companies')).toEqual(en('company'));
    expect(en('making')).toEqual(en('make'));
  });

  it('drops stop words and possessives, splits hyphenated words, keeps numbers', () => {
    expect(en("The buyer's documents didn't match")).toEqual(['buyer', 'document', 'match']);
    expect(en('a 12-month deal')).toEqual(['12', 'month', 'deal']);
    expect(en('ISO 9001 costs USD 48,000 or 1.5%')).toEqual(['iso', '9001', 'cost', 'usd', '48000', '1.5']);
    expect(en('exchange-house')).toEqual(['exchange', 'house']);
  });

  it('is conservative with words that only look inflected', () => {
    expect(en('gas process status analysis bus')).toEqual(['gas', 'process', 'status', 'analysis', 'bus']);
    expect(en('HS code')).toEqual(['hs', 'code']);
  });

  it('Chinese and Persian words in an English message keep their own tokens', () => {
    expect(en('our agent in 义乌 says the 报关 is done')).toEqual(expect.arrayContaining(['义乌', '报关', 'agent']));
    expect(en('we sell زعفران to China')).toEqual(expect.arrayContaining(['sell', 'china', ...searchTokens('زعفران', 'fa')]));
  });
});

describe('searchTokens in general', () => {
  it('is deterministic and ignores the declared language', () => {
    const text = 'میخوام CNC بخرم، 清關 takes 3 weeks';
    expect(searchTokens(text, 'fa')).toEqual(searchTokens(text, 'en'));
    expect(searchTokens(text, 'zh')).toEqual(searchTokens(text, 'fa'));
    expect(searchTokens(text, 'fa').every((t) => t.length > 0 && !/\s/.test(t))).toBe(true);
  });

  it('gives nothing for text without words', () => {
    expect(searchTokens('', 'fa')).toEqual([]);
    expect(searchTokens('  🙂🙂 !!! ؟ 。', 'zh')).toEqual([]);
  });
});
