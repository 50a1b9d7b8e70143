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
  /** Positions of the tokens that end a clause (a comma, a full stop or a question mark follows, or nothing). */
  clauseEnds: Set<number>;
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
  const matches = [...normalized.matchAll(/[\p{L}\p{N}]+/gu)];
  const tokens = matches.map((m) => m[0]);
  const clauseEnds = new Set(
    matches.flatMap((m, i) => {
      const gap = normalized.slice(m.index + m[0].length, matches[i + 1]?.index ?? normalized.length);
      return i === matches.length - 1 || CLAUSE_END.test(gap) ? [i] : [];
    }),
  );
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
  return { tokens, found, clauseEnds };
}

const CLAUSE_END = /[,،;؛.!?؟。，；！？–—]|\s-\s/;
/** Where a question splits into clauses: a full stop only before a space, not inside 4.5. */
const CLAUSES = /[,،;؛!?؟。，；！？–—]|\s-\s|\.(?=\s|$)/;
/** A question mark or a Chinese question particle at the end: the last clause is what is asked. */
const ASKED_AT_END = /[?؟？吗呢嘛]\s*$/;
/** Words that ask (what, how much, is that normal), whatever is asked about. */
const ASKING: ReadonlySet<WordRole> = new Set(['WHAT', 'HOW_MUCH', 'WHICH_HOUR', 'HOW_TO', 'JUDGEMENT', 'SEASON', 'NOT_WEATHER_FORECAST']);

/**
 * A question that tells first and asks last ("the dollar jumped today and the buyer cancelled, is
 * the deposit ours?"): when the clause asked holds no live word, the live words were the story.
 * A clause of asking words alone ("قیمت دلار امروز، چنده؟") still asks the figure before it.
 */
function toldThenAsked(text: string): boolean {
  const normalized = normalize(text, 'en');
  if (!ASKED_AT_END.test(normalized)) return false;
  const clauses = normalized.split(CLAUSES).filter((c) => /[\p{L}\p{N}]/u.test(c));
  if (clauses.length < 2) return false;
  const asked = read(clauses.at(-1)!);
  const roles = [...asked.found.keys()];
  if (roles.some((r) => !ASKING.has(r))) return false;
  const spans = roles.flatMap((r) => asked.found.get(r)!);
  return asked.tokens.some((t, i) => !PRONOUNS.has(t) && !spans.some((s) => s.first <= i && i <= s.last));
}
/** The questions a text asks before its last: each up to its question mark. */
function questionsBefore(text: string): string[] {
  return text.split(/(?<=[?؟？])/).slice(0, -1);
}
/** What an asking clause points back with ("current local time in Tehran, what is it?"). */
const PRONOUNS = new Set(['it', 'is', 'that', 'this', 'they', 'are', 'the', 'pls', 'please', 'plz', 'اون', 'این', 'un', 'in']);

/**
 * The live information a question asks for, or undefined when it is an ordinary question. Each
 * topic needs the words that make it live, not its subject alone: a price with a word of the
 * present (today's gold price, 今天的汇率; the price of saffron in China is a question members'
 * stories may answer), the weather with a day (or as "how is the weather"), a result with the
 * match and when it was played. A question asking how to do something or why is never one, nor
 * one asking what to make of what it tells (is that normal, who pays).
 */
export function liveInformationAsked(text: string): LiveTopic | undefined {
  const q = read(text);
  const has = (...roles: WordRole[]) => roles.some((r) => q.found.has(r));
  if (has('HOW_TO', 'JUDGEMENT')) return undefined;
  // Told, then asked: live only if a question before, by itself, was ("dollar rate today? is it going up?").
  if (toldThenAsked(text)) return questionsBefore(text).map(liveInformationAsked).find(Boolean);
  const soon = has('TODAY', 'TONIGHT', 'TOMORROW', 'COMING_DAYS', 'NOW', 'NOW_LOOSELY');
  if (asksWeather(q, has, soon)) return 'weather';
  if (asksTime(q, has)) return 'time';
  if (asksPrice(q, has)) return 'price';
  if (asksScore(q, has, soon)) return 'score';
  if (has('EVENTS') && !has('HOLIDAY') && has('TODAY', 'TONIGHT', 'TOMORROW', 'COMING_DAYS', 'NOW')) return 'events';
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
  // The rate a customs office or a bank applies is a practice members know, whatever the day.
  if (has('RATE_APPLIED')) return false;
  const today = has('TODAY', 'NOW');
  // Asked for, not told: "the supplier raised the price today, is that normal?" tells of a price and asks what to make of it.
  const startsWith = (role: WordRole, upTo: number) => (q.found.get(role) ?? []).some((f) => f.first >= 0 && f.first <= upTo);
  const priceAsked = has('HOW_MUCH', 'WHAT') || startsWith('PRICE', 1) || startsWith('TODAY', 0);
  if (has('NOW') && has('PRICE') && priceAsked) return true;
  // Today's price: the day said of the price ("price of steel today", "今天的价格"), not of the story ("we got a quote today; is the price fair?").
  const days = q.found.get('TODAY') ?? [];
  const ofThePrice = (p: Found) => days.some((d) => d.first >= 0 && (d.last === p.first - 1 || (d.first > p.last && d.first - p.last <= 4)));
  if (has('TODAYS_PRICE') || (priceAsked && (q.found.get('PRICE') ?? []).some((p) => p.first >= 0 && ofThePrice(p)))) return true;
  // A market and a day alone ("dollar today?", "طلا امروز") ask its price.
  const short = q.tokens.length <= 3;
  if (!has('MARKET') || !(has('PRICE', 'RATE', 'HOW_MUCH') || short)) return false;
  if (!(priceAsked || startsWith('MARKET', 1) || short)) return false;
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
  // A short "how is the air (of a place)?" asks nothing but the weather: هوا چطوره، هوای تهران چطوره.
  const airAskedAlone = at(q, 'AIR', 0) && q.tokens.length <= 4 && (q.found.get('AIR_IS') ?? []).some((a) => a.last === q.tokens.length - 1);
  return airOfTheDay || airAskedAlone || (soon && has('AIR_IS', 'WEATHER'));
}

