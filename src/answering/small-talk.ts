import type { Language } from '../text/language.ts';
import { normalize } from '../text/normalize.ts';

/** A message that is not a question: a greeting, a thank-you, an "ok", or no words at all ("12", "؟", an emoji). */
export type SmallTalk = { what: Said; language: Language | 'asker' } | { what: 'no-words'; language: 'asker' };

type Said = 'greeting' | 'thanks' | 'ok' | 'yes';

// Whole messages only, as normalize() leaves them (lower case, ي/ك made Persian, traditional characters made simplified):
// "hello, how do I pay a supplier?" is a question. 'asker': the reply is in the member's language (an English "hi" from a Persian reader).
const PHRASES: Record<Said, Record<'fa' | 'zh' | 'finglish' | 'asker', readonly string[]>> = {
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
    asker: ['hi', 'hello', 'hey', 'hi there', 'hello there', 'good morning', 'good afternoon', 'good evening', 'how are you', 'how are you doing'],
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
      'باشه ممنون',
      'باشه مرسی',
      'اوکی ممنون',
    ],
    zh: ['谢谢', '谢谢你', '谢谢您', '谢谢啦', '谢啦', '谢了', '多谢', '感谢', '非常感谢', '太感谢了', '好的谢谢', '好的 谢谢'],
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
      'bashe mamnoon',
      'bashe merci',
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
  // An "ok" after an answer is no question: searched, a word as common as 好的 or "great" finds some story to quote.
  // No "yes" (بله, sure, 可以): it answers the bot's "should I ask the community?", which an "ok" reply would ignore.
  ok: {
    fa: ['باشه', 'باشه حتما', 'اوکی', 'اوکیه', 'حله', 'عالی', 'عالیه', 'فهمیدم', 'متوجه شدم', 'بسیار خب', 'بسیار خوب', 'خیلی خوب', 'خوبه'],
    zh: ['好的', '好', '好吧', '好滴', '明白', '明白了', '知道了', '收到', '了解', '懂了', '嗯', '嗯嗯', '好的好的'],
    finglish: ['bashe', 'bashe hatman', 'oki', 'okie', 'hale', 'aliye', 'fahmidam', 'motevajeh shodam'],
    asker: [
      'ok',
      'okay',
      'okey',
      'k',
      'kk',
      'got it',
      'i see',
      'understood',
      'great',
      'perfect',
      'cool',
      'nice',
      'alright',
      'all right',
      'fine',
      'noted',
      'ok great',
      'ok got it',
      'ok cool',
    ],
  },
  // A "yes" to the bot's "should I ask the community?": searched, it was put to the community itself. The reply points to the button.
  yes: {
    fa: ['بله', 'بلی', 'آره', 'اره', 'بله لطفا', 'بله حتما', 'حتما', 'آره حتما', 'لطفا'],
    zh: ['是', '是的', '要', '要的', '需要', '可以', '行', '好啊', '对', '对的'],
    finglish: ['bale', 'baleh', 'areh', 'bale lotfan', 'hatman', 'lotfan'],
    asker: ['yes', 'yes please', 'yeah', 'yep', 'yup', 'sure', 'please do', 'yes sure', 'of course', 'ok please', 'ok yes', 'please'],
  },
};

// Each phrase of a language as normalize() writes it, with the language its reply is in (Finglish is answered in Persian).
const KNOWN = new Map<string, { what: Said; language: Language | 'asker' }>();
for (const what of ['greeting', 'thanks', 'ok', 'yes'] as const)
  for (const [list, phrases] of Object.entries(PHRASES[what]))
    for (const phrase of phrases) KNOWN.set(normalize(phrase, 'en'), { what, language: list === 'finglish' ? 'fa' : (list as 'fa' | 'zh' | 'asker') });

