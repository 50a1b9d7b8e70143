import type { Language } from '../../text/language.ts';
import { LANGUAGES } from '../../text/language.ts';
import { followChanges, oneAtATime, type ChangeFollower } from '../../db/change-feed.ts';
import type { Queryable } from '../../db/db.ts';
import { normalize } from '../../text/normalize.ts';
import { searchTokens, type TokenizedText } from '../../text/tokenize.ts';

/** One concept with its variants (synonyms, spellings) in each language. */
export interface GlossaryEntry {
  concept: string;
  fa: string[];
  zh: string[];
  en: string[];
}

/** Tokens of one variant of a matched concept in another language, to add to a query. */
export interface Expansion {
  language: Language;
  tokens: string[];
  weight: number;
  /** Variants of one concept in one language share a group: a text gets credit for the best of them only. */
  concept?: string;
  /** Share of its weight a text holding it earns in the ranking (INSIDE_SHARE for a concept inside a longer one); 1 if absent. */
  share?: number;
}

/** A concept found in a text: its longest variant's length, and the tokens of each Persian or English variant it was found by. */
export interface ConceptMatch {
  length: number;
  variants: string[][];
  /** Where it was found: token positions (Persian, English) or character positions (Chinese), end excluded. */
  spans: Span[];
}

interface Span {
  han: boolean;
  start: number;
  end: number;
}

/**
 * What a concept found only inside a longer one's words earns in the ranking: "machine" in
 * "filling machine" (machinery), 伊朗 and 客户 in 伊朗客户 (Iranian customer). The member asked
 * about the longer thing; a story about any machine is no answer. Its variants are still looked
 * up at their full weight, so the stories holding them stay candidates.
 */
export const INSIDE_SHARE = 0.4;

interface Variant {
  entry: number;
  language: Language;
  tokens: string[];
}

/** The glossary's topic in the change feed (migration 0014). */
export const GLOSSARY_TOPIC = 'glossary';

const HAN = /\p{Script=Han}/u;
const NON_HAN = /[^\p{Script=Han}]/gu;

/**
 * The trilingual glossary, held in memory (it is small, derived data) and read again from
 * glossary_terms whenever any process has changed it (the `glossary` topic of the change
 * feed, checked by `upToDate()` before each use). Matches concept variants inside a question
 * and offers the same concept in the other languages, which is what lets a Persian question
 * find an experience that exists only in Chinese.
 */
export class Glossary {
  private entries: GlossaryEntry[] = [];
  /** fa/en variants keyed by their first token; matched as token sequences. */
  private byFirstToken = new Map<string, Variant[]>();
  /** zh variants as normalised character strings, keyed by their first two characters; matched as substrings. */
  private hanVariants = new Map<string, { entry: number; chars: string }[]>();
  /** Per entry and language, the token lists of its variants. */
  private tokensOf: Record<Language, string[][]>[] = [];
  /** Brings the entries up to date with the database; a no-op for a glossary built in memory. */
  readonly upToDate: () => Promise<void>;

  private constructor(source?: { db: Queryable; changes: ChangeFollower; latestShared?: () => Promise<number> }) {
    if (!source) {
      this.upToDate = async () => {};
      return;
    }
    // The change number whose entries are indexed (set after they are, unlike the follower's).
    let indexed: number | undefined;
    const catchUp = oneAtATime(async () => {
      const changed = await source.changes.next();
      const reached = source.changes.applied;
      if (changed.everything || changed.keys.length > 0)
        this.index(await source.db.query<GlossaryEntry>('SELECT concept, fa, zh, en FROM glossary_terms ORDER BY id'));
      indexed = reached;
    });
    const { latestShared } = source;
    this.upToDate = async () => {
      // The usual answer, nothing changed, read with the other feeds' numbers: no catch-up to wait for.
      if (indexed !== undefined && latestShared && (await latestShared()) === indexed) return;
      await catchUp();
    };
  }

  /** The glossary in the database, followed through its change numbers (`latestShared`: see followChanges). */
  static async load(db: Queryable, latestShared?: () => Promise<number>): Promise<Glossary> {
    const glossary = new Glossary({ db, changes: followChanges(db, GLOSSARY_TOPIC), ...(latestShared ? { latestShared } : {}) });
    await glossary.upToDate();
    return glossary;
  }

  /** A glossary built from entries in memory (tools, benchmarks). */
  static fromEntries(entries: GlossaryEntry[]): Glossary {
    const glossary = new Glossary();
    glossary.index(entries);
    return glossary;
  }

  get size(): number {
    return this.entries.length;
  }

  private index(entries: GlossaryEntry[]): void {
    this.entries = entries;
    this.byFirstToken = new Map();
    this.hanVariants = new Map();
    this.tokensOf = entries.map((entry, i) => {
      const perLanguage = { fa: [], zh: [], en: [] } as Record<Language, string[][]>;
      for (const language of LANGUAGES) {
        for (const variant of entry[language]) {
          const tokens = searchTokens(variant, language);
          if (tokens.length === 0) continue;
          perLanguage[language].push(tokens);
          if (HAN.test(variant)) {
            const chars = normalize(variant, 'zh').replace(NON_HAN, '');
            // One Chinese character matches inside too many unrelated words.
            if ([...chars].length >= 2) {
              const key = [...chars].slice(0, 2).join('');
              const list = this.hanVariants.get(key) ?? [];
              list.push({ entry: i, chars });
              this.hanVariants.set(key, list);
            }
          } else if (isSpecific(variant, tokens)) {
            const list = this.byFirstToken.get(tokens[0]!) ?? [];
            list.push({ entry: i, language, tokens });
            this.byFirstToken.set(tokens[0]!, list);
          }
        }
      }
      return perLanguage;
    });
  }

