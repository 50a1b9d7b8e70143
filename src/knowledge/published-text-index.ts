import type { Language } from '../config.ts';
import type { CandidateText, CorpusStats, LookupTerm } from './lexical-search.ts';

/** A published text as the index takes it in: its metadata and its search tokens. */
export interface PublishedTextRow extends CandidateText {
  searchText: string;
}

interface IndexedText extends CandidateText {
  /** Distinct term ids of the text, ascending, with how often each occurs. */
  terms: Int32Array;
  counts: Uint16Array;
}

/**
 * The published texts held in memory with what BM25 needs: an inverted index (term → texts),
 * each text's term counts, document frequencies and lengths. Answers a question with array
 * work only, where the database path reads the index, the candidate rows and their tokens
 * and counts terms in them again for every question. Knows nothing of where texts come from:
 * published-index-sync.ts keeps it in step with the database.
 */
export class PublishedTextIndex {
  private readonly termIds = new Map<string, number>();
  private df: number[] = [];
  /** By term id: the slots of the texts holding it, in the order added (plain arrays: tens of thousands of typed arrays, one buffer each, cost the garbage collector more). */
  private postings: number[][] = [];
  /** By slot; a removed text leaves `undefined`, and its slot is never reused until compaction. */
  private slots: (IndexedText | undefined)[] = [];
  private readonly slotByText = new Map<number, number>();
  private readonly textsByExperience = new Map<number, number[]>();
  private readonly lengths: Record<Language, { texts: number; total: number }> = { fa: { texts: 0, total: 0 }, zh: { texts: 0, total: 0 }, en: { texts: 0, total: 0 } };
  /** Pre-ranking sums by slot, zero between calls: one array reused instead of a map per question. */
  private scores = new Float64Array(0);
  private positions = new Int32Array(0);
  private liveEntries = 0;
  private deadEntries = 0;

  /** Number of texts held. */
  get size(): number {
    return this.slotByText.size;
  }

  /** Drops every text of these experiences, then adds `rows` (the texts they have now, if published). */
  replace(experienceIds: Iterable<number>, rows: PublishedTextRow[]): void {
    for (const id of experienceIds) {
      for (const textId of this.textsByExperience.get(id) ?? []) this.remove(textId);
      this.textsByExperience.delete(id);
    }
    for (const row of rows) this.add(row);
    // Dead postings slow every lookup of their terms: past as many dead as live, rebuild them.
    if (this.deadEntries > this.liveEntries) this.compact();
  }

  stats(terms: string[]): CorpusStats {
    const df = new Map<string, number>();
    for (const t of terms) {
      const id = this.termIds.get(t);
      const n = id === undefined ? 0 : this.df[id]!;
      if (n > 0) df.set(t, n);
    }
    const avgLength = { fa: 1, zh: 1, en: 1 } as Record<Language, number>;
    let n = 0;
    for (const [language, l] of Object.entries(this.lengths) as [Language, { texts: number; total: number }][]) {
      n += l.texts;
      if (l.texts > 0) avgLength[language] = l.total / l.texts;
    }
    return { n, avgLength, df };
  }

  /**
   * Texts holding any of the terms, pre-ranked by the summed weights of the terms they hold
   * (ties by text id), the best `limit` that pass the filters; each term contributes at most
   * `perTermLimit` texts, as the database path's lookup does.
   */
  candidates(terms: LookupTerm[], filters: { country?: string; industry?: string }, limit: number, perTermLimit: number): CandidateText[] {
    if (this.scores.length < this.slots.length) this.scores = new Float64Array(this.slots.length * 2);
    const scores = this.scores;
    const touched: number[] = [];
    for (const { term, weight } of terms) {
      const id = this.termIds.get(term);
      if (id === undefined) continue;
      const postings = this.postings[id]!;
      let taken = 0;
      for (let k = 0; k < postings.length && taken < perTermLimit; k++) {
        const slot = postings[k]!;
        const text = this.slots[slot];
        if (!text) continue;
        if ((filters.country && text.country !== filters.country) || (filters.industry && text.industry !== filters.industry)) continue;
        taken += 1;
        if (scores[slot] === 0) touched.push(slot);
        scores[slot] = scores[slot]! + weight;
      }
    }
    const best = new TopTexts(limit);
    for (const slot of touched) {
      best.offer(this.slots[slot]!, scores[slot]!);
      scores[slot] = 0;
    }
    return best.sorted().map((text) => ({
      textId: text.textId,
      experienceId: text.experienceId,
      externalId: text.externalId,
      language: text.language,
      country: text.country,
      industry: text.industry,
      searchLength: text.searchLength,
    }));
  }

