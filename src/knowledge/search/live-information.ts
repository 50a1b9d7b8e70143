import { normalize } from '../../text/normalize.ts';
import { withinOneEdit } from '../../text/near-spellings.ts';
import { LIVE_WORDS, type WordRole, type Words } from './live-information-words.ts';

/**
 * What a question asks that only a live source knows: the weather, the time somewhere, a price or
 * rate of the moment, a match's result, what is on. The base holds members' past experiences;
 * whatever words such a question shares with them ("هوای تهران فردا" with a Tehran trader's
 * story, "gold price today" with a gold importer's), none of them can answer it, and the
 * confidence, which measures how well a story matches the words, cannot tell (docs/quality.md).
 */
export type LiveTopic = 'weather' | 'time' | 'price' | 'score' | 'events' | 'news';

/** Where a role's words were found: token positions, first to last; a Chinese match has none. */
interface Found {
  first: number;
  last: number;
}

interface ReadQuestion {
  tokens: string[];
  found: Map<WordRole, Found[]>;
}

/** An entry of several words may be typed joined or with a ZWNJ, so entries are compared without spaces. */
const MAX_ENTRY = Math.max(...Object.values(LIVE_WORDS).flatMap((w: Words) => [...(w.latin ?? []), ...(w.persian ?? [])].map((e) => e.length)));

// Each entry, spaces removed, with the roles it plays; misspellable words apart.
const ENTRIES = new Map<string, WordRole[]>();
const MISSPELLABLE: { word: string[]; role: WordRole }[] = [];
for (const [role, words] of Object.entries(LIVE_WORDS) as [WordRole, Words][]) {
  for (const entry of [...(words.latin ?? []), ...(words.persian ?? [])]) {
    if (entry.startsWith('~')) MISSPELLABLE.push({ word: [...entry.slice(1)], role });
    const key = entry.replace(/^~/, '').replace(/ /g, '');
    ENTRIES.set(key, [...(ENTRIES.get(key) ?? []), role]);
  }
}

/** A misspelling is trusted from this length: shorter words are one letter from too many others. */
const MISSPELLABLE_FROM = 5;

