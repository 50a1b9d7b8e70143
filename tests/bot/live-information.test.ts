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
// can tell it, in their language, and asked for the business question behind it: the weather itself
// is nothing to put to the community.
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
    expect(answer!.text).toContain(inScript(tg.text(language, 'bot-live-information-hint')));
    expect(answer!.text).not.toContain(inScript(tg.text(language, 'answer-nothing-found')));
    // No story is offered as an answer or as possibly related, and the live question is not put to the community.
    expect(answer!.buttons).toEqual([]);
    expect(tg.emulator.state.messages(member.user.id).at(-1)!.reply_markup).toBeUndefined();
  });

  it('searches the business question the member asks next', async () => {
    const member = tg.member({ language_code: 'en' });
    const [live] = await member.says('dollar rate today?');
    expect(live!.text).toContain(tg.text('en', 'bot-live-information-hint'));
    const [answer] = await member.says('How do I pay a Chinese supplier?');
    expect(answer!.text).toContain(PAYMENT_TITLE);
  });

  it("still answers a business question that names today's exchange rate", async () => {
    const member = tg.member({ language_code: 'en' });
    const [answer] = await member.says('How do I pay a Chinese supplier at today’s exchange rate?');
    expect(answer!.text).not.toContain(tg.text('en', 'answer-live-information'));
    expect(answer!.text).toContain(PAYMENT_TITLE);
  });
});
