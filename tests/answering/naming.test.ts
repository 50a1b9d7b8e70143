import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createAiProvider } from '../../src/ai/provider.ts';
import { createAnsweringService } from '../../src/answering/answering-service.ts';
import { companyName, personName, placeName } from '../../src/answering/naming/names.ts';
import { createTranslator } from '../../src/i18n.ts';
import type { Experience } from '../../src/knowledge/experiences/experience.ts';
import { memoryLogger } from '../ai/support.ts';
import { anExperience, experiencesOf, recordingRetriever, stripIsolation, ziboChemicalsStory } from './support.ts';

const translator = createTranslator();

// A Chinese firm's story, told in Chinese and English; a Persian firm's, in Persian and English.
const chemical = ziboChemicalsStory();
const saffron = anExperience(
  'fa',
  {
    fa: { title: 'صادرات زعفران به چین', problem: 'گمرک چین برچسب را نپذیرفت.', solution: 'برچسب چینی چاپ کردیم.' },
    en: { title: 'Exporting saffron to China', problem: 'Chinese customs refused the label.', solution: 'We printed a Chinese label.' },
  },
  { country: 'IR', industry: 'food', contributor: { name: 'علی نوروزی', company: 'زعفران طلای خراسان', city: 'مشهد' } },
);

async function answerFrom(experience: Experience, question: string, language: 'fa' | 'zh' | 'en'): Promise<string> {
  const log = memoryLogger();
  const answering = createAnsweringService({
    retriever: recordingRetriever(() => [[experience, 0.9]]),
    experiences: experiencesOf([experience]),
    ai: createAiProvider({ mode: 'offline' }, log.logger),
    translator,
    logger: log.logger,
  });
  return stripIsolation((await answering.answer({ text: question, language })).text);
}

describe('the answer names who lived it in a script the reader reads', () => {
  it('to an English reader, a Chinese company and city in Latin letters, its trade words in English', async () => {
    const text = await answerFrom(chemical, 'how did they get paid', 'en');
    expect(text).toContain('Zibo Hengrun Chemical Co., Ltd., Zibo, China');
    expect(text).not.toMatch(/\p{Script=Han}/u);
  });

  it('to a Persian reader, a Chinese company in Latin letters and the city as Persian writes it', async () => {
    const text = await answerFrom(chemical, 'چطور پول گرفتند؟', 'fa');
    expect(text).toContain('Zibo Hengrun Chemical Co., Ltd.، زیبو، چین');
    expect(text).not.toMatch(/\p{Script=Han}/u);
  });

  it('to a Chinese reader, a Persian company in Latin letters and the city as Chinese writes it', async () => {
    const text = await answerFrom(saffron, '藏红花怎么出口到中国', 'zh');
    expect(text).toContain('Talaye Khorasan Saffron，马什哈德，伊朗');
    expect(text).not.toMatch(/\p{Script=Arabic}/u);
  });

  it('to a reader of the same script, the name as stored', async () => {
    expect(await answerFrom(saffron, 'صادرات زعفران', 'fa')).toContain('زعفران طلای خراسان، مشهد، ایران');
    expect(await answerFrom(chemical, '付款', 'zh')).toContain('淄博恒润化工有限公司，淄博，中国');
  });
});

describe('a known city, from any of its spellings', () => {
  it.each([
    ['Bandar Abbas', 'بندرعباس'],
    ['Bandar-e Abbas', 'بندرعباس'],
    ['bandar abbas', 'بندرعباس'],
    ['بندر عباس', 'بندرعباس'],
    ['阿巴斯港', 'بندرعباس'],
    // Arabic yeh and kaf, a half-space, traditional characters, a city word.
    ['كيش', 'کیش'],
    ['مشکین شهر', 'مشکین‌شهر'],
    ['喀什', 'کاشغر'],
    ['Kashgar', 'کاشغر'],
    ['烏魯木齊', 'ارومچی'],
    ['淄博市', 'زیبو'],
  ])('%s reads %s to a Persian reader', (stored, persian) => {
    expect(placeName(stored, 'fa').shown).toBe(persian);
  });

  it('is named in each reader language', () => {
    expect(['fa', 'zh', 'en'].map((l) => placeName('Khorgos', l as 'fa').shown)).toEqual(['خورگوس', '霍尔果斯', 'Khorgos']);
    expect(['fa', 'zh', 'en'].map((l) => placeName('义乌', l as 'fa').shown)).toEqual(['ییوو', '义乌', 'Yiwu']);
    expect(['fa', 'zh', 'en'].map((l) => placeName('قشم', l as 'fa').shown)).toEqual(['قشم', '格什姆', 'Qeshm']);
  });
});

describe('the cities of the demo knowledge base, the first a new member meets', () => {
  const cities = readFileSync(new URL('../../assets/demo-kb.jsonl', import.meta.url), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as { contributor?: { city?: string } }).contributor?.city)
    .filter((city): city is string => city !== undefined);

  it('are each named to a Persian reader in Persian letters and to a Chinese reader in Chinese characters, Dubai too', () => {
    expect(cities.length).toBeGreaterThan(20);
    for (const city of cities) {
      expect(placeName(city, 'fa').shown, city).not.toMatch(/[A-Za-z]/);
      expect(placeName(city, 'zh').shown, city).not.toMatch(/[A-Za-z]/);
    }
    expect(['fa', 'zh', 'en'].map((l) => placeName('Dubai', l as 'fa').shown)).toEqual(['دبی', '迪拜', 'Dubai']);
  });
});

describe('a name no table knows', () => {
  it('in Chinese is written in pinyin, word by word, to readers of Latin letters', () => {
    expect(placeName('上虞', 'en')).toEqual({ shown: 'Shangyu', original: '上虞' });
    expect(companyName('上虞彩源涂料有限公司', 'en').shown).toBe('Shangyu Caiyuan Coatings Co., Ltd.');
    expect(companyName('义乌市恒达进出口有限公司', 'fa').shown).toBe('Yiwu Hengda Import & Export Co., Ltd.');
    expect(personName('周海峰', 'en').shown).toBe('Zhou Haifeng');
  });

  it('in Persian is romanised, the brand first and the trade words in English', () => {
    expect(companyName('صنایع غذایی نگین پارس', 'en').shown).toBe('Negin Pars Food Industries');
    expect(companyName('بازرگانی نورتاب', 'zh').shown).toBe('Noortab Trading');
    expect(placeName('نیکشهر', 'en')).toEqual({ shown: 'Nikshahr', original: 'نیکشهر' });
    expect(personName('مهدی رضایی', 'zh').shown).toBe('Mehdi Rezaei');
  });

  it('in Latin letters is left as it is for every reader', () => {
    for (const reader of ['fa', 'zh', 'en'] as const) {
      expect(companyName('Naqsh-e Tabriz Carpet House', reader)).toEqual({ shown: 'Naqsh-e Tabriz Carpet House' });
      expect(personName('Sara Tabrizi', reader)).toEqual({ shown: 'Sara Tabrizi' });
      expect(placeName('Nowhereabad', reader)).toEqual({ shown: 'Nowhereabad' });
    }
  });
});
