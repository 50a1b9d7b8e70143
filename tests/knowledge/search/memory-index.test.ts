import { describe, expect, it } from 'vitest';
import { PublishedTextIndex, type PublishedTextRow } from '../../../src/knowledge/search/memory-index.ts';

const row = (textId: number, experienceId: number, searchText: string): PublishedTextRow => ({
  textId,
  experienceId,
  externalId: `e${experienceId}`,
  language: 'en',
  country: experienceId % 2 === 0 ? 'CN' : 'IR',
  industry: 'food',
  searchText,
  searchLength: searchText.split(' ').length,
});

const QUERY = [
  { term: 'saffron', weight: 3 },
  { term: 'port', weight: 1 },
  { term: 'lab', weight: 2 },
];
const TERMS = ['saffron', 'port', 'lab', 'unknown'];

/** What a question can observe of an index. */
function observe(index: PublishedTextIndex) {
  const candidates = index.candidates(QUERY, {}, 10, 100);
  return {
    size: index.size,
    stats: index.stats(TERMS),
    candidates: candidates.map((c) => c.textId),
    counts: index.countTerms(candidates, TERMS).map((tf) => [...tf]),
    fromIran: index.candidates(QUERY, { country: 'IR' }, 10, 100).map((c) => c.externalId),
  };
}

describe('the published texts held in memory', () => {
  it('after many edits and removals answers exactly as an index built from what is left', () => {
    const edited = new PublishedTextIndex();
    edited.replace([], [row(1, 1, 'saffron port port'), row(2, 2, 'lab saffron'), row(3, 3, 'port')]);
    // Enough edits that dead postings outnumber live ones and the lists are rebuilt.
    for (let round = 0; round < 6; round++) edited.replace([2], [row(2, 2, round % 2 === 0 ? 'lab lab port' : 'saffron lab')]);
    edited.replace([3], []);
    edited.replace([4], [row(7, 4, 'saffron saffron saffron lab port')]);

    const fresh = new PublishedTextIndex();
    fresh.replace([], [row(1, 1, 'saffron port port'), row(2, 2, 'saffron lab'), row(7, 4, 'saffron saffron saffron lab port')]);

    expect(observe(edited)).toEqual(observe(fresh));
    expect(observe(fresh)).toMatchObject({
      size: 3,
      candidates: [7, 2, 1],
      counts: [
        [3, 1, 1, 0],
        [1, 0, 1, 0],
        [1, 2, 0, 0],
      ],
      fromIran: ['e1'],
    });
    expect(observe(fresh).stats.df).toEqual(
      new Map([
        ['saffron', 3],
        ['port', 2],
        ['lab', 2],
      ]),
    );
  });

  it('a text removed between choosing candidates and counting them counts nothing', () => {
    const index = new PublishedTextIndex();
    index.replace([], [row(1, 1, 'saffron port'), row(2, 2, 'saffron')]);
    const candidates = index.candidates(QUERY, {}, 10, 100);
    index.replace([1], []);
    expect(index.countTerms(candidates, TERMS).map((tf) => [...tf])).toEqual([
      [0, 0, 0, 0],
      [1, 0, 0, 0],
    ]);
  });
});
