import * as OpenCC from 'opencc-js';

type Convert = (text: string) => string;

// Building the converter loads OpenCC's dictionaries (tens of milliseconds), so it is made
// once, on first use, and reused; it holds no per-call state.
let traditionalToSimplified: Convert | undefined;

const HAN_RUN = /\p{Script=Han}+/gu;

/** Converts traditional Chinese characters (Taiwan and generic forms) to simplified ones. */
export function toSimplified(text: string): string {
  traditionalToSimplified ??= OpenCC.Converter({ from: 'tw', to: 'cn' });
  const convert = traditionalToSimplified;
  // Only Han runs go through OpenCC: converting the Latin and Persian around them is wasted work.
  return text.replace(HAN_RUN, (run) => convert(run));
}