  /**
   * Indexes of the entries whose variants occur in `text`, with the longest matched variant's
   * token count and the Persian or English variants found. A question already tokenised
   * (retrieval does it once) may be passed as such: its tokens differ from an indexed text's
   * only in Chinese bigrams, which never start a Persian or English variant.
   */
  match(text: string | TokenizedText, language: Language): Map<number, ConceptMatch> {
    const found = new Map<number, ConceptMatch>();
    const note = (entry: number, length: number, span: Span, words?: string[]) => {
      const seen = found.get(entry) ?? { length: 0, variants: [], spans: [] };
      found.set(entry, {
        length: Math.max(seen.length, length),
        variants: words ? [...seen.variants, words] : seen.variants,
        spans: [...seen.spans, span],
      });
    };
    const { tokens, normalized } = typeof text === 'string' ? { tokens: searchTokens(text, language), normalized: normalize(text, 'zh') } : text;
    for (let i = 0; i < tokens.length; i++) {
      for (const v of this.byFirstToken.get(tokens[i]!) ?? []) {
        if (v.tokens.every((t, j) => tokens[i + j] === t)) note(v.entry, v.tokens.length, { han: false, start: i, end: i + v.tokens.length }, v.tokens);
      }
    }
    if (HAN.test(normalized)) {
      // Only the variants that start with a pair of characters the text has: a question holds a
      // few dozen pairs, the glossary over a thousand variants.
      const han = [...normalized];
      for (let i = 0; i + 1 < han.length; i++) {
        for (const v of this.hanVariants.get(han[i]! + han[i + 1]!) ?? []) {
          if (
            han
              .slice(i, i + v.chars.length)
              .join('')
              .startsWith(v.chars)
          )
            note(v.entry, [...v.chars].length >= 4 ? 2 : 1, { han: true, start: i, end: i + [...v.chars].length });
        }
      }
    }
    return found;
  }

  /** Concepts found in `text` (for explanations and tests). */
  concepts(text: string, language: Language): string[] {
    return [...this.match(text, language).keys()].map((i) => this.entries[i]!.concept);
  }

  /**
   * The matched concepts' variants in the languages other than `language`, one expansion
   * per variant. Longer matched phrases are more trustworthy than one short word, so they
   * weigh more.
   */
  expand(text: string | TokenizedText, language: Language): Expansion[] {
    const out: Expansion[] = [];
    const found = this.match(text, language);
    for (const [entry, { length, spans }] of found) {
      const weight = length >= 2 ? 1 : 0.8;
      const concept = this.entries[entry]!.concept;
      const share = insideLonger(entry, spans, found) ? { share: INSIDE_SHARE } : {};
      for (const target of LANGUAGES) {
        if (target === language) continue;
        for (const tokens of this.tokensOf[entry]![target]) out.push({ language: target, tokens, weight, concept, ...share });
      }
    }
    return out;
  }

  /**
   * The matched concepts' other variants in the question's own language, for the concepts the
   * member named with words no text holds (`known` says which tokens some text holds): فسخ
   * (rescission) is in no story, لغو قرارداد (cancelling a contract) is. A word the base knows
   * already matches what it can, and its synonyms too would count it twice. The question's own
   * tokens are left out of the variants for the same reason, and variants holding the unknown
   * word are no synonyms of it.
   */
  synonymsOfUnknownWords(text: TokenizedText, language: Language, known: (token: string) => boolean): Expansion[] {
    const out: Expansion[] = [];
    // The common case, on every search: no unknown word, no second pass over the question.
    if (text.tokens.every(known)) return out;
    const asked = new Set(text.tokens);
    for (const [entry, { length, variants }] of this.match(text, language)) {
      const unknown = new Set(variants.filter((words) => words.every((w) => !known(w))).flat());
      if (unknown.size === 0) continue;
      const weight = length >= 2 ? 1 : 0.8;
      for (const tokens of this.tokensOf[entry]![language]) {
        // پسته اکبری holds the unknown پسته: a kind of it, and no better known.
        if (tokens.some((t) => unknown.has(t))) continue;
        const others = tokens.filter((t) => !asked.has(t));
        if (others.length > 0) out.push({ language, tokens: others, weight, concept: this.entries[entry]!.concept });
      }
    }
    return out;
  }
}

/** Whether every place `entry` was found lies inside a longer match of another concept. */
function insideLonger(entry: number, spans: Span[], found: Map<number, ConceptMatch>): boolean {
  return spans.every((s) =>
    [...found].some(
      ([other, m]) => other !== entry && m.spans.some((o) => o.han === s.han && o.start <= s.start && o.end >= s.end && o.end - o.start > s.end - s.start),
    ),
  );
}

/** Short single words (and two-letter non-acronyms) match by accident; skip them as triggers. */
function isSpecific(variant: string, tokens: string[]): boolean {
  if (tokens.length > 1) return true;
  const token = tokens[0]!;
  if (/^[\p{Script=Latin}\d]+$/u.test(token)) return token.length >= 3 || /^[A-Z]{2}$/.test(variant.trim());
  return [...token].length >= 3;
}
