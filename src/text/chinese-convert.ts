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

// Simplified to traditional as written in Taiwan, for answering members who write traditional characters.
let traditionalizer: ((text: string) => string) | undefined;

// OpenCC's dictionary makes every 签 a 籤 (a slip, a label); signing — 签约, 签合同, 签证 — is 簽.
const SLIP = /(?<![标書书抽牙竹標])籤/g;

// OpenCC reads 被发 as 被髮 (hair let down), so the passive 被 before 发 (发布, 发送, 发货) made
// 未被髮布: 被 is converted apart, and 发 with the word it starts.
const PASSIVE_SEND = /(?<=被)(?=发)/;

/** Converts simplified Chinese characters to traditional ones (Taiwan's forms and phrases). */
export function toTraditional(text: string): string {
  const convert = (traditionalizer ??= OpenCC.Converter({ from: 'cn', to: 'tw' }));
  return text.replace(HAN_RUN, (run) =>
    run
      .split(PASSIVE_SEND)
      .map((part) => convert(part))
      .join('')
      .replace(SLIP, '簽'),
  );
}

/**
 * Whether a Chinese text is written in traditional characters: some of its characters change
 * when simplified, and at least as many as when made traditional (most characters are the same
 * in both, and a few, such as 台, have a formal traditional form besides the common one).
 */
export function writtenInTraditional(text: string): boolean {
  const han = [...(text.match(HAN_RUN)?.join('') ?? '')];
  const simplified = [...toSimplified(han.join(''))];
  const traditional = [...toTraditional(han.join(''))];
  // Phrase tables may change a run's length: then only which way it changed can be told.
  if (simplified.length !== han.length || traditional.length !== han.length)
    return simplified.join('') !== han.join('') && traditional.join('') === han.join('');
  const toSimple = han.filter((c, i) => c !== simplified[i]).length;
  const toTrad = han.filter((c, i) => c !== traditional[i]).length;
  return toSimple > 0 && toSimple >= toTrad;
}

export type ChineseScript = 'simplified' | 'traditional';

/** The characters a text's Chinese is written in; undefined for a text without Chinese characters. */
export function chineseScriptOf(text: string): ChineseScript | undefined {
  if (!/\p{Script=Han}/u.test(text)) return undefined;
  return writtenInTraditional(text) ? 'traditional' : 'simplified';
}

/** `text` in the characters an answer or reply is written in: traditional when the member wrote so, else as it is. */
export function inScript(script: 'traditional' | undefined, text: string): string {
  return script === 'traditional' ? toTraditional(text) : text;
}