function read(text: string): ReadQuestion {
  const normalized = normalize(text, 'en')
    .replace(/\u200C/g, ' ')
    .replace(/'/g, '');
  const tokens = normalized.match(/[\p{L}\p{N}]+/gu) ?? [];
  const found = new Map<WordRole, Found[]>();
  const add = (role: WordRole, at: Found) => found.set(role, [...(found.get(role) ?? []), at]);
  for (let first = 0; first < tokens.length; first++) {
    let joined = '';
    for (let last = first; last < tokens.length && joined.length < MAX_ENTRY; last++) {
      joined += tokens[last];
      for (const role of ENTRIES.get(joined) ?? []) add(role, { first, last });
    }
    const token = [...tokens[first]!];
    if (token.length < MISSPELLABLE_FROM) continue;
    for (const { word, role } of MISSPELLABLE)
      if (token[0] === word[0] && token.join('') !== word.join('') && withinOneEdit(token, word)) add(role, { first, last: first });
  }
  for (const [role, words] of Object.entries(LIVE_WORDS) as [WordRole, Words][])
    for (const entry of words.han ?? [])
      if (typeof entry === 'string' ? normalized.includes(entry) : entry.test(normalized)) add(role, { first: -1, last: -1 });
  return { tokens, found };
}

/**
 * The live information a question asks for, or undefined when it is an ordinary question. Each
 * topic needs the words that make it live, not its subject alone: a price with a word of the
 * present (today's gold price, 今天的汇率; the price of saffron in China is a question members'
 * stories may answer), the weather with a day (or as "how is the weather"), a result with the
 * match and when it was played. A question asking how to do something or why is never one.
 */
export function liveInformationAsked(text: string): LiveTopic | undefined {
  const q = read(text);
  const has = (...roles: WordRole[]) => roles.some((r) => q.found.has(r));
  if (has('HOW_TO')) return undefined;
  const soon = has('TODAY', 'TONIGHT', 'TOMORROW', 'COMING_DAYS', 'NOW', 'NOW_LOOSELY');
  if (asksWeather(q, has, soon)) return 'weather';
  if (asksTime(q, has)) return 'time';
  if (asksPrice(q, has)) return 'price';
  if (has('SPORT') && has('RESULT') && (soon || has('YESTERDAY'))) return 'score';
  if (has('EVENTS') && has('TODAY', 'TONIGHT', 'TOMORROW', 'COMING_DAYS', 'NOW')) return 'events';
  if (has('NEWS') && has('TODAY', 'TONIGHT', 'NOW', 'NOW_LOOSELY')) return 'news';
  return undefined;
}

type Has = (...roles: WordRole[]) => boolean;

/**
 * A market's price or rate of the moment (gold, a currency, oil), or anything's price today. A
 * price "now" or "current" of goods or freight is left to the search: members' stories give such
 * prices, and "now" is as often part of a story ("now the supplier wants a higher price").
 */
function asksPrice(q: ReadQuestion, has: Has): boolean {
  const today = has('TODAY', 'NOW');
  if (has('NOW') && has('PRICE')) return true;
  // Today's price: the day said of the price ("price of steel today", "今天的价格"), not of the story ("we got a quote today; is the price fair?").
  const days = q.found.get('TODAY') ?? [];
  const ofThePrice = (p: Found) => days.some((d) => d.first >= 0 && (d.last === p.first - 1 || (d.first > p.last && d.first - p.last <= 4)));
  // Asked for, not told: "the supplier raised the price today, is that normal?" tells of a price and asks what to make of it.
  const startsWith = (role: WordRole, upTo: number) => (q.found.get(role) ?? []).some((f) => f.first >= 0 && f.first <= upTo);
  const priceAsked = has('HOW_MUCH', 'WHAT') || startsWith('PRICE', 1) || startsWith('TODAY', 0);
  if (has('TODAYS_PRICE') || (priceAsked && (q.found.get('PRICE') ?? []).some((p) => p.first >= 0 && ofThePrice(p)))) return true;
  if (!has('MARKET') || !has('PRICE', 'RATE', 'HOW_MUCH')) return false;
  // "now" ending the question, or "current" naming the price ("current exchange rate"), is the present itself.
  const nowAsked = q.tokens.at(-1) === 'now' || (q.found.get('NOW_LOOSELY') ?? []).some((n) => at(q, 'PRICE', n.last + 1) || at(q, 'MARKET', n.last + 1));
  return today || nowAsked || (has('NOW_LOOSELY') && has('HOW_MUCH'));
}

function asksWeather(q: ReadQuestion, has: Has, soon: boolean): boolean {
  if (has('WEATHER_FORECAST')) return true;
  if (has('WEATHER') && soon && !misspeltWhether(q)) return true;
  if (has('WEATHER_NOW') && !has('SEASON')) return true;
  // A forecast, with nothing saying of what, for the next days.
  const forecasts = q.found.get('FORECAST') ?? [];
  const ofSomethingElse = (at: Found) => (q.found.get('NOT_WEATHER_FORECAST') ?? []).some((w) => w.last === at.first - 1);
  if (forecasts.some((f) => !ofSomethingElse(f)) && has('TODAY', 'TONIGHT', 'TOMORROW', 'COMING_DAYS')) return true;
  // Air is the weather when said how it is, or whose day ("هوای فردا").
  if (!has('AIR')) return false;
  const airOfTheDay = (q.found.get('AIR_OF') ?? []).some((a) => (['TODAY', 'TONIGHT', 'TOMORROW'] as const).some((r) => at(q, r, a.last + 1)));
  return airOfTheDay || (soon && has('AIR_IS', 'WEATHER'));
}

/** "wether" is "whether" as often as "weather": not when a clause follows ("wether to pay today"). */
function misspeltWhether(q: ReadQuestion): boolean {
  const weather = q.found.get('WEATHER') ?? [];
  const clause = new Set(['to', 'i', 'we', 'you', 'they', 'it', 'or', 'the', 'our', 'this', 'that', 'there', 'he', 'she', 'not']);
  return weather.every((w) => w.first >= 0 && q.tokens[w.first] === 'wether' && clause.has(q.tokens[w.first + 1] ?? ''));
}

function asksTime(q: ReadQuestion, has: Has): boolean {
  if (has('WHAT_TIME')) return true;
  if (has('TIME_THERE') && has('WHAT')) return true;
  // The hour asked (ساعت چند, saat chande, 几点) now or somewhere's local time; "what time does customs open" asks neither.
  const hours = q.found.get('HOUR') ?? [];
  const hourAsked = hours.some((h) => h.first < 0 || at(q, 'WHICH_HOUR', h.last + 1));
  if (!hourAsked) return false;
  const endsAsking = ['chande', 'چنده'].includes(q.tokens.at(-1) ?? '');
  return has('NOW', 'NOW_LOOSELY', 'HOUR_HERE_OR_THERE') || endsAsking;
}

/** Whether a word of `role` starts at token `position`. */
function at(q: ReadQuestion, role: WordRole, position: number): boolean {
  return (q.found.get(role) ?? []).some((f) => f.first === position);
}
