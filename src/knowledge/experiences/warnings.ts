import type { ExperienceText } from './experience.ts';
import { lacksProblem } from './rules.ts';

/** What a curator should look at twice before publishing a contribution. */
export const WARNINGS = ['problem-missing', 'instructions', 'base64', 'zero-width', 'link', 'phone', 'email', 'short-solution'] as const;
export type Warning = (typeof WARNINGS)[number];

// Text that reads like an order to an assistant rather than a business experience, in the three
// languages. Persian is matched after its letters are unified (Arabic yeh/kaf, no ZWNJ).
const INSTRUCTIONS: readonly RegExp[] = [
  /\b(ignore|disregard|forget)\s+(all\s+|any\s+|the\s+|your\s+|of\s+)*((previous|prior|above|earlier|preceding|system)\s+)?(instructions?|prompts?|rules|messages|directions|guidelines|context)\b/i,
  /\b(ignore|disregard|forget)\s+(everything|all)\s+(above|before|previous|prior)\b/i,
  /\byou\s+are\s+now\b/i,
  /\b(from\s+now\s+on|henceforth),?\s+you\b/i,
  /\b(system\s+prompt|new\s+instructions|developer\s+mode|jailbreak)\b/i,
  /\bact\s+as\s+(an?\s+)?(ai|assistant|model|chatbot|dan)\b/i,
  /نادیده\s*بگیر/,
  /(دستور|دستورالعمل|دستورات|دستورهای|پیام)\S*\s*(قبلی|پیشین|سیستم)/,
  /(تو|شما)\s+(اکنون|الان|از\s*این\s*(پس|به\s*بعد))\s/,
  /(از\s*این\s*(پس|به\s*بعد))\s*(تو|شما)\s/,
  /(忽略|无视|無視|忘记|忘記)(之前|以上|前面|先前|上面|所有|一切|全部)/,
  /你(现在|現在)(是|扮演|成为|成為)/,
  /(从现在起|從現在起|从现在开始|從現在開始)[，,]?\s*你/,
  /(系统提示|系統提示|系统指令|系統指令|新的指令)/,
];

const BASE64 = /(?:[A-Za-z0-9+/]{4}){10,}(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?/;
// Invisible characters that hide text; not the ZWNJ Persian spelling needs.
const ZERO_WIDTH = /[\u200B\u200D\u2060\u2061-\u2064\uFEFF\u200E\u200F\u202A-\u202E\u2066-\u2069\u180E]/;
const LINK = /\bhttps?:\/\/|\bwww\.|\bt\.me\/|\b[a-z0-9-]{2,}\.(com|net|org|ir|cn|io|me|info|biz|xyz|top|ru)\b/i;
const EMAIL = /[^\s@<>()]+@[^\s@<>()]+\.[a-z]{2,}/i;
// Ten or more digits, maybe with spaces, dashes, dots or brackets between, as phone numbers are written.
const PHONE = /(?:\+|\b)\d(?:[\s\-.()]?\d){9,14}\b/;
// A solution shorter than this, in one sentence, says too little to help anyone.
const SHORT_SOLUTION = 80;
const SENTENCE_BREAK = /[.!?。！？؟…]\s*\S/;

/** Persian and Arabic digits as ASCII, Arabic yeh and kaf as Persian, ZWNJ as nothing. */
function unify(text: string): string {
  return text
    .replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/\u064A/g, '\u06CC')
    .replace(/\u0643/g, '\u06A9')
    .replace(/\u200C/g, '');
}

/** The warnings one text raises (in WARNINGS order); pure. */
export function textWarnings(text: ExperienceText): Warning[] {
  const raw = [text.title, text.problem, text.solution, text.outcome ?? ''].join('\n');
  const all = unify(raw);
  const found = new Set<Warning>();
  if (lacksProblem(text)) found.add('problem-missing');
  if (INSTRUCTIONS.some((pattern) => pattern.test(all))) found.add('instructions');
  if (BASE64.test(all)) found.add('base64');
  if (ZERO_WIDTH.test(raw)) found.add('zero-width');
  // An e-mail address has a domain too; it is its own warning.
  if (LINK.test(all.replace(new RegExp(EMAIL.source, 'gi'), ' '))) found.add('link');
  if (PHONE.test(all)) found.add('phone');
  if (EMAIL.test(all)) found.add('email');
  const solution = text.solution.trim();
  if ([...solution].length < SHORT_SOLUTION && !SENTENCE_BREAK.test(solution.replace(/[.!?。！？؟…]+$/, ''))) found.add('short-solution');
  return WARNINGS.filter((w) => found.has(w));
}

/** The warnings of every language version of a contribution together. */
export function experienceWarnings(texts: readonly ExperienceText[]): Warning[] {
  const found = new Set(texts.flatMap(textWarnings));
  return WARNINGS.filter((w) => found.has(w));
}