/** "wether" is "whether" as often as "weather": not when a clause follows ("wether to pay today"). */
function misspeltWhether(q: ReadQuestion): boolean {
  const weather = q.found.get('WEATHER') ?? [];
  return weather.every((w) => w.first >= 0 && q.tokens[w.first] === 'wether' && CLAUSE_OPENERS.has(q.tokens[w.first + 1] ?? ''));
}
const CLAUSE_OPENERS = new Set(['to', 'i', 'we', 'you', 'they', 'it', 'or', 'the', 'our', 'this', 'that', 'there', 'he', 'she', 'not']);

function asksTime(q: ReadQuestion, has: Has): boolean {
  const ofTheClock = (role: WordRole) => (q.found.get(role) ?? []).filter((f) => f.first < 0 || clockAsked(q, f));
  if (ofTheClock('WHAT_TIME').length > 0) return true;
  // "current time in Tehran?" opens with it; further on it is asked with a what.
  const timeThere = ofTheClock('TIME_THERE');
  if (timeThere.length > 0 && (has('WHAT') || timeThere.some((f) => f.first === 0))) return true;
  // The hour asked (ساعت چند, saat chande, 几点) now or somewhere's local time; "what time does customs open" asks neither.
  const hours = q.found.get('HOUR') ?? [];
  const hourAsked = hours.some((h) => h.first < 0 || at(q, 'WHICH_HOUR', h.last + 1));
  if (!hourAsked) return false;
  const endsAsking = ['chande', 'چنده'].includes(q.tokens.at(-1) ?? '');
  return has('NOW', 'NOW_LOOSELY', 'HOUR_HERE_OR_THERE') || endsAsking;
}

/**
 * "What time is it" asks the clock when nothing follows but now and where ("what time is it now
 * in Beijing"), not when it goes on ("what time is it best to call suppliers", "the time now
 * needed for a licence").
 */
function clockAsked(q: ReadQuestion, phrase: Found): boolean {
  let next = phrase.last;
  while (!q.clauseEnds.has(next) && NOW_OR_PLEASE.has(q.tokens[next + 1]!)) next++;
  return q.clauseEnds.has(next) || WHERE.has(q.tokens[next + 1]!);
}
const NOW_OR_PLEASE = new Set(['now', 'right', 'currently', 'rn', 'exactly', 'please', 'pls', 'plz']);
const WHERE = new Set(['in', 'at', 'there', 'over', 'here', 'where', 'back']);

/**
 * A match's score, or its result when it was played (today, last night). "بازی درآوردن" (to
 * play games with someone) is no match: "the buyer is playing games since yesterday".
 */
function asksScore(q: ReadQuestion, has: Has, soon: boolean): boolean {
  const idioms = q.found.get('PLAYING_UP') ?? [];
  const sport = (q.found.get('SPORT') ?? []).some((s) => !idioms.some((i) => i.first === s.first));
  if (has('SCORE_ALONE')) return true;
  if (!sport) return false;
  // A result of a match asked in a few words needs no day: نتیجه بازی پرسپولیس, 'league results'.
  return has('SCORE') || (has('RESULT') && (soon || has('YESTERDAY') || q.tokens.length <= 4));
}

/** Whether a word of `role` starts at token `position`. */
function at(q: ReadQuestion, role: WordRole, position: number): boolean {
  return (q.found.get(role) ?? []).some((f) => f.first === position);
}
