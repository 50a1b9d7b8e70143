import { describe, expect, it } from 'vitest';
import { toSimplified, toTraditional, writtenInTraditional } from '../../src/text/chinese-convert.ts';

describe('traditional and simplified Chinese', () => {
  it.each([
    ['伊朗清關要多久？', true],
    ['怎麼付款給中國供應商', true],
    ['台灣的客戶', true],
    ['伊朗清关要多久？', false],
    ['我们请商会出具了原产地证书。', false],
    ['Bandar Abbas customs', false],
  ])('%s is written in traditional characters: %s', (text, traditional) => {
    expect(writtenInTraditional(text)).toBe(traditional);
  });

  it('writes simplified text in traditional characters, signing as 簽 and a label as 籤, and back', () => {
    const simplified = '我们和供应商签了合同，标签上写着清关三天完成。';
    const traditional = toTraditional(simplified);
    expect(traditional).toBe('我們和供應商簽了合同，標籤上寫著清關三天完成。');
    expect(toSimplified(traditional)).toBe(simplified);
  });

  it('writes the passive 被 before 发 as 被發, not as the 被髮 of hair let down', () => {
    expect(toTraditional('您的经验未被发布。货物已被发送，样品被发回。')).toBe('您的經驗未被發佈。貨物已被發送，樣品被發回。');
    expect(toTraditional('头发被剪短了')).toBe('頭髮被剪短了');
  });
});
