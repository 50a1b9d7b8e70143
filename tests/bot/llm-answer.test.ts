import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monthName } from '../../src/answering/display.ts';
import { anExperience } from '../helpers/experiences.ts';
import { isAnyTranslation } from '../helpers/fake-openai.ts';
import { fakeOpenAiPerFile } from '../helpers/fake-openai-per-file.ts';
import { unrelatedExperiences } from '../helpers/telegram-kb.ts';
import { TelegramTest } from '../helpers/telegram.ts';

// Verified long ago (past the default 12 months), its Chinese version made by a model.
const EXPERIENCE = anExperience({ id: 'exp-llm-1', verified_on: '2023-05-10' });
EXPERIENCE.translations!.zh!.machine = true;
// Retrieval weighs terms by how rare they are: a base of one experience makes every term common.
const DISTRACTORS = [
  anExperience({
    id: 'exp-llm-2',
    language: 'en',
    title: 'Certifying machinery for export',
    problem: 'Buyers asked for CE marks.',
    solution: 'We hired an accredited lab.',
    outcome: 'Certified in 6 weeks.',
    translations: {},
  }),
  anExperience({
    id: 'exp-llm-3',
    language: 'en',
    title: 'Shipping textiles by rail',
    problem: 'Sea freight was slow.',
    solution: 'We booked the rail route through Kazakhstan.',
    translations: {},
  }),
];
const TITLE = EXPERIENCE.translations!.en!.title;
// A model answer longer than one Telegram message, with text that looks like HTML.
const PARAGRAPH = `Pay through a licensed exchange house <b>not</b> a bank & keep the receipt <script>. ${'Details follow. '.repeat(40).trim()}`;
const LONG = [`As in "${TITLE}":`, ...Array.from({ length: 12 }, (_, i) => `${i + 1}) ${PARAGRAPH}`)].join('\n\n');

const llm = fakeOpenAiPerFile();
let tg: TelegramTest;
beforeAll(async () => {
  llm.onChat((r) => ({ content: isAnyTranslation(r) ? '{}' : LONG }));
  tg = await TelegramTest.start({
    env: { OPENAI_API_KEY: 'test-key', OPENAI_BASE_URL: llm.baseURL },
    experiences: [EXPERIENCE, ...DISTRACTORS, ...unrelatedExperiences()],
  });
});
afterAll(() => tg?.stop());

it('splits an answer over 4,096 characters on paragraph boundaries, buttons under the last part', async () => {
  const member = tg.member({ language_code: 'en' });
  const parts = await member.says('How do I pay a Chinese supplier through an exchange house?');
  expect(LONG.length).toBeGreaterThan(4_096);
  expect(parts.length).toBeGreaterThan(1);
  for (const p of parts) expect(p.text.length).toBeLessThanOrEqual(4_096);
  // Nothing lost, nothing cut mid-paragraph: the parts are the model's paragraphs, in order.
  const shown = parts.map((p) => p.text).join('\n\n');
  expect(shown.startsWith(LONG)).toBe(true);
  for (const p of parts.slice(0, -1)) expect(p.buttons).toEqual([]);
  expect(parts.at(-1)!.buttons).toContain(tg.text('en', 'bot-button-helpful'));
  // The model's "<b>" and "&" are shown as written, not taken as markup.
  expect(parts[0]!.text).toContain('<b>not</b> a bank & keep the receipt <script>');
  expect(parts.at(-1)!.text).toContain(tg.text('en', 'bot-sources'));
  expect(parts.at(-1)!.text).toContain(TITLE);
});

it('shows "typing…" while a slow model writes the answer, and renews nothing after it', async () => {
  llm.onChat((r) =>
    isAnyTranslation(r) ? { content: '{}' } : { delayMs: 1_500, then: { content: `As in "${TITLE}": pay through a licensed exchange house.` } },
  );
  try {
    const member = tg.member({ language_code: 'en' });
    const [answer] = await member.says('How do I pay a Chinese supplier through an exchange house?');
    expect(answer!.text).toContain('pay through a licensed exchange house');
    const actions = tg.emulator.state.calls.filter((c) => c.method === 'sendChatAction' && c.params.chat_id === member.chatId);
    expect(actions.map((c) => c.params.action)).toEqual(['typing']);
  } finally {
    llm.onChat((r) => ({ content: isAnyTranslation(r) ? '{}' : LONG }));
  }
});

