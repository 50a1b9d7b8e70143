import * as OpenCC from 'opencc-js';

interface Simplifier {
  convert: (text: string) => string;
  /** Characters some dictionary entry changes; a run with none of them is left as it is. */
  changeable: ReadonlySet<string>;
}

// Building the converter loads OpenCC's dictionaries (~100 ms), so it is made once, on first
// use, and reused; it holds no per-call state.
let simplifier: Simplifier | undefined;

const FROM = 'tw';
const TO = 'cn';
const HAN_RUN = /\p{Script=Han}+/gu;

function changeableCharacters(): Set<string> {
  const chars = new Set<string>();
  for (const group of [...(OpenCC.Locale.from[FROM] ?? []), ...(OpenCC.Locale.to[TO] ?? [])]) {
    for (const dict of group) {
      const entries: readonly (readonly string[])[] = typeof dict === 'string' ? dict.split('|').map((e) => e.split(' ')) : dict;
      for (const [from = '', to = ''] of entries) {
        if (from === to) continue;
        const a = Array.from(from);
        const b = Array.from(to);
        // Only the characters that differ can trigger a change (same-length phrases).
        a.forEach((c, i) => {
          if (a.length !== b.length || c !== b[i]) chars.add(c);
        });
      }
    }
  }
  return chars;
}

function build(): Simplifier {
  return { convert: OpenCC.Converter({ from: FROM, to: TO }), changeable: changeableCharacters() };
}

/** Converts traditional Chinese characters (Taiwan and generic forms) to simplified ones. */
export function toSimplified(text: string): string {
  simplifier ??= build();
  const { convert, changeable } = simplifier;
  // Most runs are already simplified; OpenCC is the slowest step of tokenising Chinese.
  return text.replace(HAN_RUN, (run) => {
    for (const ch of run) if (changeable.has(ch)) return convert(run);
    return run;
  });
}
