import type { Language } from '../text/language.ts';
import { normalize } from '../text/normalize.ts';
import { CHINESE_GREETING, CHINESE_THANKS, COURTESY, PHRASES, type Said } from './small-talk-words.ts';

/** A message that is not a question: a greeting, a thank-you, an "ok", or no words at all ("12", "؟", an emoji). */
export type SmallTalk = { what: Said; language: Language | 'asker' } | { what: 'no-words'; language: 'asker' };

// Each phrase of a language as normalize() writes it, with the language its reply is in (Finglish is answered in Persian).
const KNOWN = new Map<string, { what: Said; language: Language | 'asker' }>();
for (const what of ['greeting', 'thanks', 'ok', 'yes'] as const)
  for (const [list, phrases] of Object.entries(PHRASES[what]))
    for (const phrase of phrases) KNOWN.set(normalize(phrase, 'en'), { what, language: list === 'finglish' ? 'fa' : (list as 'fa' | 'zh' | 'asker') });

function courtesy(words: string): SmallTalk | undefined {
  const said = words.split(' ');
  for (const what of ['greeting', 'thanks', 'ok'] as const)
    for (const { anchors, words: others, language } of COURTESY[what])
      if (said.some((w) => anchors.includes(w)) && said.every((w) => anchors.includes(w) || others.includes(w))) return { what, language };
  const joined = said.join('');
  if (CHINESE_GREETING.test(joined) && /你好|您好|大家好|在吗|在不在|早上好|下午好|晚上好|嗨|哈喽/u.test(joined)) return { what: 'greeting', language: 'zh' };
  if (joined.includes('谢') && CHINESE_THANKS.test(joined)) return { what: 'thanks', language: 'zh' };
  return undefined;
}

/**
 * What a message is when it is not a question, else undefined. Punctuation, emoji and the ZWNJ
 * are ignored ("سلام!", "thanks 🙏", "谢谢！"); a message of only digits and signs has no words.
 */
export function smallTalk(text: string): SmallTalk | undefined {
  if (!/\p{L}/u.test(text)) return { what: 'no-words', language: 'asker' };
  const words = normalize(text, 'en')
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return KNOWN.get(words) ?? courtesy(words);
}
