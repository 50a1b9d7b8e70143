import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.ts';
import { MAX_QUESTION, createAskQuestion } from '../../src/answering/ask-question.ts';
import { loadConfig } from '../../src/config.ts';
import type { Db } from '../../src/db/db.ts';
import { anExperience } from '../helpers/experiences.ts';
import { testDatabases } from '../helpers/db.ts';
import { spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import { recordReceivedUpdates } from '../../src/community/update-claims.ts';

// The use cases as a web panel or a job would call them: plain values in and out, no Telegram.
describe.each(testDatabases())('community use cases on $name', ({ open }) => {
  let db: Db;
  let app: App;
  let nextTelegramId = 50_000;
  beforeAll(async () => {
    db = await open();
    app = await createApp(loadConfig({ LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '2' }), { db });
    await app.experiences.upsertRecords([anExperience()], { status: 'published' });
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  const aMember = (name = 'Darya Karimi') => app.community.members.upsertFromTelegram({ telegramId: nextTelegramId++, name });
  const count = async (sql: string, params: unknown[]) => Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM ${sql}`, params))[0]!.n);

  it('a submitted contribution waits for review, in the language it is written in, credited to the member', async () => {
    const member = await app.community.members.updateProfile((await aMember()).id, { company: 'Karimi Saffron Co' });
    const draft = {
      title: 'صادرات زعفران به شانگهای',
      problem: 'گمرک شانگهای محموله را برای گواهی مبدأ نگه داشت.',
      solution: 'گواهی مبدأ را از اتاق بازرگانی گرفتیم و دوباره فرستادیم.',
      industry: 'agriculture' as const,
      tags: ['زعفران'],
    };
    const submitted = await app.community.submitContribution({ member: member!, draft, fallbackLanguage: 'en' });
    expect(submitted.language).toBe('fa');
    const [mine, ...more] = await app.experiences.listByContributor(member!.id);
    expect(more).toEqual([]);
    expect(mine).toMatchObject({
      id: submitted.experienceId,
      status: 'pending',
      tags: ['زعفران'],
      contributor: { name: 'Darya Karimi', company: 'Karimi Saffron Co' },
    });
    expect(mine!.texts.fa?.title).toBe(draft.title);
  });

  it('claims an update once: the first claim reads (and makes) the member and the stored state, a repeat is refused', async () => {
    const telegramId = nextTelegramId++;
    await db.query(`INSERT INTO sessions (key, value) VALUES ($1, '{"step": 2}')`, [`conversation:${telegramId}`]);
    const update = {
      updateId: 900_001,
      update: { update_id: 900_001 },
      sender: { telegramId, name: 'Lin Wei', register: true },
      stateKey: `conversation:${telegramId}`,
    };
    const first = await app.community.claimUpdate(update);
    expect(first).toMatchObject({ claimed: true, member: { telegramId, name: 'Lin Wei' }, state: { step: 2 } });
    expect(await app.community.claimUpdate(update)).toEqual({ claimed: false });
  });

  it('claims an update from a group without registering a stranger, and recognises a member', async () => {
    const stranger = nextTelegramId++;
    const fromGroup = await app.community.claimUpdate({
      updateId: 900_002,
      update: { update_id: 900_002 },
      sender: { telegramId: stranger, name: 'Passer-by', register: false },
    });
    expect(fromGroup).toEqual({ claimed: true, state: undefined });
    expect(await app.community.members.getByTelegramId(stranger)).toBeUndefined();
    const member = await aMember();
    const known = await app.community.claimUpdate({
      updateId: 900_003,
      update: { update_id: 900_003 },
      sender: { telegramId: member.telegramId, name: 'Renamed', register: false },
    });
    expect(known).toMatchObject({ claimed: true, member: { id: member.id } });
  });

  it('takes over, once, an update a process that died left half-handled; a live process keeps its own', async () => {
    const gone = spawnSync(process.execPath, ['-e', '']).pid!;
    const asked = { update_id: 900_010, message: { message_id: 7, text: 'How do I pay a supplier?' } };
    await db.query('INSERT INTO processed_updates (update_id, unfinished, handler) VALUES ($1, $2::jsonb, $3), ($4, $5::jsonb, $6)', [
      900_010,
      JSON.stringify(asked),
      `${hostname()}:${gone}:dead00`,
      900_011,
      JSON.stringify({ update_id: 900_011 }),
      `${hostname()}:${process.pid}:alive0`,
    ]);
    expect(await app.community.takeOverUnfinishedUpdates()).toEqual([asked]);
    expect(await app.community.takeOverUnfinishedUpdates()).toEqual([]);
    // The taker's claim succeeds once; Telegram sending it again meanwhile is still a repeat.
    expect(await app.community.claimUpdate({ updateId: 900_010, update: asked })).toMatchObject({ claimed: true });
    expect(await app.community.claimUpdate({ updateId: 900_010, update: asked })).toEqual({ claimed: false });
    await app.community.finishUpdate(900_010);
    const rows = await db.query<{ id: number; kept: boolean }>(
      'SELECT update_id::float8 AS id, unfinished IS NOT NULL AS kept FROM processed_updates WHERE update_id IN (900010, 900011) ORDER BY 1',
    );
    // The member's words are not kept once handled; the live process's update is left to it.
    expect(rows).toEqual([
      { id: 900_010, kept: false },
      { id: 900_011, kept: true },
    ]);
  });

  it('keeps received updates for their receiver to claim once, and gives a dead receiver’s to the next process in update order', async () => {
    const dead = `${hostname()}:${spawnSync(process.execPath, ['-e', '']).pid!}:dead01`;
    const later = { update_id: 900_022, message: { message_id: 9, text: 'And the customs?' } };
    const earlier = { update_id: 900_021, message: { message_id: 8, text: 'How do I pay a supplier?' } };
    // Received by a process that died before claiming them, recorded in one statement as polling does.
    await recordReceivedUpdates(db, [later, earlier], dead);
    // This process's own received update: its claim succeeds once, and nobody takes it over.
    const mine = { update_id: 900_023 };
    await app.community.recordReceivedUpdates([mine]);
    expect(await app.community.takeOverUnfinishedUpdates()).toEqual([earlier, later]);
    expect(await app.community.claimUpdate({ updateId: 900_023, update: mine })).toMatchObject({ claimed: true });
    expect(await app.community.claimUpdate({ updateId: 900_023, update: mine })).toEqual({ claimed: false });
    // Recorded again (Telegram sent the batch again): the claim still decides, once.
    await app.community.recordReceivedUpdates([later]);
    expect(await app.community.claimUpdate({ updateId: 900_022, update: later })).toMatchObject({ claimed: true });
    expect(await app.community.claimUpdate({ updateId: 900_022, update: later })).toEqual({ claimed: false });
  });

  it('lets a member change their own contribution only while it waits, only by the /share rules, and not another member’s', async () => {
    const owner = await aMember();
    const other = await aMember('Wei');
    const actor = { memberId: owner.id, role: owner.role };
    const draft = {
      title: 'Paying a supplier in Yiwu',
      problem: 'Our bank refused every transfer to China for months.',
      solution: 'We paid through a licensed exchange house in Dubai.',
      industry: 'textiles' as const,
      tags: [],
      country: 'XX',
      named: false,
    };
    const { experienceId } = await app.community.submitContribution({ member: owner, draft, fallbackLanguage: 'en' });
    const { myContributions } = app.community;
    // A country that is no country falls back to the profile's, else "unknown"; an anonymous one names no one.
    expect((await myContributions.get(owner.id, experienceId))?.experience).toMatchObject({ country: 'ZZ', contributor: { memberId: owner.id } });
    expect((await myContributions.get(owner.id, experienceId))?.experience.contributor.name).toBeUndefined();

    expect(await myContributions.edit(actor, experienceId, { field: 'problem', language: 'en', value: 'Too short.' })).toEqual({
      ok: false,
      reason: 'invalid',
    });
    expect(await myContributions.edit(actor, experienceId, { field: 'industry', value: 'weapons' })).toEqual({ ok: false, reason: 'invalid' });
    expect(await myContributions.edit(actor, experienceId, { field: 'title', language: 'en', value: null })).toEqual({ ok: false, reason: 'invalid' });
    expect(await myContributions.edit(actor, experienceId, { field: 'title', language: 'zh', value: '向义乌供应商付款' })).toEqual({
      ok: false,
      reason: 'invalid',
    });
    expect(await myContributions.edit({ memberId: other.id, role: other.role }, experienceId, { field: 'industry', value: 'food' })).toEqual({
      ok: false,
      reason: 'gone',
    });
    expect(await myContributions.get(other.id, experienceId)).toBeUndefined();

    const edited = await myContributions.edit(actor, experienceId, { field: 'outcome', language: 'en', value: 'Paid in 5 days.' });
    expect(edited.ok && edited.experience.texts.en?.outcome).toBe('Paid in 5 days.');
    const tagged = await myContributions.edit(actor, experienceId, { field: 'tags', value: ['payment', 'exchange-house'] });
    expect(tagged.ok && tagged.experience.tags).toEqual(['payment', 'exchange-house']);

    expect(await myContributions.withdraw({ memberId: other.id, role: 'admin' }, experienceId)).toEqual({ ok: false, reason: 'gone' });
    expect((await myContributions.withdraw(actor, experienceId)).ok).toBe(true);
    expect(await myContributions.withdraw(actor, experienceId)).toEqual({ ok: false, reason: 'not-now' });
    expect(await myContributions.edit(actor, experienceId, { field: 'industry', value: 'food' })).toEqual({ ok: false, reason: 'not-now' });
  });

  it('forgets a member: their conversation state in private and in every group goes, another member’s stays', async () => {
    const leaving = await aMember();
    const staying = await aMember('Wei');
    const group = -100_200_300;
    const keys = [leaving, staying].flatMap((m) => [`conversation:${m.telegramId}`, `conversation:${group}:${m.telegramId}`]);
    for (const key of keys) await db.query(`INSERT INTO sessions (key, value) VALUES ($1, '{}')`, [key]);
    expect(await app.community.forgetting.preview(leaving.id)).toEqual({
      publishedContributions: 0,
      contributions: { draft: 0, pending: 0, published: 0, rejected: 0, archived: 0 },
      questions: 0,
      openQuestions: 0,
      feedback: 0,
      introductions: 0,
      savedMessages: 0,
    });

    const summary = await app.community.forgetting.forget(leaving.id, { contributions: 'delete' });
    expect(summary).toMatchObject({ memberFound: true, sessions: 2 });
    expect(await app.community.members.getById(leaving.id)).toBeUndefined();
    const left = await db.query<{ key: string }>('SELECT key FROM sessions WHERE key = ANY($1::text[]) ORDER BY key', [keys]);
    expect(left.map((r) => r.key).sort()).toEqual([`conversation:${staying.telegramId}`, `conversation:${group}:${staying.telegramId}`].sort());
  });

  it('takes feedback and opens a question to the community only for a logged question, and only the asker opens it', async () => {
    const asker = await aMember();
    const other = await aMember('Wei');
    const questionId = await app.community.questions.record({
      memberId: asker.id,
      chatId: asker.telegramId,
      text: 'How do I pay a supplier?',
      language: 'en',
      abstained: true,
      mode: 'offline',
      answerText: '-',
      latencyMs: 1,
      citations: [],
    });
    // Someone else's question and one that does not exist are refused alike: a guessed id tells nothing.
    expect(await app.community.giveFeedback({ questionId: 999_999_999, memberId: asker.id, helpful: true })).toBe('not-yours');
    expect(await app.community.giveFeedback({ questionId, memberId: other.id, helpful: false })).toBe('not-yours');
    expect(await count('feedback WHERE question_id = $1', [questionId])).toBe(0);
    expect(await app.community.giveFeedback({ questionId, memberId: asker.id, helpful: true })).toBe('recorded');
    expect(await app.community.openQuestionToCommunity({ questionId: 999_999_999, memberId: asker.id })).toBe('not-yours');
    expect(await app.community.openQuestionToCommunity({ questionId, memberId: other.id })).toBe('not-yours');
    expect(await app.community.openQuestionToCommunity({ questionId, memberId: asker.id })).toBe('opened');
    expect(await app.community.openQuestionToCommunity({ questionId, memberId: asker.id })).toBe('already-open');
    expect(await count('open_questions WHERE question_id = $1', [questionId])).toBe(1);
  });

  it('saves a profile only with an assigned country code and an industry of the list', async () => {
    const member = await aMember();
    await app.community.saveProfile(member.id, { company: 'Karimi Saffron Co', country: 'IR', industry: 'food' });
    for (const [profile, field] of [
      [{ company: null, country: 'ZZ<b>forged', industry: null }, 'country'],
      [{ company: null, country: 'ZZ', industry: null }, 'country'],
      [{ company: null, country: 'XX', industry: null }, 'country'],
      [{ company: null, country: 'ir', industry: null }, 'country'],
      [{ company: null, country: null, industry: 'forged' }, 'industry'],
      [{ company: 'x'.repeat(121), country: null, industry: null }, 'company'],
    ] as const) {
      expect(await app.community.saveProfile(member.id, profile), JSON.stringify(profile)).toEqual({ kind: 'invalid', field });
    }
    expect(await app.community.members.getById(member.id)).toMatchObject({ company: 'Karimi Saffron Co', country: 'IR', industry: 'food' });
    expect(await app.community.saveProfile(member.id, { company: null, country: 'TR', industry: 'textiles' })).toMatchObject({
      kind: 'saved',
      member: { country: 'TR', industry: 'textiles' },
    });
  });

  it('keeps all or nothing of what is done in one unit of work', async () => {
    const member = await aMember();
    const failing = app.community.inTransaction(async (repos) => {
      await repos.members.setLanguage(member.id, 'zh');
      await repos.rateLimits.hit(`ask:${member.id}`, 10);
      throw new Error('the audit row was refused');
    });
    await expect(failing).rejects.toThrow('the audit row was refused');
    expect((await app.community.members.getById(member.id))!.language).toBeUndefined();
    expect(await count('rate_limits WHERE key = $1', [`ask:${member.id}`])).toBe(0);
  });

  it('asks a question: refuses one too long and one over the limit, answers and logs the others, follows up a reply', async () => {
    const asking = createAskQuestion({
      answering: app.answering,
      community: app.community,
      outbox: app.answerOutbox,
      limitPerMinute: app.config.rateLimitPerMinute,
    });
    const member = await aMember();
    const ask = (text: string, repliesTo?: number) =>
      asking.ask({ member, chatId: member.telegramId, text, memberLanguage: 'en', ...(repliesTo ? { repliesTo: { messageId: repliesTo } } : {}) });

    expect(await ask('x'.repeat(MAX_QUESTION + 1))).toEqual({ kind: 'too-long', max: MAX_QUESTION, length: MAX_QUESTION + 1 });
    const first = await ask('How do I pay a Chinese supplier through an exchange house?');
    if (first.kind !== 'answered') throw new Error(`not answered: ${first.kind}`);
    expect(first.answer.abstained).toBe(false);
    await app.community.questions.linkMessages(first.questionId, member.telegramId, [41, 42]);
    const followUp = await ask('And from Turkey?', 42);
    if (followUp.kind !== 'answered') throw new Error(`not answered: ${followUp.kind}`);
    const [logged] = await db.query<{ follow_up_of: string }>('SELECT follow_up_of FROM questions WHERE id = $1', [followUp.questionId]);
    expect(Number(logged!.follow_up_of)).toBe(first.questionId);
    // One refusal per window says so; the next ones in the same window are refused in silence.
    expect(await ask('One question too many?')).toMatchObject({ kind: 'rate-limited', limit: 2, notify: true });
    expect(await ask('And another one?')).toMatchObject({ kind: 'rate-limited', limit: 2, notify: false });
    expect(await ask('And another one?')).toMatchObject({ kind: 'rate-limited', limit: 2, notify: false });
    expect(await count('questions WHERE member_id = $1', [member.id])).toBe(2);
  });
});
