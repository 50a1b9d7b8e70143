import { finglishFunctionWord, finglishSpellings } from '../../text/finglish.ts';
import { searchTokens } from '../../text/tokenize.ts';
import type { LexicalView } from './lexical-index.ts';

const WORD = /[a-z']+|[^a-z']+/gi;
const LETTERS = /^[a-z']+$/i;

/**
 * A Finglish question written in Persian script, to be searched as Persian: function words
 * spelled as everyone spells them, each other word as the likeliest of its spellings whose
 * search tokens the base holds (weighed by how common they are there) (so a consonant skeleton that fits a word of the base finds it,
 * whatever short vowels the member typed). A word no spelling of which the base knows stays
 * in Latin letters: it is likely a name or an English term (CNC, GACC, LED).
 */
export async function finglishAsPersian(text: string, view: Pick<LexicalView, 'stats'>): Promise<string> {
  const pieces = text.match(WORD) ?? [];
  const options = pieces.map((piece) => {
    if (!LETTERS.test(piece)) return undefined;
    const fixed = finglishFunctionWord(piece);
    if (fixed !== undefined) return [{ spelling: fixed, likelihood: 1, tokens: [] as string[] }];
    return finglishSpellings(piece).map((s) => ({ ...s, tokens: searchTokens(s.spelling, 'fa') }));
  });
  const terms = [...new Set(options.flatMap((o) => (o ?? []).flatMap((s) => s.tokens)))];
  const { df } = terms.length > 0 ? await view.stats(terms) : { df: new Map<string, number>() };
  // A likely spelling of a common word of the base beats a likelier spelling of a rare one (ثبت over ثابت for "sabt").
  const fit = (s: { likelihood: number; tokens: string[] }) =>
    s.tokens.length === 0 ? 0 : s.likelihood * Math.sqrt(Math.min(...s.tokens.map((t) => df.get(t) ?? 0)));
  return pieces
    .map((piece, i) => {
      const o = options[i];
      if (o === undefined) return piece;
      if (o.length === 1 && o[0]!.tokens.length === 0) return o[0]!.spelling;
      let best: { spelling: string; score: number } | undefined;
      for (const s of o) {
        const score = fit(s);
        if (score > 0 && score > (best?.score ?? 0)) best = { spelling: s.spelling, score };
      }
      return best?.spelling ?? piece;
    })
    .join('');
}
