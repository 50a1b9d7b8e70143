import { CHINESE_STOP_CHARS, CHINESE_STOP_WORDS, INFORMAL_TO_STANDARD } from './chinese-data.ts';

const STOP_WORDS = new Set(CHINESE_STOP_WORDS.split(/\s+/).filter((w) => w !== ''));
const STOP_CHARS = new Set(CHINESE_STOP_CHARS);
const longestFirst = (words: Iterable<string>): RegExp => new RegExp([...words].sort((a, b) => b.length - a.length).join('|'), 'g');
const INFORMAL = longestFirst(Object.keys(INFORMAL_TO_STANDARD));
// Stop phrases (我们, 怎么办…) are cut out first, so they yield no bigrams either.
const STOP_PHRASES = longestFirst([...STOP_WORDS].filter((w) => w.length > 1));
const ASTRAL = /[\uD800-\uDBFF]/;

// Why no Intl.Segmenter: ICU's dictionary word break runs at about 0.3 M characters/s here
// (measured on the dev set), which alone caps an import at ~200 experiences/s, and it splits
// many domain words into single characters anyway (清关 → 清 / 关). Unigrams plus bigrams
// (as Lucene's CJK analyzer does) find the same matches and cost a fraction.
function pieceTokens(text: string, out: string[], skipBigramAt?: Set<number>): void {
  // Indexing by UTF-16 unit is right for all but the rare characters outside the BMP.
  const chars: ArrayLike<string> = ASTRAL.test(text) ? Array.from(text) : text;
  for (let i = 0; i < chars.length; i++) {
    const a = chars[i] ?? '';
    const aStop = STOP_CHARS.has(a);
    if (!aStop && !STOP_WORDS.has(a)) out.push(a);
    if (i + 1 < chars.length && !skipBigramAt?.has(i)) {
      const b = chars[i + 1] ?? '';
      if (!(aStop && STOP_CHARS.has(b))) out.push(a + b);
    }
  }
}

const WORDS = new Intl.Segmenter('zh', { granularity: 'word' });

/**
 * Where a bigram would join the end of one word of two or more characters to the start of the
 * next such word (明天|天气 → 天天, 中国|出口 → 国出): the positions of their first character.
 * Such a bigram is no word, yet it occurs by chance in texts, where a rare one scores high. Only
 * questions are segmented (texts are too many; see above), and only pairs of words the segmenter
 * is sure of: it splits domain words it does not know into single characters (清|关, 经销|商),
 * and bigrams next to a single character are kept.
 */
function bigramsAcrossWords(piece: string): Set<number> {
  const across = new Set<number>();
  if (ASTRAL.test(piece)) return across;
  let previousLength = 0;
  for (const { segment, index } of WORDS.segment(piece)) {
    if (previousLength >= 2 && segment.length >= 2) across.add(index - 1);
    previousLength = segment.length;
  }
  return across;
}

/**
 * Tokens of a run of simplified Han characters: informal words made standard, stop phrases
 * cut out, then every character and every character bigram, except stop words and bigrams
 * of two stop characters. A question (`options.question`) also loses its bigrams across two words.
 */
export function chineseTokens(run: string, out: string[], options: { question?: boolean } = {}): void {
  const text = run.replace(INFORMAL, (w) => INFORMAL_TO_STANDARD[w] ?? w);
  for (const piece of text.split(STOP_PHRASES)) {
    if (piece !== '') pieceTokens(piece, out, options.question ? bigramsAcrossWords(piece) : undefined);
  }
}
