/** A spelling a few keystrokes from a typed word, and how likely the member meant it (1 likeliest). */
export interface NearSpelling {
  spelling: string;
  likelihood: number;
}

const PERSIAN_LETTERS = [...'ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیآئ'];
const ENGLISH_LETTERS = [...'abcdefghijklmnopqrstuvwxyz'];

// Letters Persian writes differently for one sound: a member who learnt a word by ear picks any.
// And the four letters an Arabic keyboard lacks, typed as the Arabic letter without the extra dots (چین as جین).
const HOMOPHONE_GROUPS = ['تط', 'سصث', 'زذضظ', 'هح', 'قغ', 'اآع', 'پب', 'چج', 'ژز', 'گک'];
const HOMOPHONES = new Map<string, string[]>();
for (const group of HOMOPHONE_GROUPS)
  for (const letter of group)
    HOMOPHONES.set(
      letter,
      [...group].filter((l) => l !== letter),
    );

/** How likely each kind of slip is, next to a homophone letter (Persian) or a single edit (English). */
const LIKELIHOOD = { homophone: 1, edit: 0.5, rareEdit: 0.3, secondEdit: 0.1 } as const;

/**
 * Every spelling one edit away (Damerau–Levenshtein: drop, add, swap adjacent, replace), but
 * for the first letter, which members rarely get wrong and which, changed, turns a real word the
 * base lacks into another (weather → leather, hong → long) rather than fixing a slip. `replace`
 * says how likely a replaced letter is, or 0 (not considered).
 */
function edits(word: string, letters: readonly string[], replace: (from: string, to: string, at: number) => number): NearSpelling[] {
  const out: NearSpelling[] = [];
  const chars = [...word];
  for (let i = 1; i <= chars.length; i++) {
    const head = chars.slice(0, i).join('');
    const tail = chars.slice(i).join('');
    if (i < chars.length) out.push({ spelling: head + chars.slice(i + 1).join(''), likelihood: LIKELIHOOD.edit });
    if (i + 1 < chars.length && chars[i] !== chars[i + 1])
      out.push({ spelling: head + chars[i + 1] + chars[i] + chars.slice(i + 2).join(''), likelihood: LIKELIHOOD.edit });
    for (const l of letters) {
      out.push({ spelling: head + l + tail, likelihood: LIKELIHOOD.edit });
      const likelihood = i < chars.length && l !== chars[i] ? replace(chars[i]!, l, i) : 0;
      if (likelihood > 0) out.push({ spelling: head + l + chars.slice(i + 1).join(''), likelihood });
    }
  }
  // A homophone may start a word too (صنعت written سنعت).
  for (const l of letters) {
    const likelihood = chars.length > 0 && l !== chars[0] ? replace(chars[0]!, l, 0) : 0;
    if (likelihood > 0) out.push({ spelling: l + chars.slice(1).join(''), likelihood });
  }
  return out;
}

/**
 * Near spellings of a Persian word: a homophone letter (ت/ط, س/ص/ث, ز/ذ/ض/ظ, ه/ح, ق/غ, ا/آ/ع)
 * or one an Arabic keyboard lacks (پ/ب, چ/ج, ژ/ز, گ/ک), likeliest; from four letters, a dropped letter restored or two letters swapped; from five, a
 * letter too many or another letter replaced, least likely. Shorter words are one such edit from
 * too many real words the base lacks (فردا → فرد, بهار → بار), and an extra last letter is
 * more often a real ending than a slip.
 */
export function persianNearSpellings(word: string): NearSpelling[] {
  const letters = word.replace(/\u200C/g, '');
  const length = [...letters].length;
  if (length < 3) return [];
  const homophone = (from: string, to: string, at: number) =>
    HOMOPHONES.get(from)?.includes(to) ? LIKELIHOOD.homophone : at > 0 && length >= 5 ? LIKELIHOOD.rareEdit : 0;
  return edits(letters, PERSIAN_LETTERS, homophone)
    .filter((n) => {
      if (n.likelihood === LIKELIHOOD.homophone) return true;
      const shorter = [...n.spelling].length < length;
      if (!shorter) return length >= 4;
      return length >= 5 && n.spelling !== letters.slice(0, -1);
    })
    .map((n) => ([...n.spelling].length < length ? { ...n, likelihood: LIKELIHOOD.rareEdit } : n));
}

