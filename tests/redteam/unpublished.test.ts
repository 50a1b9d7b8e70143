import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORY } from '../../src/bot/callbacks.ts';
import type { ExperienceRecord, ExperienceStatus } from '../../src/knowledge/experiences/experience.ts';
import type { Language } from '../../src/text/language.ts';
import { anExperience } from '../helpers/experiences.ts';
import type { ChatRequest } from '../helpers/fake-openai.ts';
import { fakeOpenAiPerFile } from '../helpers/fake-openai-per-file.ts';
import { unrelatedExperiences } from '../helpers/telegram-kb.ts';
import { TelegramTest } from '../helpers/telegram.ts';
import { echoEverything, inside, KEY_CANARY, pressForged } from './support.ts';

// No pending, draft, rejected or archived text ever reaches a member — asked for by a question
// (even one naming its marker word), by a story button (forged, or a real one pressed after the
// experience was withdrawn) or by a deep link — nor the model, which here echoes all it is given.

const ASK: Record<Language, string> = {
  fa: 'چطور از راه صرافی به تأمین‌کننده چینی پرداخت کنم؟',
  zh: '怎么通过换汇所向中国供应商付款？',
  en: 'How do I pay a Chinese supplier through an exchange house?',
};

/** An experience about the same payment as the published one, carrying `marker` in every text of every language. */
function marked(marker: string, status?: ExperienceStatus): ExperienceRecord {
  const base = anExperience();
  return {
    ...base,
    id: `exp-${marker.toLowerCase()}`,
    ...(status ? { status } : {}),
    title: `${marker} ${base.title}`,
    solution: `${base.solution} ${marker}`,
    translations: {
      zh: { ...base.translations!.zh!, title: `${marker} ${base.translations!.zh!.title}`, solution: `${base.translations!.zh!.solution} ${marker}` },
      en: { ...base.translations!.en!, title: `${marker} ${base.translations!.en!.title}`, solution: `${base.translations!.en!.solution} ${marker}` },
    },
  };
}

const HIDDEN = { pending: 'PENDINGMARK', draft: 'DRAFTMARK', rejected: 'REJECTEDMARK', archived: 'ARCHIVEDMARK' } as const;
type Hidden = keyof typeof HIDDEN;

const llm = fakeOpenAiPerFile();
let tg: TelegramTest;
const ids = new Map<Hidden, { id: number; externalId: string }>();
beforeAll(async () => {
  echoEverything(llm);
  tg = await TelegramTest.start({
    env: { OPENAI_API_KEY: KEY_CANARY, OPENAI_BASE_URL: llm.baseURL },
    experiences: [
      anExperience(),
      marked(HIDDEN.pending, 'pending'),
      marked(HIDDEN.draft, 'draft'),
      // Published first, withdrawn while the bot runs: the search must follow.
      marked(HIDDEN.rejected),
      marked(HIDDEN.archived),
      ...unrelatedExperiences(),
    ],
  });
  for (const status of Object.keys(HIDDEN) as Hidden[]) {
    const experience = (await tg.app.experiences.getByExternalId(`exp-${HIDDEN[status].toLowerCase()}`))!;
    if (status === 'rejected' || status === 'archived') await tg.app.experiences.setStatus(experience.id, status);
    ids.set(status, { id: experience.id, externalId: experience.externalId });
  }
});
afterAll(() => tg?.stop());

/** The experiences the model was given since `from` requests (the question itself names the marker). */
const experiencesSentToModel = (from: number) =>
  llm.requests
    .slice(from)
    .flatMap((r) => (r.body as ChatRequest).messages.filter((m) => m.role === 'user').map((m) => m.content))
    .filter((c) => c.includes('<experiences>'))
    .map((c) => inside(c, 'experiences').within)
    .join('\n');

describe.each(Object.keys(HIDDEN) as Hidden[])('a %s experience', (status) => {
  const marker = HIDDEN[status];
  describe.each(['fa', 'zh', 'en'] as const)('in %s', (language) => {
    it('is not in the answer to a question naming it, nor sent to the model', async () => {
      const member = tg.member({ language_code: language });
      const from = llm.requests.length;
      const replies = await member.says(`${ASK[language]} ${marker}`);
      expect(replies.length).toBeGreaterThan(0);
      // The published experience answered it: the question was not refused for another reason.
      expect(replies.at(-1)!.buttons).toContain(tg.text(language, 'bot-button-helpful'));
      for (const r of replies) expect(`${r.text}\n${r.buttons.join('\n')}`).not.toContain(marker);
      const given = experiencesSentToModel(from);
      const published = anExperience();
      expect(given).toContain(language === 'fa' ? published.solution : published.translations![language]!.solution);
      expect(given).not.toContain(marker);
    });

    it('is not shown by a forged story button', async () => {
      const member = tg.member({ language_code: language });
      await member.says('/help');
      await pressForged(tg, member, STORY.encode({ experienceId: ids.get(status)!.id }));
      expect(member.history.at(-1)!.text).toBe(tg.text(language, 'bot-story-not-found'));
      for (const r of member.history) expect(r.text).not.toContain(marker);
    });

    it('is not shown by a deep link', async () => {
      const member = tg.member({ language_code: language });
      const replies = await member.says(`/start exp_${ids.get(status)!.externalId}`);
      expect(replies.map((r) => r.text)).toEqual([tg.text(language, 'bot-story-not-found')]);
    });
  });
});

describe.each(['rejected', 'archived'] as const)('an experience %s after it was cited', (status) => {
  it.each(['fa', 'zh', 'en'] as const)('is no longer shown by the story button under the old answer (%s)', async (language) => {
    const marker = `LATE${status.toUpperCase()}${language.toUpperCase()}`;
    await tg.app.experiences.upsertRecords([marked(marker)], { status: 'published' });
    const { id } = (await tg.app.experiences.getByExternalId(`exp-${marker.toLowerCase()}`))!;
    const member = tg.member({ language_code: language });
    const [answer] = await member.says(`${ASK[language]} ${marker}`);
    const button = answer!.buttons.find((b) => b.includes(marker));
    expect(button).toBeDefined();
    await tg.app.experiences.setStatus(id, status);
    const shown = await member.presses(button!);
    expect(shown.map((r) => r.text)).toEqual([tg.text(language, 'bot-story-not-found')]);
    // Asked again, it is no longer cited either.
    const again = await member.says(`${ASK[language]} ${marker}`);
    for (const r of again) expect(`${r.text}\n${r.buttons.join('\n')}`).not.toContain(marker);
  });
});
