import type { Language } from '../../src/text/language.ts';
import type { Retriever, SearchQuery, SearchResult, Tier } from '../../src/knowledge/search/retrieval.ts';
import type { Experience, ExperienceText } from '../../src/knowledge/experiences/experience.ts';

let nextId = 1;

type Texts = Partial<Record<Language, ExperienceText>>;

/** A published experience; `texts` must include the original language. */
export function anExperience(language: Language, texts: Texts, overrides: Partial<Omit<Experience, 'texts'>> = {}): Experience {
  const id = nextId++;
  const stored: Experience['texts'] = {};
  for (const [l, t] of Object.entries(texts) as [Language, ExperienceText][]) {
    stored[l] = { ...t, isOriginal: l === language, origin: 'human' };
  }
  return {
    id,
    externalId: `exp-${id}`,
    status: 'published',
    language,
    country: 'IR',
    industry: 'food',
    tags: [],
    contributor: {},
    source: 'import',
    texts: stored,
    ...overrides,
  };
}

/** A stand-in for ExperienceRepository.getMany (owned by knowledge-io). */
export function experiencesOf(list: Experience[]) {
  const byId = new Map(list.map((e) => [e.id, e]));
  return { getMany: async (ids: readonly number[]) => ids.flatMap((id) => byId.get(id) ?? []) };
}

/**
 * A stand-in for the retriever (owned by retrieval) that records every query and answers
 * with `decide(query)`: a list of [experience, score] ranked hits, or nothing (abstain). With hits,
 * the search is as sure as `tier` says (`related`: plausible candidates, no sure answer).
 */
export function recordingRetriever(
  decide: (q: SearchQuery) => [Experience, number][],
  tier: Exclude<Tier, 'nothing'> = 'answered',
): Retriever & { queries: SearchQuery[] } {
  const queries: SearchQuery[] = [];
  return {
    queries,
    async search(q): Promise<SearchResult> {
      queries.push(q);
      const ranked = decide(q);
      return {
        language: q.language ?? 'en',
        abstained: ranked.length === 0 || tier !== 'answered',
        tier: ranked.length === 0 ? 'nothing' : tier,
        confidence: ranked.length === 0 ? 0 : tier === 'answered' ? 0.9 : 0.5,
        hits: ranked.map(([e, score]) => ({ experienceId: e.id, externalId: e.externalId, score, matchedLanguage: e.language })),
      };
    },
  };
}

export const stripIsolation = (s: string) => s.replace(/[\u2068\u2069]/g, '');

/**
 * A Chinese firm's story, in Chinese and English: how a chemicals maker in Zibo (淄博恒润化工有限公司,
 * told by 周海峰) got paid by an Iranian customer; its names show how answers name who lived it.
 */
export function ziboChemicalsStory(): Experience {
  return anExperience(
    'zh',
    {
      zh: { title: '伊朗客户的付款', problem: '伊朗客户无法电汇。', solution: '我们通过第三国银行收款。' },
      en: {
        title: 'Payment from an Iranian customer',
        problem: 'The Iranian customer could not wire.',
        solution: 'We were paid through a bank in a third country.',
      },
    },
    { country: 'CN', industry: 'chemicals', contributor: { name: '周海峰', company: '淄博恒润化工有限公司', city: '淄博' } },
  );
}