/**
 * Near spellings of an English word: one edit for words of four letters or more; for eight or
 * more also two of the slips long words collect (a letter dropped, two swapped, a wrong vowel:
 * recieve, certifcate, documnets), at a much lower likelihood. Two edits of any kind would be
 * some hundred thousand spellings to look up for every long word the base lacks.
 */
export function englishNearSpellings(word: string): NearSpelling[] {
  if (word.length < 4 || CONTRACTIONS.has(word)) return [];
  const first = edits(word, ENGLISH_LETTERS, (_from, _to, at) => (at > 0 ? LIKELIHOOD.edit : 0));
  if (word.length < 8) return first;
  const second = new Set<string>();
  for (const once of commonSlips(word)) for (const twice of commonSlips(once)) second.add(twice);
  return [...first, ...[...second].map((spelling) => ({ spelling, likelihood: LIKELIHOOD.secondEdit }))];
}

/** Spellings one dropped letter, swap or wrong vowel away (not the first letter). */
function commonSlips(word: string): string[] {
  const out: string[] = [];
  for (let i = 1; i < word.length; i++) {
    out.push(word.slice(0, i) + word.slice(i + 1));
    if (i + 1 < word.length && word[i] !== word[i + 1]) out.push(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
    if (VOWELS.includes(word[i]!)) for (const v of VOWELS) if (v !== word[i]) out.push(word.slice(0, i) + v + word.slice(i + 1));
  }
  return out;
}

const VOWELS = [...'aeiou'];

// Contractions typed without the apostrophe: no slip, and one edit from words of the base (dont → done).
const CONTRACTIONS = new Set(
  'dont doesnt didnt cant couldnt wont wouldnt shouldnt isnt arent wasnt werent havent hasnt hadnt youre theyre were thats whats theres ive youve weve theyve ill youll well hell shell itll'.split(
    ' ',
  ),
);

/**
 * Every string one edit (drop, add, replace, swap adjacent) from `token`, with the letters a near
 * spelling of `word` is made of (its script's and its own). When a near spelling's search token
 * stays within one edit of the word's own token, it is one of these: the stemmer only cuts
 * affixes and maps words to words of its tables, all written in those letters. So a word none
 * of whose neighbours the base holds has no near spelling worth tokenising (spelling.ts).
 */
export function oneEditAway(token: string, word: string): string[] {
  const letters = new Set([...(/^[a-z]+$/.test(word) ? ENGLISH_LETTERS : PERSIAN_LETTERS), ...word.replace(/\u200C/g, '')]);
  const chars = [...token];
  const out: string[] = [];
  for (let i = 0; i <= chars.length; i++) {
    const head = chars.slice(0, i).join('');
    const rest = chars.slice(i + 1).join('');
    if (i < chars.length) out.push(head + rest);
    if (i + 1 < chars.length && chars[i] !== chars[i + 1]) out.push(head + chars[i + 1] + chars[i] + chars.slice(i + 2).join(''));
    for (const l of letters) {
      out.push(head + l + chars.slice(i).join(''));
      if (i < chars.length && l !== chars[i]) out.push(head + l + rest);
    }
  }
  return out;
}

/** Whether `editDistance(a, b) <= 1`, read without the table: most near spellings are checked against only that. */
export function withinOneEdit(a: readonly string[], b: readonly string[]): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (long.length - short.length > 1) return false;
  let i = 0;
  while (i < short.length && short[i] === long[i]) i++;
  const sameFrom = (x: number, y: number) => {
    for (; x < short.length; x++, y++) if (short[x] !== long[y]) return false;
    return true;
  };
  if (short.length < long.length) return sameFrom(i, i + 1);
  if (i === short.length) return true;
  return sameFrom(i + 1, i + 1) || (short[i] === long[i + 1] && short[i + 1] === long[i] && sameFrom(i + 2, i + 2));
}

/** Optimal string alignment distance (Damerau–Levenshtein with adjacent swaps) between two words, as arrays of characters. */
export function editDistance(a: readonly string[], b: readonly string[]): number {
  // Three rows of the table, not the whole: it is asked for every near spelling of a word.
  let before = new Int32Array(b.length + 1);
  let previous = Int32Array.from({ length: b.length + 1 }, (_, j) => j);
  let row = new Int32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, before[j - 2]! + 1);
      row[j] = best;
    }
    [before, previous, row] = [previous, row, before];
  }
  return previous[b.length]!;
}
