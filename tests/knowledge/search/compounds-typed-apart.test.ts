import { describe, expect, it } from 'vitest';
import { joinedCompounds } from '../../../src/text/persian.ts';
import { testDatabases } from '../../helpers/db.ts';
import { anExperience } from '../../helpers/experiences.ts';
import { retrieversOver } from './support.ts';

describe('a Persian compound typed apart', () => {
  it('is offered joined, as the stories write it with a half-space', () => {
    expect(joinedCompounds('دعوت نامه برای ویزا')).toContain('دعوتنام');
    expect(joinedCompounds('ترخیص ال ای دی از بندرعباس')).toContain('الاید');
  });

  it('offers nothing for a single word or for words in Latin letters', () => {
    expect(joinedCompounds('ویزا')).toEqual([]);
    expect(joinedCompounds('led lamp')).toEqual([]);
  });
});

describe.each(testDatabases())('a question typed without the half-space on $name', (database) => {
  const retrievers = retrieversOver(database, () => [
    anExperience({
      id: 'invitation-fa',
      language: 'fa',
      translations: {},
      title: 'ویزای تجاری چین با دعوت‌نامه کارخانه',
      problem: 'سفارت چین بدون دعوت‌نامه رسمی ویزای تجاری نمی‌داد.',
      solution: 'کارخانه چینی دعوت‌نامه رسمی با مهر شرکت فرستاد و سفارت ویزا را صادر کرد.',
    }),
    anExperience({
      id: 'rail-fa',
      language: 'fa',
      translations: {},
      title: 'حمل ریلی قطعات از چین به تهران',
      problem: 'کانتینرهای ما دو ماه در راه بودند.',
      solution: 'قطعات فوری را با قطار فرستادیم.',
    }),
  ]);

  it('finds the story that writes the compound joined ("دعوت نامه" for دعوت‌نامه)', async () => {
    for (const [name, retriever] of retrievers) {
      const apart = await retriever.search({ text: 'دعوت نامه لازمه؟', language: 'fa' });
      expect(apart.hits[0]?.externalId, name).toBe('invitation-fa');
    }
  });
});
