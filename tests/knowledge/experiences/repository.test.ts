import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/db/db.ts';
import { createForgetting } from '../../../src/community/forget.ts';
import { ExperienceRepository } from '../../../src/knowledge/experiences/repository.ts';
import type { ExperienceRecord } from '../../../src/knowledge/experiences/experience.ts';
import { adjacentPairs, searchTokens } from '../../../src/text/tokenize.ts';
import { testDatabases } from '../../helpers/db.ts';
import { anExperience } from '../../helpers/experiences.ts';

/** term_stats as it should be: for each term, the number of text rows containing it. */
async function recountedTermStats(db: Db): Promise<Record<string, number>> {
  const rows = await db.query<{ term: string; df: number }>(
    `SELECT term, count(DISTINCT t.id)::int AS df FROM experience_texts t, unnest(string_to_array(t.search_text, ' ')) AS term
     WHERE term <> '' GROUP BY term`,
  );
  return Object.fromEntries(rows.map((r) => [r.term, r.df]));
}

async function storedTermStats(db: Db): Promise<Record<string, number>> {
  const rows = await db.query<{ term: string; df: number }>('SELECT term, df FROM term_stats');
  return Object.fromEntries(rows.map((r) => [r.term, r.df]));
}

async function count(db: Db, table: string): Promise<number> {
  const [row] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
  return row!.n;
}

async function aMember(db: Db, country: string | null = 'CN'): Promise<number> {
  const [row] = await db.query<{ id: number }>('INSERT INTO members (name, country) VALUES ($1, $2) RETURNING id::int AS id', ['Li Wei', country]);
  return row!.id;
}

