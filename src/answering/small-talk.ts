import type { Language } from '../text/language.ts';
import { normalize } from '../text/normalize.ts';

/** A message that is not a question: a greeting, a thank-you, or no words at all ("12", "؟", an emoji). */
export type SmallTalk = { what: 'greeting' | 'thanks'; language: Language | 'asker' } | { what: 'no-words'; language: 'asker' };

// Whole messages only, as normalize() leaves them (lower case, ي/ك made Persian, traditional characters made simplified):
// "hello, how do I pay a supplier?" is a question. 'asker': the reply is in the member's language (an English "hi" from a Persian reader).
const PHRASES: Record<'greeting' | 'thanks', Record<'fa' | 'zh' | 'finglish' | 'asker', readonly string[]>> = {
  greeting: {
    fa: [
      'سلام',
      'سلام علیکم',
      'درود',
      'وقت بخیر',
      'وقت به خیر',
      'سلام وقت بخیر',
      'سلام وقت به خیر',
      'صبح بخیر',
      'صبح به خیر',
      'عصر بخیر',
      'عصر به خیر',
      'خسته نباشید',
      'سلام خسته نباشید',
    ],
    zh: ['你好', '您好', '你好啊', '大家好', '嗨', '哈喽', '哈啰', '早上好', '早安', '下午好', '午安', '晚上好'],
    finglish: ['salam', 'salaam', 'dorood', 'dorud', 'salam khaste nabashid', 'khaste nabashid'],
    asker: ['hi', 'hello', 'hey', 'hi there', 'hello there', 'good morning', 'good afternoon', 'good evening'],
  },
  thanks: {
    fa: [
      'ممنون',
      'ممنونم',
      'خیلی ممنون',
      'مرسی',
      'خیلی مرسی',
      'متشکرم',
      'متشکر',
      'مچکرم',
      'سپاس',
      'سپاسگزارم',
      'تشکر',
      'دستت درد نکنه',
      'دست شما درد نکنه',
      'دستتون درد نکنه',
    ],
    zh: ['谢谢', '谢谢你', '谢谢您', '谢谢啦', '谢啦', '谢了', '多谢', '感谢', '非常感谢', '太感谢了'],
    finglish: [
      'mamnoon',
      'mamnun',
      'mamnoonam',
      'kheili mamnoon',
      'merci',
      'mersi',
      'motshakeram',
      'mochakeram',
      'sepas',
      'sepasgozaram',
      'dastet dard nakone',
    ],
    asker: [
      'thanks',
      'thank you',
      'thank you very much',
      'thanks a lot',
      'many thanks',
      'thx',
      'ty',
      'ok thanks',
      'ok thank you',
      'great thanks',
      'thanks again',
    ],
  },
};

// Each phrase of a language as normalize() writes it, with the language its reply is in (Finglish is answered in Persian).
const KNOWN = new Map<string, { what: 'greeting' | 'thanks'; language: Language | 'asker' }>();
for (const what of ['greeting', 'thanks'] as const)
  for (const [list, phrases] of Object.entries(PHRASES[what]))
    for (const phrase of phrases) KNOWN.set(normalize(phrase, 'en'), { what, language: list === 'finglish' ? 'fa' : (list as 'fa' | 'zh' | 'asker') });

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
  return KNOWN.get(words);
}
