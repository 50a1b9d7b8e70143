import type { ExperienceRecord, ExperienceText, Language } from '../src/knowledge/experiences/experience.ts';

/** Small deterministic PRNG (mulberry32), so every run builds the same synthetic base. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SENTENCE_END = /(?<=[.!?。！？؟])\s*/u;
const sentences = (s: string) => s.split(SENTENCE_END).filter((x) => x.trim() !== '');
const SYLLABLES = {
  en: ['ka', 'ro', 'mi', 'tan', 'vel', 'dor', 'sun', 'pra', 'lin', 'qu'],
  fa: ['کا', 'رو', 'می', 'تان', 'ول', 'دور', 'سن', 'پرا', 'لین', 'شا'],
  zh: ['华', '鑫', '瑞', '通', '达', '丰', '源', '泰', '恒', '盛', '远', '嘉'],
};

/** A made-up company or product name: gives the synthetic base a long tail of rare words. */
function name(rand: () => number, language: Language): string {
  const parts = SYLLABLES[language];
  const n = 2 + Math.floor(rand() * 2);
  return Array.from({ length: n }, () => parts[Math.floor(rand() * parts.length)]).join('');
}

const ALPHABETS: Record<Language, string> = {
  en: 'abcdefghijklmnopqrstuvwxyz',
  fa: 'ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی',
  // Common Han characters; random pairs of them make bigrams rare in real text.
  zh: '安百北本博彩藏昌晨城川春丹德鼎东方飞丰峰福富港光广国海航合和弘宏华辉吉佳建江金锦京晶景君凯康科坤兰乐利联林龙隆路伦茂美民明南宁鹏平浦祺启千庆秋荣瑞森山上申神升盛石世顺泰天通同万威伟文西祥新信星兴旭雅扬耀业益银英永源远越云泽长正志中州卓',
};

/** Word number `index` of an endless made-up vocabulary, the same in every run. */
function rareWord(index: number, language: Language): string {
  const rand = random(index * 7919 + 13);
  const letters = ALPHABETS[language];
  const length = language === 'zh' ? 3 : 5 + Math.floor(rand() * 3);
  return Array.from({ length }, () => letters[Math.floor(rand() * letters.length)]).join('');
}

/**
 * Names of places, firms and products as real texts have them: a long tail where a few words
 * recur and most are nearly unique (log-uniform index: roughly Zipf's law over `vocabulary` words).
 */
function longTail(rand: () => number, vocabulary: number, language: Language): string {
  const words = Array.from({ length: 3 }, () => rareWord(Math.floor(vocabulary ** rand()), language));
  const number = Math.floor(rand() * 100_000);
  return language === 'zh' ? `${words.join('，')}，编号${number}。` : `${words.join(' ')} ${number}.`;
}

/**
 * `count` synthetic experiences recombined from the sentences of `sources` (the eval set's
 * distractors: topics that answer none of the questions), each with made-up names and figures,
 * with the same recombination in every language the sources share, so they stay parallel.
 * Recombined sentences alone make every word common (116 sources); unless `longTail` is false,
 * each problem also names made-up places, firms and products drawn from a long-tailed
 * vocabulary, so term frequencies look like a real base's.
 */
export function syntheticExperiences(
  sources: ExperienceRecord[],
  count: number,
  seed = 42,
  prefix = 'syn',
  options: { longTail?: boolean } = {},
): ExperienceRecord[] {
  const vocabulary = 50 * count;
  const rand = random(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const out: ExperienceRecord[] = [];
  for (let i = 0; i < count; i++) {
    const [a, b, c, d] = [pick(sources), pick(sources), pick(sources), pick(sources)];
    const textIn = (r: ExperienceRecord, language: Language): ExperienceText | undefined => (r.language === language ? r : r.translations?.[language]);
    const languages = (['fa', 'zh', 'en'] as const).filter((l) => [a, b, c].every((r) => textIn(r, l)));
    const original = languages.includes(a.language) ? a.language : languages[0];
    if (!original) {
      i--;
      continue;
    }
    const tag = name(rand, 'en');
    const seeds = { names: [0, 1, 2].map(() => rand()), figure: Math.floor(rand() * 900) + 100 };
    const build = (language: Language): ExperienceText => {
      const local = random(Math.floor(seeds.names[0]! * 1e9));
      const company = name(local, language);
      const from = (r: ExperienceRecord, field: 'problem' | 'solution') => {
        const list = sentences(textIn(r, language)![field]);
        return list.slice(0, 1 + Math.floor(seeds.names[1]! * list.length)).join(' ');
      };
      const outcome = textIn(d, language)?.outcome ?? textIn(a, language)?.outcome;
      return {
        title: `${textIn(a, language)!.title} (${company} ${seeds.figure})`,
        problem:
          options.longTail === false
            ? from(b, 'problem')
            : `${from(b, 'problem')} ${longTail(random(Math.floor(seeds.names[2]! * 1e9)), vocabulary, language)}`,
        solution: from(c, 'solution'),
        ...(outcome ? { outcome } : {}),
      };
    };
    const translations: Partial<Record<Language, ExperienceText>> = {};
    for (const l of languages) if (l !== original) translations[l] = build(l);
    out.push({
      id: `${prefix}-${String(i + 1).padStart(6, '0')}`,
      language: original,
      country: a.country,
      industry: a.industry,
      ...build(original),
      tags: [...(a.tags ?? []).slice(0, 2), tag],
      translations,
    });
  }
  return out;
}