describe.each(testDatabases())('ExperienceRepository on $name', ({ open }) => {
  let db: Db;
  let repo: ExperienceRepository;
  beforeEach(async () => {
    db = await open();
    repo = new ExperienceRepository(db);
  });
  afterEach(async () => {
    await db.close();
  });

  it('stores new experiences with every text, human and searchable', async () => {
    const record = anExperience();
    expect(await repo.upsertRecords([record, anExperience()], { status: 'published' })).toMatchObject({ created: 2, updated: 0 });
    const stored = (await repo.getByExternalId(record.id))!;
    expect(stored).toMatchObject({
      externalId: record.id,
      status: 'published',
      language: 'fa',
      country: 'IR',
      industry: 'food',
      tags: record.tags,
      source: 'import',
      contributor: record.contributor,
    });
    expect(stored.texts.fa).toMatchObject({ title: record.title, isOriginal: true, origin: 'human' });
    expect(stored.texts.en).toMatchObject({ ...record.translations!.en, isOriginal: false, origin: 'human' });
    const [en] = await db.query<{ search_text: string; search_length: number }>(
      "SELECT search_text, search_length FROM experience_texts WHERE experience_id = $1 AND language = 'en'",
      [stored.id],
    );
    const t = record.translations!.en!;
    const tokens = searchTokens([t.title, t.problem, t.solution, t.outcome, record.tags!.join(' ')].join('\n'), 'en');
    // The words, then their adjacent pairs; the length counts the words.
    expect(en).toEqual({ search_text: [...tokens, ...adjacentPairs(tokens)].join(' '), search_length: tokens.length });
    expect(await storedTermStats(db)).toEqual(await recountedTermStats(db));
  });

  it('updates an experience imported again instead of duplicating it, keeping its status', async () => {
    const record = anExperience();
    await repo.upsertRecords([record], { status: 'pending' });
    const changed: ExperienceRecord = {
      ...record,
      industry: 'logistics',
      tags: ['customs'],
      title: 'عنوان تازه',
      translations: { en: record.translations!.en! },
    };
    const fresh = anExperience();
    expect(await repo.upsertRecords([changed, fresh], { status: 'published' })).toEqual({
      created: 1,
      updated: 1,
      statuses: [
        { after: 'published', count: 1 },
        { before: 'pending', after: 'pending', count: 1 },
      ],
    });
    expect(await count(db, 'experiences')).toBe(2);
    const stored = (await repo.getByExternalId(record.id))!;
    expect(stored).toMatchObject({ status: 'pending', industry: 'logistics', tags: ['customs'] });
    expect(Object.keys(stored.texts).sort()).toEqual(['en', 'fa']);
    expect(stored.texts.fa!.title).toBe('عنوان تازه');
    expect((await repo.getByExternalId(fresh.id))!.status).toBe('published');
    expect(await storedTermStats(db)).toEqual(await recountedTermStats(db));
  });

  it('keeps term_stats equal to a recount through inserts, updates, contributions and deletions', async () => {
    const records = Array.from({ length: 30 }, (_, i) =>
      anExperience({ language: i % 3 === 0 ? 'fa' : 'en', translations: i % 3 === 0 ? anExperience().translations : {} }),
    );
    await repo.upsertRecords(records, { status: 'published' });
    expect(await storedTermStats(db)).toEqual(await recountedTermStats(db));

    const edited = records
      .slice(0, 15)
      .map((r, i) => ({ ...r, solution: `${r.solution} revised ${i} customs clearance`, translations: i % 2 ? {} : r.translations }));
    await repo.upsertRecords(edited, { status: 'published' });
    expect(await storedTermStats(db)).toEqual(await recountedTermStats(db));

    const memberId = await aMember(db);
    await repo.createContribution({
      memberId,
      language: 'zh',
      industry: 'textiles',
      tags: ['cotton'],
      text: { title: '棉纱清关', problem: '海关扣货', solution: '补交原产地证' },
      contributor: { name: 'Li Wei' },
    });
    expect(await storedTermStats(db)).toEqual(await recountedTermStats(db));

    // Erasure has one implementation: forgetting the member.
    expect((await createForgetting(db, repo).forget(memberId, { contributions: 'delete' })).deletedExperiences).toBe(1);
    expect(await storedTermStats(db)).toEqual(await recountedTermStats(db));
    expect(await db.query("SELECT term FROM term_stats WHERE term = '棉纱'")).toEqual([]);
  });

  it('writes nothing when any part of the import fails', async () => {
    await repo.upsertRecords([anExperience()], { status: 'published' });
    const before = await repo.exportRecords();
    const terms = await storedTermStats(db);
    // The last of 600 records breaks a database constraint, in the third batch.
    const records = Array.from({ length: 600 }, () => anExperience());
    records[599] = { ...records[599]!, language: 'de' as 'en' };
    await expect(repo.upsertRecords(records, { status: 'published' })).rejects.toThrow();
    expect(await repo.exportRecords()).toEqual(before);
    expect(await storedTermStats(db)).toEqual(terms);
  });

  it('drops the embeddings of texts that changed on re-import and keeps the others', async (context) => {
    if (!db.hasVector) context.skip('pgvector is not installed in this database');
    const record = anExperience();
    await repo.upsertRecords([record], { status: 'published' });
    await db.exec("INSERT INTO text_embeddings (text_id, model, embedding) SELECT id, 'test', '[1,2,3]' FROM experience_texts");
    const en = { ...record.translations!.en!, solution: 'We paid through a bank in Turkey instead.' };
    await repo.upsertRecords([{ ...record, translations: { ...record.translations, en } }], { status: 'published' });
    const kept = await db.query<{ language: string }>('SELECT t.language FROM text_embeddings e JOIN experience_texts t ON t.id = e.text_id ORDER BY 1');
    expect(kept.map((k) => k.language)).toEqual(['fa', 'zh']);
  });

  it('reports progress once per batch', async () => {
    const calls: [number, number][] = [];
    await repo.upsertRecords(
      Array.from({ length: 600 }, () => anExperience({ translations: {} })),
      { status: 'published', onProgress: (done, total) => calls.push([done, total]) },
    );
    expect(calls).toEqual([
      [250, 600],
      [500, 600],
      [600, 600],
    ]);
  });

  it('leaves no pending search-index entries after imports and contributions (migration 0009)', async () => {
    // flush_search_index returns how many pending-list pages it merged: none once writers are done.
    const pendingPages = async () => Number((await db.query<{ n: string }>('SELECT flush_search_index() AS n'))[0]!.n);
    const [probe] = await db.query<{ id: number }>(
      "INSERT INTO experiences (external_id, status, language, country, industry) VALUES ('probe', 'draft', 'en', 'IR', 'food') RETURNING id::int AS id",
    );
    await db.query(
      "INSERT INTO experience_texts (experience_id, language, is_original, title, problem, solution, search_text, search_length) VALUES ($1, 'en', true, 't', 'p', 's', 'probe word', 2)",
      [probe!.id],
    );
    expect(await pendingPages()).toBeGreaterThan(0); // the index takes new entries into its pending list...
    await repo.upsertRecords(
      Array.from({ length: 300 }, () => anExperience()),
      { status: 'published' },
    );
    expect(await pendingPages()).toBe(0); // ...which the import merged before committing
    await repo.createContribution({
      memberId: await aMember(db),
      language: 'en',
      industry: 'food',
      tags: [],
      text: { title: 'Probe', problem: 'A problem.', solution: 'A solution.' },
      contributor: {},
    });
    expect(await pendingPages()).toBe(0);
    const [found] = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM experience_texts WHERE tsv @@ 'probe'::tsquery");
    expect(found!.n).toBe(2);
  });

  it('exports in insertion order, narrowed by status on request', async () => {
    const [a, b, c] = [
      anExperience(),
      anExperience({ outcome: undefined, tags: [], contributor: undefined }),
      anExperience({ language: 'zh', translations: {} }),
    ];
    await repo.upsertRecords([a!, b!], { status: 'published' });
    await repo.upsertRecords([c!], { status: 'draft' });
    // Empty tags and translations are left out, as the file format writes them.
    const { tags: _tags, ...bWithoutTags } = b!;
    const { translations: _translations, ...cWithoutTranslations } = c!;
    expect(await repo.exportRecords()).toStrictEqual([
      { ...a, status: 'published' },
      JSON.parse(JSON.stringify({ ...bWithoutTags, status: 'published' })),
      { ...cWithoutTranslations, status: 'draft' },
    ]);
    expect((await repo.exportRecords({ statuses: ['draft'] })).map((r) => r.id)).toEqual([c!.id]);
  });

  it("keeps a record's own status, verification date and machine translations, and --status only for records without a status", async () => {
    const machine = anExperience({ status: 'rejected', verified_on: '2025-03-14' });
    machine.translations = { ...machine.translations, en: { ...machine.translations!.en!, machine: true } };
    const [pending, plain] = [anExperience({ status: 'pending' }), anExperience()];
    expect(await repo.upsertRecords([machine, pending, plain], { status: 'archived' })).toMatchObject({
      created: 3,
      statuses: [
        { after: 'pending', count: 1 },
        { after: 'rejected', count: 1 },
        { after: 'archived', count: 1 },
      ],
    });
    const stored = (await repo.getByExternalId(machine.id))!;
    expect(stored).toMatchObject({ status: 'rejected', verifiedOn: '2025-03-14' });
    expect([stored.texts.en!.origin, stored.texts.zh!.origin]).toEqual(['machine', 'human']);
    expect((await repo.getByExternalId(pending.id))!.status).toBe('pending');
    expect((await repo.getByExternalId(plain.id))!.status).toBe('archived');
    expect(await repo.exportRecords()).toEqual([machine, pending, { ...plain, status: 'archived' }]);

    // Again without status or date: both are kept. With a status: it is applied.
    const { status: _s, verified_on: _v, ...bare } = machine;
    const summary = await repo.upsertRecords([bare, { ...pending, status: 'published' }], { status: 'published' });
    expect(summary).toEqual({
      created: 0,
      updated: 2,
      statuses: [
        { before: 'pending', after: 'published', count: 1 },
        { before: 'rejected', after: 'rejected', count: 1 },
      ],
    });
    expect(await repo.getByExternalId(machine.id)).toMatchObject({ status: 'rejected', verifiedOn: '2025-03-14' });
    expect((await repo.getByExternalId(pending.id))!.status).toBe('published');
  });

  it('finds experiences by id, external id and many ids in the order asked', async () => {
    const records = [anExperience(), anExperience(), anExperience()];
    await repo.upsertRecords(records, { status: 'published' });
    const [x, y, z] = await Promise.all(records.map(async (r) => (await repo.getByExternalId(r.id))!));
    expect((await repo.getById(y!.id))!.externalId).toBe(records[1]!.id);
    expect((await repo.getMany([z!.id, 999_999, x!.id])).map((e) => e.externalId)).toEqual([records[2]!.id, records[0]!.id]);
    expect(await repo.getById(999_999)).toBeUndefined();
    expect(await repo.getByExternalId('nope')).toBeUndefined();
    expect(await repo.getMany([])).toEqual([]);
  });

  it('creates a pending contribution from the bot, lists it, reviews it, and keeps it without the contributor when forgotten', async () => {
    const memberId = await aMember(db, 'CN');
    const created = await repo.createContribution({
      memberId,
      language: 'zh',
      industry: 'textiles',
      tags: ['cotton'],
      text: { title: '棉纱清关', problem: '海关扣货', solution: '补交原产地证', outcome: '三天放行' },
      contributor: { name: 'Li Wei', company: 'Wei Textiles' },
    });
    expect(created).toMatchObject({ status: 'pending', source: 'bot', country: 'CN', contributor: { name: 'Li Wei', company: 'Wei Textiles', memberId } });
    expect(created.externalId).toMatch(/^bot-\d{8}-[0-9a-f]{8}$/);
    expect(created.texts.zh).toMatchObject({ title: '棉纱清关', isOriginal: true, origin: 'human', outcome: '三天放行' });
    expect((await repo.listByContributor(memberId)).map((e) => e.id)).toEqual([created.id]);

    expect(await repo.setStatus(created.id, 'published')).toBe(true);
    expect(await repo.setStatus(999_999, 'published')).toBe(false);
    expect((await repo.getById(created.id))!.status).toBe('published');

    expect((await createForgetting(db, repo).forget(memberId, { contributions: 'anonymise' })).anonymisedExperiences).toBe(1);
    const anonymous = (await repo.getById(created.id))!;
    expect(anonymous.contributor).toEqual({});
    expect(anonymous.texts.zh!.title).toBe('棉纱清关');
    expect(await repo.listByContributor(memberId)).toEqual([]);
  });

  it('gives a contribution without a known country the code ZZ', async () => {
    const memberId = await aMember(db, null);
    const created = await repo.createContribution({
      memberId,
      language: 'en',
      industry: 'other',
      tags: [],
      text: { title: 't', problem: 'p', solution: 's' },
      contributor: {},
    });
    expect(created.country).toBe('ZZ');
  });
});