// A greeting, a thank-you or an "ok" is said in more ways than a list of phrases holds ("thank you so much", "great, thank you",
// "خیلی ممنون از لطفتون", "非常感谢你的帮助"): a message made only of these courtesy words, holding one of the anchors, is one too.
const COURTESY: Record<'greeting' | 'thanks' | 'ok', { anchors: readonly string[]; words: readonly string[]; language: Language | 'asker' }[]> = {
  greeting: [
    {
      anchors: ['hi', 'hello', 'hey', 'morning', 'afternoon', 'evening', 'greetings'],
      words: ['there', 'good', 'how', 'are', 'you', 'doing', 'everyone', 'all', 'dear', 'bot', 'is', 'it', 'going', 'today'],
      language: 'asker',
    },
    {
      anchors: [
        'سلام',
        'درود',
        'خوبید',
        'خوبی',
        'چطورید',
        'چطوری',
        'salam',
        'salaam',
        'dorood',
        'dorud',
        'khubi',
        'khoobi',
        'khubid',
        'khoobid',
        'chetori',
        'chetorid',
      ],
      words: [
        'علیکم',
        'وقت',
        'صبح',
        'عصر',
        'شب',
        'بخیر',
        'به',
        'خیر',
        'خسته',
        'نباشید',
        'شما',
        'حالتون',
        'حال',
        'چطوره',
        'خوب',
        'هستید',
        'عزیز',
        'vaght',
        'sobh',
        'asr',
        'bekheir',
        'bekhair',
        'khaste',
        'nabashid',
        'hal',
        'haletoon',
        'chetore',
        'aleykom',
      ],
      language: 'fa',
    },
  ],
  thanks: [
    {
      anchors: ['thanks', 'thank', 'thx', 'ty', 'tnx', 'appreciated', 'appreciate'],
      words: [
        'you',
        'so',
        'much',
        'very',
        'a',
        'lot',
        'again',
        'many',
        'really',
        'for',
        'the',
        'your',
        'help',
        'answer',
        'reply',
        'info',
        'it',
        'i',
        'ok',
        'okay',
        'great',
        'good',
        'nice',
        'perfect',
        'cool',
        'that',
        'is',
        'helpful',
        'useful',
        'all',
      ],
      language: 'asker',
    },
    {
      anchors: [
        'ممنون',
        'ممنونم',
        'مرسی',
        'متشکرم',
        'متشکر',
        'مچکرم',
        'سپاس',
        'سپاسگزارم',
        'تشکر',
        'mamnoon',
        'mamnun',
        'mamnoonam',
        'merci',
        'mersi',
        'motshakeram',
        'mochakeram',
        'sepas',
      ],
      words: [
        'خیلی',
        'بسیار',
        'از',
        'شما',
        'لطف',
        'لطفتون',
        'لطفت',
        'راهنمایی',
        'باشه',
        'عالی',
        'عالیه',
        'خوب',
        'جواب',
        'پاسخ',
        'kheili',
        'az',
        'shoma',
        'lotf',
        'lotfetoon',
        'bashe',
        'aali',
        'javab',
      ],
      language: 'fa',
    },
  ],
  ok: [
    {
      anchors: ['ok', 'okay', 'great', 'perfect', 'cool', 'nice', 'got', 'understood', 'good', 'alright', 'fine', 'noted', 'see'],
      words: ['it', 'i', 'very', 'so', 'that', 'is', 'all', 'right', 'thats', 'sounds', 'now'],
      language: 'asker',
    },
  ],
};
// Chinese is written without spaces: what is left once its courtesy words are taken out must be nothing.
const CHINESE_GREETING = /^(?:你好|您好|大家好|嗨|哈喽|哈啰|早上好|早安|下午好|晚上好|在吗|在不在|你|您|啊|呀|吗|哈)+$/u;
const CHINESE_THANKS = /^(?:非常|十分|太|真|感谢|谢谢|多谢|谢|你|您|们|了|啦|啊|呀|的|帮助|帮忙|回答|好|好的|嗯|收到|明白|知道)+$/u;

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
