import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/db/db.ts';
import { Glossary } from '../../../src/knowledge/glossary/glossary.ts';
import {
  exportGlossaryCsv as exportCsv,
  GlossaryCsvError,
  importGlossaryCsv as importCsv,
  seedGlossaryIfEmpty,
} from '../../../src/knowledge/glossary/glossary-csv.ts';
import { testDatabases } from '../../helpers/db.ts';

const CSV = [
  'concept,fa,zh,en',
  'customs-clearance,ترخیص|ترخیص کالا,清关|通关,customs clearance|clearance',
  'letter-of-credit,اعتبار اسنادی|ال سی,信用证,letter of credit|L/C|LC',
  '"truck, heavy",کامیون,卡车|重卡,"truck|heavy ""duty"" truck"',
  'one-char,سه,车,car',
].join('\n');

describe('glossary matching', () => {
  const glossary = Glossary.fromEntries([
    { concept: 'customs-clearance', fa: ['ترخیص', 'ترخیص کالا'], zh: ['清关', '通关'], en: ['customs clearance'] },
    { concept: 'letter-of-credit', fa: ['اعتبار اسنادی'], zh: ['信用证'], en: ['letter of credit', 'LC'] },
    { concept: 'truck', fa: ['کامیون'], zh: ['卡车', '重卡'], en: ['truck'] },
    { concept: 'car', fa: ['خودرو'], zh: ['车'], en: ['car'] },
  ]);

  it('finds a multi-word English phrase and offers the Persian and Chinese variants', () => {
    const expansions = glossary.expand('How long does customs clearance take in Bandar Abbas?', 'en');
    expect(new Set(expansions.map((e) => e.language))).toEqual(new Set(['fa', 'zh']));
    expect(expansions.every((e) => e.concept === 'customs-clearance')).toBe(true);
    expect(expansions.some((e) => e.language === 'zh' && e.tokens.includes('清关'))).toBe(true);
  });

  it('needs the whole phrase, in order', () => {
    expect(glossary.concepts('the credit on this letter is fine', 'en')).not.toContain('letter-of-credit');
    expect(glossary.concepts('we opened a letter of credit', 'en')).toContain('letter-of-credit');
  });

  it('finds Chinese terms inside unsegmented text, in traditional characters too', () => {
    expect(glossary.concepts('伊朗客户想用信用证付款', 'zh')).toContain('letter-of-credit');
    expect(glossary.concepts('貨到港了怎麼清關', 'zh')).toContain('customs-clearance');
  });

  it('ignores one-character Chinese variants, which match inside unrelated words', () => {
    expect(glossary.concepts('我们的货车坏了', 'zh')).not.toContain('car');
  });

  it('matches Persian whatever the spelling of ی and ک', () => {
    expect(glossary.concepts('كاميون ما در گمرك ماند', 'fa')).toContain('truck');
  });

  it('expands nothing for an unrelated question', () => {
    expect(glossary.expand('what is a good name for a bakery?', 'en')).toEqual([]);
  });
});

describe.each(testDatabases())('glossary CSV on $name', (database) => {
  let db: Db;
  beforeAll(async () => {
    db = await database.open();
  });
  afterAll(async () => {
    await db?.close();
  });

  it('imports, reloads and exports the same rows (quoted cells included)', async () => {
    expect(await importCsv(db, CSV.split('\n').slice(0, 4).join('\n'))).toEqual({ imported: 3 });
    const glossary = await Glossary.load(db);
    expect(glossary.size).toBe(3);
    expect(glossary.concepts('heavy "duty" truck for sale', 'en')).toContain('truck, heavy');
    const exported = await exportCsv(db);
    await db.exec('DELETE FROM glossary_terms');
    await importCsv(db, exported);
    expect(await exportCsv(db)).toBe(exported);
    expect(exported.split('\r\n')[3]).toBe('"truck, heavy",کامیون,卡车|重卡,"truck|heavy ""duty"" truck"');
  });

  it('updates an existing concept instead of duplicating it', async () => {
    await importCsv(db, 'concept,fa,zh,en\ncustoms-clearance,ترخیص,清关,customs clearance|customs release\n');
    const rows = await db.query<{ en: string[] }>("SELECT en FROM glossary_terms WHERE concept = 'customs-clearance'");
    expect(rows).toEqual([{ en: ['customs clearance', 'customs release'] }]);
  });

  it('rejects a bad file as a whole and names every bad line', async () => {
    const before = await exportCsv(db);
    const bad = [
      'concept,fa,zh,en',
      'fine-one,بارنامه,提单,bill of lading',
      ',ترخیص,清关,clearance',
      'only-english,,,just english',
      'fine-one,x,y,z',
      'too-many,a,b,c,d',
    ].join('\n');
    const error = await importCsv(db, bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GlossaryCsvError);
    const problems = (error as GlossaryCsvError).problems;
    expect(problems.map((p) => p.line)).toEqual([3, 4, 5, 6]);
    expect(problems[2]!.message).toMatch(/already appears on line 2/);
    expect(await exportCsv(db)).toBe(before);
  });

  it('rejects variants the search would read as one unrelated word, or as nothing, saying what it reads', async () => {
    const before = await exportCsv(db);
    const bad = [
      'concept,fa,zh,en',
      'after-sales,خدمات پس از فروش|پس از فروش,售后,after-sales service',
      'documentary-collection,وصولی اسنادی|برات,托收,documentary collection',
      // Light verbs and suffixes typed apart lose no meaning: these are fine.
      'export,صادرات|صادر کردن,出口,export',
      'supplier,تامین کننده,供应商,supplier',
    ].join('\n');
    const error = await importCsv(db, bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GlossaryCsvError);
    const problems = (error as GlossaryCsvError).problems;
    expect(problems.map((p) => p.line)).toEqual([2, 3]);
    expect(problems[0]!.message).toContain('"پس از فروش" of "after-sales" is searched as "فروش" alone');
    expect(problems[1]!.message).toMatch(/"برات" of "documentary-collection" is made only of words the search ignores/);
    expect(await exportCsv(db)).toBe(before);
  });

  it('rejects a wrong header and an unclosed quote with line numbers', async () => {
    await expect(importCsv(db, 'name,fa,zh,en\na,b,c,d')).rejects.toThrow(/line 1: the header must be exactly "concept,fa,zh,en"/);
    await expect(importCsv(db, 'concept,fa,zh,en\na,b,c,d\n"broken,b,c,d\n')).rejects.toThrow(/line 3: a quoted cell is never closed/);
  });

  it('seeds only an empty glossary', async () => {
    expect(await seedGlossaryIfEmpty(db)).toBe(0);
    await db.exec('DELETE FROM glossary_terms');
    expect(await seedGlossaryIfEmpty(db)).toBeGreaterThan(50);
  });
});
