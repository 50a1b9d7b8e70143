import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseKbFile } from '../../src/knowledge/experiences/kb-format.ts';
import { toTraditional } from '../../src/text/chinese-convert.ts';
import { testDatabases } from '../helpers/db.ts';
import { TelegramTest } from '../helpers/telegram.ts';

// The demo base, every story last verified on one day long past its review: each line of a list of related experiences says so.
const DEMO = parseKbFile(readFileSync('assets/demo-kb.jsonl', 'utf8'))
  .records.filter((r) => r.status === undefined)
  .map((r) => ({ ...r, verified_on: '2025-03-10' }));

describe.each(testDatabases())('on $name', (database) => {
  let tg: TelegramTest;
  beforeAll(async () => {
    tg = await TelegramTest.start({ openDb: database.open, experiences: DEMO });
  });
  afterAll(() => tg?.stop());

  it('lists experiences that might be related to a question in traditional characters wholly in traditional characters, when each was verified too', async () => {
    const member = tg.member({ language_code: 'zh' });
    // Near the base, surely answered by none of it (answer-tiers.test.ts), here in traditional characters.
    const [answer] = await member.says('中國供應商的產品保修怎麼辦');
    expect(answer!.text).toContain(toTraditional(tg.text('zh', 'answer-related-found')));
    const verified = tg.plainText('zh', 'answer-verified-overdue', { month: '2025年3月' });
    expect(answer!.text).toContain(toTraditional(verified));
    expect(answer!.text).not.toContain(verified);
  });
});
