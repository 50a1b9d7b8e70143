import { afterAll, beforeAll, describe, expect, it as anyIt } from 'vitest';
import type { Experience } from '../../src/knowledge/experiences/experience.ts';
import { INTRO_ASK, INTRO_CONSENT, INTRO_DECIDE } from '../../src/bot/callbacks.ts';
import { testDatabases } from '../helpers/db.ts';
import { carriesContactOf as carries, pressForged, TelegramTest, type Reply, type TestMember } from '../helpers/telegram.ts';

// A file's tests follow on from each other, even in the databases' suites that run side by side below.
const it = anyIt.sequential;

const TITLE = '宁波港清关：找一家有经验的报关行，三天放行';
const REASON = 'We export saffron to Ningbo and need a reliable customs broker there.';
const ASKER_COMPANY = 'Pars Saffron';
const CONTRIBUTOR_COMPANY = '宁波港通贸易';
/** The contributor's company as a reader who does not read Chinese is shown it: in Latin letters, the stored name beside it to search or write with. */
const CONTRIBUTOR_COMPANY_READ = `Ningbo Gangtong Trading (${CONTRIBUTOR_COMPANY})`;

// Each database's run has its own bot and database: the two run side by side.
describe.concurrent.each(testDatabases())('introductions on $name', ({ open }) => {
  let tg: TelegramTest;
  let serial = 0;

  beforeAll(async () => {
    tg = await TelegramTest.start({ openDb: open, bot: { throttle: false } });
  });
  afterAll(() => tg?.stop());

  const memberId = async (m: TestMember) => (await tg.app.community.members.getByTelegramId(m.user.id))!.id;

  /** A Chinese contributor with a company in their profile and, unless `consent` is false, introductions on. */
  async function contributor(consent = true): Promise<TestMember> {
    const wei = tg.member({ first_name: 'Wei', username: `wei_ningbo_${++serial}`, language_code: 'zh' });
    await wei.says('/start');
    await tg.app.community.members.updateProfile(await memberId(wei), { company: CONTRIBUTOR_COMPANY, country: 'CN', industry: 'logistics' });
    if (consent) await tg.app.community.introductions.setConsent(await memberId(wei), true);
    return wei;
  }

  /** A Persian member with a company in their profile. */
  async function asker(): Promise<TestMember> {
    const maryam = tg.member({ first_name: 'Maryam', username: `maryam_saffron_${++serial}`, language_code: 'fa' });
    await maryam.says('/start');
    await tg.app.community.members.updateProfile(await memberId(maryam), { company: ASKER_COMPANY, country: 'IR', industry: 'food' });
    return maryam;
  }

  /** A story by `by`, published. */
  async function publishedBy(by: TestMember, title = TITLE): Promise<Experience> {
    const created = await tg.app.experiences.createContribution({
      memberId: await memberId(by),
      language: 'zh',
      industry: 'logistics',
      tags: [],
      text: { title, problem: '货物在宁波港清关拖了两周，仓储费用不断增加。', solution: '我们找了一家熟悉食品类商品的报关行，提前准备好单证，三天就放行了。' },
      contributor: { name: 'Wei', company: CONTRIBUTOR_COMPANY },
    });
    await tg.app.experiences.setStatus(created.id, 'published');
    return created;
  }

  /** The asker's newest request. */
  async function lastIntroductionId(m: TestMember): Promise<number> {
    const [row] = await tg.db.query<{ id: string | number }>('SELECT max(id) AS id FROM introductions WHERE asker_member_id = $1', [await memberId(m)]);
    return Number(row!.id);
  }

  /** Opens the story (its deep link) and returns the message the button would be under. */
  async function openStory(member: TestMember, experience: Experience): Promise<Reply> {
    const replies = await member.says(`/start exp_${experience.externalId}`);
    expect(replies.at(-1)!.text).toContain(experience.texts.zh!.title);
    return replies.at(-1)!;
  }

  /** Presses "connect me" under the story and sends the reason; returns the bot's answer to it. */
  async function requestIntroduction(member: TestMember, experience: Experience, reason = REASON): Promise<string> {
    await openStory(member, experience);
    const [ask] = await member.presses(tg.text('fa', 'intro-button'));
    expect(ask!.text).toBe(tg.text('fa', 'intro-ask-reason', { title: experience.texts.zh!.title, max: 300 }));
    return (await member.says(reason))[0]!.text;
  }

  it('accepted: the contributor is asked in Chinese with the asker’s name, company, country and line; both then get each other’s contact in their language', async () => {
    const wei = await contributor();
    const maryam = await asker();
    const story = await publishedBy(wei);

    const shown = await openStory(maryam, story);
    expect(shown.buttons).toEqual([tg.text('fa', 'intro-button')]);
    await maryam.presses(tg.text('fa', 'intro-button'));
    // Bad input says what to fix, and the conversation goes on.
    expect((await maryam.says('hi'))[0]!.text).toBe(tg.text('fa', 'intro-reason-invalid', { length: 2, min: 5, max: 300 }));
    expect((await maryam.says(REASON))[0]!.text).toBe(tg.text('fa', 'intro-sent'));

    const request = wei.history.at(-1)!;
    const who = `Maryam · ${ASKER_COMPANY} · ${tg.text('zh', 'country-IR')}`;
    expect(request.text).toBe(tg.text('zh', 'intro-message-request', { title: TITLE, who, reason: REASON }));
    expect(request.buttons).toEqual([tg.text('zh', 'intro-button-accept'), tg.text('zh', 'intro-button-decline')]);
    // Asked but not yet accepted: no contact either way.
    expect(carries(request, maryam)).toBe(false);
    expect(maryam.history.some((m) => carries(m, wei))).toBe(false);

    // Asking again while it is pending sends nothing new.
    await openStory(maryam, story);
    expect((await maryam.presses(tg.text('fa', 'intro-button')))[0]!.text).toBe(tg.text('fa', 'intro-already-pending'));
    expect(wei.history.filter((m) => m.text.includes(REASON))).toHaveLength(1);

    // The request's buttons go, then the asker's contact arrives.
    const toContributor = (await wei.presses(tg.text('zh', 'intro-button-accept'))).at(-1);
    expect(wei.history.find((m) => m.text.includes(REASON) && m.message.message_id === request.message.message_id)!.buttons).toEqual([]);
    expect(toContributor!.text).toBe(
      tg.text('zh', 'intro-message-contact-to-contributor', { who, title: TITLE, reason: REASON, contact: `Maryam (@${maryam.user.username})` }),
    );
    expect(toContributor!.message.raw).toContain(`<a href="tg://user?id=${maryam.user.id}">Maryam</a>`);

    const toAsker = maryam.history.at(-1)!;
    const contributorWho = `Wei · ${CONTRIBUTOR_COMPANY_READ} · ${tg.text('fa', 'country-CN')}`;
    expect(toAsker.text).toBe(tg.text('fa', 'intro-message-contact-to-asker', { who: contributorWho, title: TITLE, contact: `Wei (@${wei.user.username})` }));
    expect(toAsker.message.raw).toContain(`<a href="tg://user?id=${wei.user.id}">Wei</a>`);

    // A late Decline (a second device, an old message) is told it was answered, and takes nothing back.
    await pressForged(tg, wei, INTRO_DECIDE.encode({ introductionId: await lastIntroductionId(maryam), accept: false }));
    expect(wei.history.at(-1)!.text).toBe(tg.text('zh', 'intro-already-decided', { status: 'accepted' }));
  });

  // Each side is named in a script its reader reads; where that is not the stored form, the stored form follows in brackets.
  it.each([
    {
      asker: 'en',
      contributor: 'en',
      askerReads: `Zhang Wei (张伟) · ${CONTRIBUTOR_COMPANY_READ} · China`,
      contributorReads: 'Maryam (مریم) · Pars Saffron (زعفران پارس) · Iran',
      askerLink: 'Zhang Wei',
      contributorLink: 'Maryam',
    },
    {
      asker: 'fa',
      contributor: 'zh',
      askerReads: `Zhang Wei (张伟) · ${CONTRIBUTOR_COMPANY_READ} · چین`,
      contributorReads: 'Maryam (مریم) · Pars Saffron (زعفران پارس) · 伊朗',
      askerLink: 'Zhang Wei',
      contributorLink: 'Maryam',
    },
    {
      asker: 'zh',
      contributor: 'fa',
      askerReads: `张伟 · ${CONTRIBUTOR_COMPANY} · 中国`,
      contributorReads: 'مریم · زعفران پارس · ایران',
      askerLink: '张伟',
      contributorLink: 'مریم',
    },
  ] as const)(
    'a $asker asker and a $contributor contributor read each other’s name and company in a script they read, the stored form beside it',
    async ({ asker: askerLanguage, contributor: contributorLanguage, askerReads, contributorReads, askerLink, contributorLink }) => {
      const zhang = tg.member({ first_name: '张伟', username: `zhang_ningbo_${++serial}`, language_code: contributorLanguage });
      await zhang.says('/start');
      await tg.app.community.members.updateProfile(await memberId(zhang), { company: CONTRIBUTOR_COMPANY, country: 'CN', industry: 'logistics' });
      await tg.app.community.introductions.setConsent(await memberId(zhang), true);
      const maryam = tg.member({ first_name: 'مریم', username: `maryam_pars_${++serial}`, language_code: askerLanguage });
      await maryam.says('/start');
      await tg.app.community.members.updateProfile(await memberId(maryam), { company: 'زعفران پارس', country: 'IR', industry: 'food' });
      const story = await publishedBy(zhang);

      await openStory(maryam, story);
      await maryam.presses(tg.text(askerLanguage, 'intro-button'));
      expect((await maryam.says(REASON))[0]!.text).toBe(tg.text(askerLanguage, 'intro-sent'));
      await tg.outboxSent();
      expect(zhang.history.at(-1)!.text).toBe(tg.text(contributorLanguage, 'intro-message-request', { title: TITLE, who: contributorReads, reason: REASON }));

      const toContributor = (await zhang.presses(tg.text(contributorLanguage, 'intro-button-accept'))).at(-1)!;
      expect(toContributor.text).toBe(
        tg.text(contributorLanguage, 'intro-message-contact-to-contributor', {
          who: contributorReads,
          title: TITLE,
          reason: REASON,
          contact: `${contributorLink} (@${maryam.user.username})`,
        }),
      );
      expect(toContributor.message.raw).toContain(`<a href="tg://user?id=${maryam.user.id}">${contributorLink}</a>`);
      await tg.outboxSent();
      const toAsker = maryam.history.at(-1)!;
      expect(toAsker.text).toBe(
        tg.text(askerLanguage, 'intro-message-contact-to-asker', { who: askerReads, title: TITLE, contact: `${askerLink} (@${zhang.user.username})` }),
      );
      expect(toAsker.message.raw).toContain(`<a href="tg://user?id=${zhang.user.id}">${askerLink}</a>`);
    },
  );

  it('declined: the asker is told kindly, and no contact reaches either side', async () => {
    const wei = await contributor();
    const maryam = await asker();
    const story = await publishedBy(wei);
    expect(await requestIntroduction(maryam, story)).toBe(tg.text('fa', 'intro-sent'));

    const declined = (await wei.presses(tg.text('zh', 'intro-button-decline'))).at(-1);
    expect(declined!.text).toBe(tg.text('zh', 'intro-you-declined'));
    expect(maryam.history.at(-1)!.text).toBe(tg.text('fa', 'intro-message-declined', { title: TITLE }));
    // Every message the asker ever received, and every one the contributor did: no contact of the other.
    expect(maryam.history.filter((m) => carries(m, wei))).toEqual([]);
    expect(wei.history.filter((m) => carries(m, maryam))).toEqual([]);
    // Pressing Accept afterwards changes nothing.
    await pressForged(tg, wei, INTRO_DECIDE.encode({ introductionId: await lastIntroductionId(maryam), accept: true }));
    await tg.outboxSent();
    expect(maryam.history.filter((m) => carries(m, wei))).toEqual([]);
  });

  it('no button when the contributor has introductions off, for the contributor themself, or after the contributor used /forget', async () => {
    const reserved = await contributor(false);
    const maryam = await asker();
    const closed = await publishedBy(reserved);
    expect((await openStory(maryam, closed)).buttons).toEqual([]);
    // A forged press is refused as well.
    expect(await pressForged(tg, maryam, INTRO_ASK.encode({ experienceId: closed.id }))).toEqual([]);
    expect(maryam.history.at(-1)!.text).toBe(tg.text('fa', 'intro-unavailable'));

    const wei = await contributor();
    const story = await publishedBy(wei);
    expect((await openStory(wei, story)).buttons).toEqual([]);
    expect((await openStory(maryam, story)).buttons).toEqual([tg.text('fa', 'intro-button')]);

    await wei.says('/forget');
    await wei.presses(tg.text('zh', 'forget-button-anonymise'));
    expect((await openStory(maryam, story)).buttons).toEqual([]);
  });

  it('at most 3 requests a week: the 4th says when the member can ask again', async () => {
    const wei = await contributor();
    const maryam = await asker();
    const stories = [];
    for (let i = 1; i <= 4; i++) stories.push(await publishedBy(wei, `${TITLE} (${i})`));
    for (const story of stories.slice(0, 3)) expect(await requestIntroduction(maryam, story)).toBe(tg.text('fa', 'intro-sent'));

    await openStory(maryam, stories[3]!);
    const [limited] = await maryam.presses(tg.text('fa', 'intro-button'));
    const [first] = await tg.db.query<{ at: Date | string }>('SELECT min(created_at) AS at FROM introductions WHERE asker_member_id = $1', [
      await memberId(maryam),
    ]);
    const when = new Date(new Date(first!.at).getTime() + 7 * 24 * 60 * 60 * 1000).toISOString().slice(0, 16).replace('T', ' ');
    expect(limited!.text).toBe(tg.text('fa', 'intro-limited', { limit: 3, when }));
    expect(wei.history.filter((m) => m.buttons.includes(tg.text('zh', 'intro-button-accept')))).toHaveLength(3);
  });

  it('/cancel leaves without sending a request', async () => {
    const wei = await contributor();
    const maryam = await asker();
    const story = await publishedBy(wei);
    await openStory(maryam, story);
    await maryam.presses(tg.text('fa', 'intro-button'));
    expect((await maryam.says('/cancel'))[0]!.text).toBe(tg.text('fa', 'intro-cancelled'));
    await tg.outboxSent();
    expect(wei.history.filter((m) => m.buttons.includes(tg.text('zh', 'intro-button-accept')))).toEqual([]);
  });

  it('/profile: introductions are off by default, and its switch turns them on and off', async () => {
    const wei = tg.member({ first_name: 'Wei', language_code: 'zh' });
    await wei.says('/profile');
    await wei.says(CONTRIBUTOR_COMPANY);
    await wei.presses(tg.text('zh', 'country-CN'));
    const replies = await wei.presses(tg.text('zh', 'industry-logistics'));
    expect(replies.map((r) => r.text).at(-1)).toBe(tg.text('zh', 'intro-consent-off'));
    expect(replies.at(-1)!.buttons).toEqual([tg.text('zh', 'intro-consent-button-on')]);
    const consent = async () => (await tg.app.community.members.getByTelegramId(wei.user.id))!.consentIntroductions;
    expect(await consent()).toBe(false);

    const [on] = await wei.presses(tg.text('zh', 'intro-consent-button-on'));
    expect(on!.text).toBe(tg.text('zh', 'intro-consent-on'));
    expect(on!.buttons).toEqual([tg.text('zh', 'intro-consent-button-off')]);
    expect(await consent()).toBe(true);
    // A stale or forged second "on" changes nothing and is no error.
    await pressForged(tg, wei, INTRO_CONSENT.encode({ on: true }));
    expect(wei.history.at(-1)!.text).toBe(tg.text('zh', 'intro-consent-on'));
    expect(await consent()).toBe(true);
    const maryam = await asker();
    const story = await publishedBy(wei);
    expect((await openStory(maryam, story)).buttons).toEqual([tg.text('fa', 'intro-button')]);

    const [off] = await wei.presses(tg.text('zh', 'intro-consent-button-off'));
    expect(off!.text).toBe(tg.text('zh', 'intro-consent-off'));
    expect(await consent()).toBe(false);
    expect((await openStory(maryam, story)).buttons).toEqual([]);
  });

  it('a request unanswered for 14 days lapses: the asker is told, and a late Accept shares nothing', async () => {
    const wei = await contributor();
    const maryam = await asker();
    const story = await publishedBy(wei);
    expect(await requestIntroduction(maryam, story)).toBe(tg.text('fa', 'intro-sent'));
    const id = await lastIntroductionId(maryam);
    // Fifteen days on: the request's time and its expiry message's.
    await tg.db.query(`UPDATE introductions SET created_at = now() - interval '15 days' WHERE id = $1`, [id]);
    await tg.db.query(`UPDATE jobs SET run_at = now() WHERE kind = 'introduction-message' AND unique_key = $1`, [`${id}:expired`]);
    await tg.outboxSent();
    expect(maryam.history.at(-1)!.text).toBe(tg.text('fa', 'intro-message-expired', { title: TITLE }));

    await wei.presses(tg.text('zh', 'intro-button-accept'));
    expect(wei.lastReply!.text).toBe(tg.text('zh', 'intro-already-decided', { status: 'expired' }));
    expect(maryam.history.filter((m) => carries(m, wei))).toEqual([]);
    expect(wei.history.filter((m) => carries(m, maryam))).toEqual([]);
  });
});
