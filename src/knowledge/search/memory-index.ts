import type { Language } from '../../text/language.ts';
import type { CandidateText, CorpusStats, LookupTerm } from './bm25.ts';

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
 * memory-index-sync.ts keeps it in step with the database.
 */
export class PublishedTextIndex {
  private readonly termIds = new Map<string, number>();
  private df: number[] = [];
  /** By term id: the slots of the texts holding it, in the order added (plain arrays: tens of thousands of typed arrays, one buffer each, cost the garbage collector more). */
  private postings: number[][] = [];
  /** By slot; a removed text leaves `undefined`, and its slot is never reused until compaction. */
  private slots: (IndexedText | undefined)[] = [];
  /** By slot, the text id (0 once removed): the lookup reads this array, not the texts, for each posting. */
  private textIdBySlot = new Int32Array(1024);
  private readonly slotByText = new Map<number, number>();
  private readonly textsByExperience = new Map<number, number[]>();
  private readonly lengths: Record<Language, { texts: number; total: number }> = {
    fa: { texts: 0, total: 0 },
    zh: { texts: 0, total: 0 },
    en: { texts: 0, total: 0 },
  };
  /** Pre-ranking sums by slot, zero between calls: one array reused instead of a map per question. */
  private scores = new Float64Array(0);
  private queryBits = new Uint32Array(0);
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

  /** The ids of `terms` in this index (-1: in no text): a question resolves its terms once. */
  termIdsOf(terms: string[]): Int32Array {
    return Int32Array.from(terms, (t) => this.termIds.get(t) ?? -1);
  }

  stats(terms: string[], ids = this.termIdsOf(terms)): CorpusStats {
    const df = new Map<string, number>();
    for (let i = 0; i < terms.length; i++) {
      const n = ids[i]! < 0 ? 0 : this.df[ids[i]!]!;
      if (n > 0) df.set(terms[i]!, n);
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
    const textIds = this.textIdBySlot;
    const filtered = filters.country !== undefined || filters.industry !== undefined;
    const touched: number[] = [];
    for (const { term, weight } of terms) {
      const id = this.termIds.get(term);
      if (id === undefined) continue;
      const postings = this.postings[id]!;
      let taken = 0;
      for (let k = 0; k < postings.length && taken < perTermLimit; k++) {
        const slot = postings[k]!;
        if (textIds[slot] === 0) continue;
        if (filtered) {
          const text = this.slots[slot]!;
          if ((filters.country && text.country !== filters.country) || (filters.industry && text.industry !== filters.industry)) continue;
        }
        taken += 1;
        if (scores[slot] === 0) touched.push(slot);
        scores[slot] = scores[slot]! + weight;
      }
    }
    const best = bestSlots(touched, scores, textIds, limit);
    for (const slot of touched) scores[slot] = 0;
    return best.map((slot) => this.slots[slot]!);
  }

  /** How often each of `terms` occurs in each candidate (zeros for a text removed since). */
  countTerms(candidates: CandidateText[], terms: string[], ids = this.termIdsOf(terms)): Uint32Array[] {
    // A bit per term id says whether the query holds it: each text's own terms are walked once,
    // and the bits (a few kilobytes) stay in the cache where a position per id would not.
    const words = (this.df.length + 31) >>> 5;
    if (this.queryBits.length < words) this.queryBits = new Uint32Array(words * 2);
    if (this.positions.length < this.df.length) this.positions = new Int32Array(this.df.length * 2);
    const bits = this.queryBits;
    const positions = this.positions;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      if (id < 0) continue;
      bits[id >>> 5]! |= 1 << (id & 31);
      positions[id] = i;
    }
    const counts = candidates.map((c) => {
      const tf = new Uint32Array(ids.length);
      const slot = this.slotByText.get(c.textId);
      const text = slot === undefined ? undefined : this.slots[slot];
      if (!text) return tf;
      const own = text.terms;
      for (let k = 0; k < own.length; k++) {
        const id = own[k]!;
        if ((bits[id >>> 5]! & (1 << (id & 31))) !== 0) tf[positions[id]!] = text.counts[k]!;
      }
      return tf;
    });
    for (let i = 0; i < ids.length; i++) if (ids[i]! >= 0) bits[ids[i]! >>> 5] = 0;
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
    if (slot >= this.textIdBySlot.length) {
      const grown = new Int32Array(this.textIdBySlot.length * 2);
      grown.set(this.textIdBySlot);
      this.textIdBySlot = grown;
    }
    this.textIdBySlot[slot] = row.textId;
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
    this.textIdBySlot[slot] = 0;
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
    this.textIdBySlot = new Int32Array(Math.max(1024, live.length * 2));
    for (const [slot, text] of live.entries()) {
      this.slotByText.set(text.textId, slot);
      this.textIdBySlot[slot] = text.textId;
      for (const id of text.terms) this.postings[id]!.push(slot);
    }
    this.deadEntries = 0;
  }
}

/**
 * The best `limit` of the touched slots by score (ties: lower text id first), best first, kept
 * in a min-heap of slot numbers: the pre-ranking sees hundreds of texts per question and keeps
 * forty, and compares them through the two typed arrays without reading any text.
 */
function bestSlots(touched: number[], scores: Float64Array, textIds: Int32Array, limit: number): number[] {
  const worse = (a: number, b: number) => scores[a]! < scores[b]! || (scores[a] === scores[b] && textIds[a]! > textIds[b]!);
  const heap: number[] = [];
  const down = (i: number) => {
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
  };
  for (const slot of touched) {
    if (heap.length < limit) {
      heap.push(slot);
      for (let i = heap.length - 1; i > 0;) {
        const parent = (i - 1) >> 1;
        if (!worse(heap[i]!, heap[parent]!)) break;
        [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
        i = parent;
      }
    } else if (limit > 0 && worse(heap[0]!, slot)) {
      heap[0] = slot;
      down(0);
    }
  }
  return heap.sort((a, b) => (worse(a, b) ? 1 : -1));
}
