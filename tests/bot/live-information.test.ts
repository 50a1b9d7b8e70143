import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseKbFile } from '../../src/knowledge/experiences/kb-format.ts';
import { toTraditional } from '../../src/text/chinese-convert.ts';
import { testDatabases } from '../helpers/db.ts';
import { TelegramTest } from '../helpers/telegram.ts';

const DEMO = parseKbFile(readFileSync('assets/demo-kb.jsonl', 'utf8')).records;
const PAYMENT = DEMO.find((r) => r.id === 'demo-031')!;
const PAYMENT_TITLE = PAYMENT.language === 'en' ? PAYMENT.title : PAYMENT.translations!.en!.title;

// Tomorrow's weather in Tehran shares "تهران" with a trader's story on the demo base, which the
// search used to answer with; a member asking for live information is told no member's experience
// can tell it, in their language, with the offer to ask the community for what lies behind it.
describe.each(testDatabases())('live information on $name', (database) => {
  let tg: TelegramTest;
  beforeAll(async () => {
    tg = await TelegramTest.start({ openDb: database.open, experiences: DEMO });
  });
  afterAll(() => tg?.stop());

  it.each([
    { asked: 'هوای تهران فردا چطوره؟', telegram: 'en', language: 'fa', traditional: false },
    { asked: 'gheymat dolar emrooz chande?', telegram: 'en', language: 'fa', traditional: false },
    { asked: '今天人民幣兌美元匯率多少？', telegram: 'zh', language: 'zh', traditional: true },
    { asked: 'what time is it in Shanghai right now?', telegram: 'en', language: 'en', traditional: false },
  ] as const)('"$asked" is told, in $language, that members\' experiences cannot tell live information', async ({ asked, telegram, language, traditional }) => {
    const member = tg.member({ language_code: telegram });
    const [answer, ...more] = await member.says(asked);
    expect(more).toEqual([]);
    const inScript = (text: string) => (traditional ? toTraditional(text) : text);
    expect(answer!.text).toContain(inScript(tg.text(language, 'answer-live-information')));
    expect(answer!.text).toContain(inScript(tg.text(language, 'bot-live-information-offer')));
    expect(answer!.text).not.toContain(inScript(tg.text(language, 'answer-nothing-found')));
    // No story is offered as an answer or as possibly related: only the community.
    expect(answer!.buttons).toEqual([inScript(tg.text(language, 'bot-button-ask-community'))]);
  });

  it('puts the question to the community when the member asks it to', async () => {
    const member = tg.member({ language_code: 'en' });
    await member.says('weather forecast for Guangzhou this weekend');
    const [confirmation] = await member.presses(tg.text('en', 'bot-button-ask-community'));
    expect(confirmation!.text).toBe(tg.text('en', 'bot-community-opened'));
  });

  it("still answers a business question that names today's exchange rate", async () => {
    const member = tg.member({ language_code: 'en' });
    const [answer] = await member.says('How do I pay a Chinese supplier at today’s exchange rate?');
    expect(answer!.text).not.toContain(tg.text('en', 'answer-live-information'));
    expect(answer!.text).toContain(PAYMENT_TITLE);
  });
});
