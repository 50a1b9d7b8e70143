import { CHINESE_STOP_CHARS, CHINESE_STOP_WORDS, INFORMAL_TO_STANDARD } from './chinese-data.ts';

const STOP_WORDS = new Set(CHINESE_STOP_WORDS.split(/\s+/).filter((w) => w !== ''));
const STOP_CHARS = new Set(CHINESE_STOP_CHARS);
const longestFirst = (words: Iterable<string>): RegExp =>
  new RegExp([...words].sort((a, b) => b.length - a.length).join('|'), 'g');
const INFORMAL = longestFirst(Object.keys(INFORMAL_TO_STANDARD));
// Stop phrases (我们, 怎么办…) are cut out before segmenting, so they yield no bigrams either.
const STOP_PHRASES = longestFirst([...STOP_WORDS].filter((w) => w.length > 1));
const ASTRAL = /[\uD800-\uDBFF]/;
// ICU splits many compounds into single characters (清关 → 清 / 关), so its words are
// completed with the character bigrams of the run.
const SEGMENTER = new Intl.Segmenter('zh', { granularity: 'word' });

function pieceTokens(text: string, out: string[]): void {
  if (text.length === 1) {
    if (!STOP_WORDS.has(text)) out.push(text);
    return;
  }
  for (const { segment } of SEGMENTER.segment(text)) {
    // Two-character words are among the bigrams below.
    if (segment.length !== 2 && !STOP_WORDS.has(segment)) out.push(segment);
  }
  // Indexing by UTF-16 unit is right for all but the rare characters outside the BMP.
  const chars: ArrayLike<string> = ASTRAL.test(text) ? Array.from(text) : text;
  for (let i = 0; i + 1 < chars.length; i++) {
    const a = chars[i] ?? '';
    const b = chars[i + 1] ?? '';
    if (STOP_CHARS.has(a) && STOP_CHARS.has(b)) continue;
    out.push(a + b);
  }
}

/**
 * Tokens of a run of simplified Han characters: informal words made standard, stop phrases
 * removed, then the segmenter's words and every character bigram, except stop words and
 * bigrams of two stop characters.
 */
export function chineseTokens(run: string, out: string[]): void {
  const text = run.replace(INFORMAL, (w) => INFORMAL_TO_STANDARD[w] ?? w);
  for (const piece of text.split(STOP_PHRASES)) {
    if (piece !== '') pieceTokens(piece, out);
  }
}
