import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOfflineProvider } from '../../src/ai/provider.ts';
import { type Answer, createAnsweringService } from '../../src/answering/answering-service.ts';
import type { Db } from '../../src/db/db.ts';
import { createTranslator } from '../../src/i18n.ts';
import { parseKbFile } from '../../src/knowledge/experiences/kb-format.ts';
import { ExperienceRepository } from '../../src/knowledge/experiences/repository.ts';
import { Glossary } from '../../src/knowledge/glossary/glossary.ts';
import { seedGlossaryIfEmpty } from '../../src/knowledge/glossary/glossary-csv.ts';
import { createRetriever, type Retriever } from '../../src/knowledge/search/retrieval.ts';
import type { Language } from '../../src/text/language.ts';
import { memoryLogger } from '../ai/support.ts';
import { testDatabases } from '../helpers/db.ts';
import { stripIsolation } from './support.ts';

// What an offline answer quotes and cites, over the members' evaluation base (36 experiences
// and 80 distractors, eval/members) and the real search, for questions as members type them.
const base = ['experiences.jsonl', 'distractors.jsonl'].flatMap((f) => parseKbFile(readFileSync(`eval/members/${f}`, 'utf8')).records);

describe.each(testDatabases())('the text of an offline answer on $name', ({ open }) => {
  let db: Db;
  let ask: (text: string, language: Language) => Promise<Answer>;
  beforeAll(async () => {
    db = await open();
    await new ExperienceRepository(db).upsertRecords(base, { status: 'published' });
    await seedGlossaryIfEmpty(db);
    const { logger } = memoryLogger();
    const search = createRetriever({ db, glossary: await Glossary.load(db), logger });
    // Whether to answer at all is the search's calibrated decision, tested with it; here every
    // question is answered, so what is quoted and cited is what these tests see.
    const sure: Retriever = { search: async (q) => ({ ...(await search.search(q)), tier: 'answered', abstained: false }) };
    const answering = createAnsweringService({
      retriever: sure,
      experiences: new ExperienceRepository(db),
      ai: createOfflineProvider(),
      translator: createTranslator(),
      logger,
    });
    ask = (text, language) => answering.answer({ text, language });
  });
  afterAll(() => db.close());

  const cited = (answer: Answer) => answer.cited.map((c) => c.experience.externalId);

  it('quotes the sentence that answers, not the story’s first, and not one that only repeats a common word', async () => {
    // "bank" and "payment" are in most sentences of the story: the one that unfroze the money is quoted.
    const frozen = await ask('bank froze payment from iranian customer', 'en');
    expect(cited(frozen)).toEqual(['dev-exp-002']);
    expect(stripIsolation(frozen.text)).toContain('First we gave the bank the full set of documents');
    expect(frozen.text).not.toContain('For every incoming payment');

    // Finglish is searched as the Persian it spells, and its words choose the quote: the heat
    // exchanger that reuses the flue heat, not the measuring that came first.
    const flue = await ask('zemestoona gaz karkhoone rangrezi ro ghat mikonan, ba hararat doodkash chikar mishe kard?', 'fa');
    expect(cited(flue)).toEqual(['dev-exp-014']);
    expect(stripIsolation(flue.text)).toContain('یک مبدل گاز–آب طراحی کردیم که گرمای دود را برای پیش‌گرم کردن آب رنگرزی به کار می‌برد');
    expect(flue.text).not.toContain('اول از مشتری خواستیم');

    // Its second sentence: the waybill checked word by word. Every word of the question is one of
    // the story's problem, so the first step (the forwarder switched to) goes with it, as in the
    // story's Chinese, where the two are one sentence; not the containers that came after.
    const waybill = await ask('containr stuck at sarakhs border, waybil name wrong', 'en');
    expect(cited(waybill)[0]).toBe('dev-exp-008');
    expect(stripIsolation(waybill.text)).toContain('Before booking, we sent the draft waybill to the Iranian customer');
    expect(waybill.text).not.toContain('shipper-owned containers');
  });

  it.each([
    [
      'fa',
      'gereftan kart bazargani baraye sherkat taze tasis cheghad tool mikeshe',
      'dev-exp-036',
      'کارت بعد از حدود ۷ هفته صادر شد',
      'تصمیم گرفتیم کارت بازرگانی خودمان را بگیریم.',
    ],
    ['zh', '开心果进口清关黄曲梅毒素检测要多久', 'dev-exp-006', '平均清关时间从35天降到5天', '后来每次下单前'],
    [
      'en',
      'chinese buyer says our spice factory needs a customs registration number on the pack, how long does that take?',
      'dev-exp-005',
      'The registration number was issued about 4 months later',
      'We learned that saffron falls under spices',
    ],
  ] as const)('%s: a question asking how long is answered by the sentence with the time it took', async (language, question, id, quoted, first) => {
    const answer = await ask(question, language);
    expect(answer.language).toBe(language);
    expect(cited(answer)[0]).toBe(id);
    expect(stripIsolation(answer.text)).toContain(quoted);
    expect(answer.text).not.toContain(first);
  });

  it('a question asking what to do is answered by what they did, not by what came of it', async () => {
    // "rust" is a word of the packing checklist and of the outcome; the outcome only says it worked.
    const rusty = await ask('how do we stop machines arriving rusty after they passed the factory inspection?', 'en');
    expect(cited(rusty)[0]).toBe('dev-exp-004');
    expect(stripIsolation(rusty.text)).toContain('The checklist covered vacuum-sealed anti-rust packing');
    expect(rusty.text).not.toContain('The next five machines arrived with no damage or rust.');

    // Every word of the question is a word of the story's problem, and پول (money) picked "the
    // money was paid from a trading company's account" and "sent in two instalments": the
    // exchange house they signed with, their first step, is quoted with it.
    const paying = await ask('چطوری به تامین‌کننده چینی پول بفرستیم؟', 'fa');
    expect(cited(paying)[0]).toBe('dev-exp-001');
    expect(stripIsolation(paying.text)).toContain('با یک صرافی دارای مجوز بانک مرکزی در تهران قرارداد بستیم');
    expect(paying.text).not.toContain('مبلغ را در دو قسط فرستادیم');
    const payingZh = await ask('怎么给中国供应商付款', 'zh');
    expect(cited(payingZh)[0]).toBe('dev-exp-001');
    expect(stripIsolation(payingZh.text)).toContain('我们和德黑兰一家持有央行牌照的换汇所签了协议');
  });

  it('a figure named in telling the situation is not asked for', async () => {
    // "flour prices" is the member's situation, "is there a government loan?" the question: not
    // the feasibility plan's "80%", but where such loans come from.
    const loan = await ask('flour prices went up a lot and our capacity fell. is there a government loan for working capital?', 'en');
    expect(cited(loan)[0]).toBe('dev-exp-023');
    expect(stripIsolation(loan.text)).toContain('refers small and medium units located in industrial parks to an agent bank');
    expect(loan.text).not.toContain('feasibility plan');
  });

  it.each([
    ['en', 'are inverters useful against a high power bill?', 'dev-exp-013', 'Electricity consumption fell by about 23%'],
    ['zh', '变频器对降低电费有用吗？', 'dev-exp-013', '用电量下降了约23%'],
    ['zh', '在自贸区组装摩托车，关税能省多少？', 'dev-exp-027', '终端售价比整车进口低了约22%'],
  ] as const)('%s: asked whether it helps or how much it saves, "%s" is answered by what came of it', async (language, question, id, quoted) => {
    const answer = await ask(question, language);
    expect(cited(answer)[0]).toBe(id);
    expect(stripIsolation(answer.text)).toContain(quoted);
  });

  it.each([
    // Where to register and how long it takes: how the workshop is registered, and the 4 months.
    ['fa', 'ثبت زعفران تو گمرک چین از کجا شروع میشه و چقدر طول میکشه؟', 'dev-exp-005', ['ثبت کارگاه باید با معرفی مرجع رسمی', '۴ ماه']],
    // Can the squatted mark be taken back, and what did it cost: the invalidation filed, and the fees.
    ['zh', '品牌被以前的代理抢注了商标，能申请无效吗？大概要花多少钱？', 'dev-exp-009', ['以恶意抢注为由提出无效宣告', '4.5万元']],
    // Which documents and how long: the list of documents (217 characters) and the 7 weeks that
    // came of it, not a step's "first year" beside it or the 7 weeks alone.
    ['fa', 'برای گرفتن کارت بازرگانی چه مدارکی لازمه و چقدر طول میکشه؟', 'dev-exp-036', ['اساسنامه و آگهی تأسیس شرکت', 'کارت بعد از حدود ۷ هفته صادر شد']],
  ] as const)('%s: a question asking for a figure and something else gets a sentence for each', async (language, question, id, quoted) => {
    const answer = await ask(question, language);
    expect(cited(answer)[0]).toBe(id);
    for (const part of quoted) expect(stripIsolation(answer.text)).toContain(part);
  });

  it('a bare topic, typed without a question word, is read as asking how it was done', async () => {
    // "Paying a Chinese supplier", as a Persian noun phrase and without 怎么: the exchange house
    // they signed with, not only where the money came from and its two instalments.
    const paying = await ask('پرداخت پول به تامین‌کننده چینی', 'fa');
    expect(cited(paying)[0]).toBe('dev-exp-001');
    expect(stripIsolation(paying.text)).toContain('با یک صرافی دارای مجوز بانک مرکزی در تهران قرارداد بستیم');
    const payingZh = await ask('给中国供应商付款', 'zh');
    expect(cited(payingZh)[0]).toBe('dev-exp-001');
    expect(stripIsolation(payingZh.text)).toContain('我们和德黑兰一家持有央行牌照的换汇所签了协议');
    // In English the two sentences are longer together than a quote's usual length: the exchange
    // house is quoted all the same, not the money sentence alone.
    const payingEn = await ask('paying our chinese supplier', 'en');
    expect(cited(payingEn)[0]).toBe('dev-exp-001');
    expect(stripIsolation(payingEn.text)).toContain('We signed an agreement with a Central Bank-licensed exchange house in Tehran');
    // A problem told, not asked: what they did about it, not that the next machines arrived fine.
    const rusty = await ask('cnc machine arrived rusty in the container', 'en');
    expect(cited(rusty)[0]).toBe('dev-exp-004');
    expect(stripIsolation(rusty.text)).toContain('vacuum-sealed anti-rust packing');
    expect(rusty.text).not.toContain('The next five machines arrived with no damage or rust.');
  });

  it('a quantity per period is not how long it took', async () => {
    // "Two to three containers a month" is how much they send, not how fast rail is: the second
    // story answers "faster?" with the 18 days its second shipment took.
    const rail = await ask('is rail faster than sea to iran, and what should we watch out for?', 'en');
    expect(cited(rail)).toContain('dev-exp-008');
    expect(stripIsolation(rail.text)).toContain('The second shipment took 18 days in total');
    expect(rail.text).not.toContain('two to three containers a month');
  });

  it('a Persian token of two letters does not decide the quote alone', async () => {
    // کم (less) of "کم کرد" is held by what came of it, "مصرف گاز … کم شد", and by no other
    // sentence: the heat exchanger they designed is quoted, not the 18 % alone.
    const gas = await ask('میشه مصرف گاز کارخونه رنگرزی رو بدون تعویض دستگاه‌ها کم کرد؟', 'fa');
    expect(cited(gas)[0]).toBe('dev-exp-014');
    expect(stripIsolation(gas.text)).toContain('یک مبدل گاز–آب طراحی کردیم');
    expect(gas.text).not.toContain('حدود ۱۸ درصد کم شد');
  });

  it('does not cite a second experience that scores close on the question’s common words only', async () => {
    // A halal-certificate story shares only "Iranian customer" with the question. It used to reach
    // 84 % of the payment story's score, its مشتری ایرانی credited as Iran, customer and Iranian
    // customer; counted once, it is far behind. The exchange-house story second is how Iranian
    // buyers pay Chinese sellers, and is cited with it.
    const paying = await ask('伊朗客户怎么给我们付款啊？', 'zh');
    expect(paying.hits[0]!.externalId).toBe('dev-exp-002');
    expect(paying.hits.find((h) => h.externalId === 'dev-exp-029')!.score).toBeLessThan(paying.hits[0]!.score * 0.7);
    expect(cited(paying)).toEqual(['dev-exp-002', 'dev-exp-001']);
    expect(paying.text).not.toContain('清真');

    // The rail-route story scores 82 % on the border's name; it says nothing of waybills.
    const waybill = await ask('containr stuck at sarakhs border, waybil name wrong', 'en');
    expect(cited(waybill)).toEqual(['dev-exp-008']);
  });

  it('still cites a second experience that answers as well', async () => {
    const rail = await ask('海運到阿巴斯港太慢了，走鐵路會不會快一點啊', 'zh');
    expect(cited(rail)).toEqual(['dev-exp-007', 'dev-exp-008']);
    // Asked whether rail is faster: the days each took.
    expect(rail.text).toContain('鐵路平均22天到貨，海運要55天');
    expect(rail.text).toContain('第二批貨從義烏到德黑蘭一共18天');
  });
});