  /** How often each of `terms` occurs in each candidate (zeros for a text removed since). */
  countTerms(candidates: CandidateText[], terms: string[]): Uint32Array[] {
    // Term id → position in `terms` + 1, so each text's own terms are walked once.
    if (this.positions.length < this.df.length) this.positions = new Int32Array(this.df.length * 2);
    const positions = this.positions;
    const ids: number[] = [];
    for (const [i, t] of terms.entries()) {
      const id = this.termIds.get(t);
      if (id === undefined) continue;
      positions[id] = i + 1;
      ids.push(id);
    }
    const counts = candidates.map((c) => {
      const tf = new Uint32Array(terms.length);
      const slot = this.slotByText.get(c.textId);
      const text = slot === undefined ? undefined : this.slots[slot];
      if (!text) return tf;
      const textTerms = text.terms;
      for (let k = 0; k < textTerms.length; k++) {
        const at = positions[textTerms[k]!]!;
        if (at > 0) tf[at - 1] = text.counts[k]!;
      }
      return tf;
    });
    for (const id of ids) positions[id] = 0;
    return counts;
  }

  private add(row: PublishedTextRow): void {
    if (this.slotByText.has(row.textId)) this.remove(row.textId);
    const counted = new Map<number, number>();
    for (const token of row.searchText.split(' ')) {
      if (token === '') continue;
      const id = this.termId(token);
      counted.set(id, (counted.get(id) ?? 0) + 1);
    }
    const terms = Int32Array.from(counted.keys()).sort();
    const counts = Uint16Array.from(terms, (id) => Math.min(counted.get(id)!, 0xffff));
    const slot = this.slots.length;
    const { searchText: _tokens, ...meta } = row;
    this.slots.push({ ...meta, terms, counts });
    this.slotByText.set(row.textId, slot);
    const ofExperience = this.textsByExperience.get(row.experienceId);
    if (!ofExperience) this.textsByExperience.set(row.experienceId, [row.textId]);
    else if (!ofExperience.includes(row.textId)) ofExperience.push(row.textId);
    for (const id of terms) {
      this.df[id]! += 1;
      this.postings[id]!.push(slot);
    }
    this.liveEntries += terms.length;
    const l = this.lengths[row.language];
    l.texts += 1;
    l.total += row.searchLength;
  }

  private remove(textId: number): void {
    const slot = this.slotByText.get(textId);
    if (slot === undefined) return;
    const text = this.slots[slot]!;
    for (const id of text.terms) this.df[id]! -= 1;
    this.liveEntries -= text.terms.length;
    this.deadEntries += text.terms.length;
    const l = this.lengths[text.language];
    l.texts -= 1;
    l.total -= text.searchLength;
    this.slots[slot] = undefined;
    this.slotByText.delete(textId);
  }

  private termId(token: string): number {
    let id = this.termIds.get(token);
    if (id === undefined) {
      id = this.df.length;
      this.termIds.set(token, id);
      this.df.push(0);
      this.postings.push([]);
    }
    return id;
  }

  /** Renumbers the live texts' slots in text-id order and rebuilds every postings list from them. */
  private compact(): void {
    const live = this.slots.filter((t): t is IndexedText => t !== undefined).sort((a, b) => a.textId - b.textId);
    this.slots = live;
    this.postings = this.postings.map(() => []);
    this.slotByText.clear();
    for (const [slot, text] of live.entries()) {
      this.slotByText.set(text.textId, slot);
      for (const id of text.terms) this.postings[id]!.push(slot);
    }
    this.deadEntries = 0;
  }
}

/**
 * The best `limit` texts by score (ties: lower text id first), kept in a min-heap of that size:
 * the pre-ranking sees thousands of texts per question and keeps forty.
 */
class TopTexts {
  private readonly heap: { text: IndexedText; score: number }[] = [];
  constructor(private readonly limit: number) {}

  offer(text: IndexedText, score: number): void {
    const heap = this.heap;
    if (heap.length < this.limit) {
      heap.push({ text, score });
      this.up(heap.length - 1);
    } else if (this.limit > 0 && worse(heap[0]!, { text, score })) {
      heap[0] = { text, score };
      this.down(0);
    }
  }

  sorted(): IndexedText[] {
    return [...this.heap].sort((a, b) => (worse(a, b) ? 1 : -1)).map((e) => e.text);
  }

  private up(i: number): void {
    const heap = this.heap;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!worse(heap[i]!, heap[parent]!)) break;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
  }

  private down(i: number): void {
    const heap = this.heap;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let worst = i;
      if (l < heap.length && worse(heap[l]!, heap[worst]!)) worst = l;
      if (r < heap.length && worse(heap[r]!, heap[worst]!)) worst = r;
      if (worst === i) return;
      [heap[i], heap[worst]] = [heap[worst]!, heap[i]!];
      i = worst;
    }
  }
}

function worse(a: { text: IndexedText; score: number }, b: { text: IndexedText; score: number }): boolean {
  return a.score < b.score || (a.score === b.score && a.text.textId > b.text.textId);
}
