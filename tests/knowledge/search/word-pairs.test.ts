import { describe, expect, it } from 'vitest';
import type { ExperienceRecord } from '../../../src/knowledge/experiences/experience.ts';
import { testDatabases } from '../../helpers/db.ts';
import { anExperience } from '../../helpers/experiences.ts';
import { retrieversOver } from './support.ts';

/** A story told in one language only, with no tags: its words are those written here. */
function story(id: string, language: 'fa' | 'en', title: string, problem: string, solution: string): ExperienceRecord {
  return anExperience({ id, language, title, problem, solution, outcome: language === 'fa' ? 'کار درست شد.' : 'It worked.', tags: [], translations: {} });
}

// Stories that share a word or two with the questions, the same in both bases: enough of them
// that the story asked about does not stand out of them on its words alone.
const PRODUCTS = ['زعفران', 'پسته', 'خرما', 'فرش', 'کاشی', 'سنگ', 'چای', 'گلاب'];
const GOODS = ['valves', 'pumps', 'tiles', 'fabric', 'tyres', 'lamps', 'cables', 'bearings'];
const others = (): ExperienceRecord[] => [
  ...PRODUCTS.map((p, i) =>
    story(`fa-${i}`, 'fa', `فروش ${p} در چین`, `شرکت ما ${p} را به یک مشتری در چین فروخت و مدارک حمل دیر رسید.`, `مدارک ${p} را زودتر فرستادیم.`),
  ),
  ...GOODS.map((g, i) =>
    story(
      `en-${i}`,
      'en',
      `Buying ${g} from China`,
      `The supplier of our ${g} in China asked for payment before shipping.`,
      `Our bank sent the payment for the ${g} in a week.`,
    ),
  ),
];

// Each question's words are in its story in both bases; only in the first are two of them side by side.
const together = (): ExperienceRecord[] => [
  story('register-fa', 'fa', 'ثبت شرکت در چین', 'ثبت شرکت در چین شش ماه طول کشید و وکیل محلی مدارک را ترجمه کرد.', 'مدارک را از ایران زودتر فرستادیم.'),
  story(
    'payment-en',
    'en',
    'Paying a Chinese supplier by letter of credit',
    'The supplier in China asked for a letter of credit from our bank.',
    'Our bank opened it in a week.',
  ),
  ...others(),
];
const apart = (): ExperienceRecord[] => [
  story('register-fa', 'fa', 'شرکت در چین', 'در چین شش ماه طول کشید تا وکیل محلی مدارک شرکت را ترجمه و ثبت کرد.', 'مدارک را از ایران زودتر فرستادیم.'),
  story(
    'payment-en',
    'en',
    'Paying a Chinese supplier: credit from a bank',
    'The supplier in China asked for credit, and a letter from our bank.',
    'Our bank opened it in a week.',
  ),
  ...others(),
];

/**
 * Persian and English are searched as bags of words, so a story holding the question's words
 * apart ranked as one about the very thing asked. The ranking still does; how sure the search is
 * of it now tells them apart, through the database index and the one held in memory alike.
 */
describe.each(testDatabases())("the question's words side by side in a story, on $name", (database) => {
  const withPairs = retrieversOver(database, together);
  const withoutPairs = retrieversOver(database, apart);

  it.each([
    ['ثبت شرکت در چین', 'register-fa'],
    ['letter of credit for china', 'payment-en'],
  ])('is surer of a story holding the words of "%s" together than of one holding them apart', async (text, expected) => {
    for (const [i, [name, retriever]] of withPairs.entries()) {
      const sure = await retriever.search({ text });
      const unsure = await withoutPairs[i]![1].search({ text });
      expect(sure.hits[0]?.externalId, name).toBe(expected);
      expect(unsure.hits[0]?.externalId, name).toBe(expected);
      // Both stories match every word: what sets them apart is the share of the question they cover.
      expect(sure.features!.coverage, name).toBeGreaterThan(unsure.features!.coverage + 0.2);
      expect(sure.confidence, name).toBeGreaterThan(unsure.confidence);
    }
  });
});