it('a reply to any part of a split answer is a follow-up of that question', async () => {
  const member = tg.member({ language_code: 'en' });
  const [first] = await member.says('How do I pay a Chinese supplier through an exchange house?');
  await member.says('And how long does it take?', { replyTo: first! });
  const rows = await tg.db.query<{ follow_up_of: string | null }>(
    'SELECT q.follow_up_of FROM questions q JOIN members m ON m.id = q.member_id WHERE m.telegram_id = $1 ORDER BY q.id',
    [member.user.id],
  );
  expect(rows[1]!.follow_up_of).not.toBeNull();
  const previous = llm
    .chatRequests()
    .at(-1)!
    .messages.map((m) => m.content)
    .join('\n');
  expect(previous).toContain('How do I pay a Chinese supplier through an exchange house?');
});

it("answers one member's questions in the order they were asked, even when the first keeps the model longer", async () => {
  const member = tg.member({ language_code: 'en' });
  const slow = 'How do I pay a Chinese supplier through an exchange house, slowly please?';
  llm.onChat((r) => {
    if (isAnyTranslation(r)) return { content: '{}' };
    const first = r.messages.some((m) => m.content.includes('slowly please'));
    return first ? { delayMs: 800, then: { content: `First: as in "${TITLE}".` } } : { content: `Second: as in "${TITLE}".` };
  });
  try {
    // Sent together, as a member typing fast: the bot fetches both at once.
    const asked = [tg.emulator.say(member.user, slow), tg.emulator.say(member.user, 'And how long does the transfer take?')];
    await Promise.all(asked.map((u) => tg.handled(u.update_id)));
    await tg.outboxSent();
    const answers = member.history.filter((r) => r.message.reply_to_message_id !== undefined);
    expect(answers.map((r) => r.message.reply_to_message_id)).toEqual(asked.map((u) => u.message!.message_id));
    expect(answers[0]!.text.startsWith('First')).toBe(true);
  } finally {
    llm.onChat((r) => ({ content: isAnyTranslation(r) ? '{}' : LONG }));
  }
});

// Who lived it (the Persian company "نگین پارس" in Tehran), in a script each reader reads.
const WHO = { fa: 'نگین پارس، تهران، ایران', zh: 'Negin Pars，德黑兰，伊朗', en: 'Negin Pars, Tehran, Iran' } as const;

describe.each([
  ['fa', 'چطور از طریق صرافی به تأمین‌کننده چینی پرداخت کنم؟', 'از راه یک صرافی دارای مجوز پرداخت کنید.'],
  ['zh', '怎么通过换汇所向中国供应商付款？', '请通过持牌换汇所付款。'],
  ['en', 'How do I pay a Chinese supplier through an exchange house?', 'Pay through a licensed exchange house.'],
] as const)('a model answer in %s that names no experience', (language, question, modelText) => {
  it("is followed by the cited experiences: title in the member's language, who lived it and industry", async () => {
    llm.onChat((r) => ({ content: isAnyTranslation(r) ? '{}' : modelText }));
    try {
      const [answer] = await tg.member({ language_code: language }).says(question);
      const title = language === 'fa' ? EXPERIENCE.title : EXPERIENCE.translations![language]!.title;
      const label = (key: string) => tg.app.translator.t(language, key);
      expect(answer!.text).toContain(modelText);
      expect(answer!.text).toContain(
        `${tg.text(language, 'bot-sources')}\n${tg.text(language, 'bot-source-line', { n: 1, title, who: WHO[language], industry: label('industry-food') })}`,
      );
      // Listed once, under the answer.
      expect(answer!.text.split(title)).toHaveLength(2);
      // With what a reader should weigh: how long ago it was checked, and a model's translation.
      expect(answer!.text).toContain(tg.plainText(language, 'answer-verified-overdue', { month: monthName(language, '2023-05-10') }));
      expect(answer!.text.includes(tg.plainText(language, 'answer-machine-note'))).toBe(language === 'zh');
    } finally {
      llm.onChat((r) => ({ content: isAnyTranslation(r) ? '{}' : LONG }));
    }
  });
});
