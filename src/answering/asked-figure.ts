/**
 * "How long does it take?", "is rail faster?", "what does it cost?", "is it worth it?": the sentence that answers
 * such a question states a duration, an amount or what came of it, and often shares no word
 * with the question (the cues are stop words the search drops). Read from the question as typed,
 * in the three languages and in Finglish.
 */
export type AskedFigure = 'duration' | 'cost' | 'result';

const CUES: Record<AskedFigure, RegExp> = {
  duration:
    /\bhow long\b|\bhow (?:many|much) (?:days|weeks|months|time)\b|\bcheg?h?add?r? tool\b|\bchand (?:rooz|ruz|hafte|mah|vaght)\b|چق?در طول|چقد طول|چه مدت|چند (?:روز|هفته|ماه|وقت)|多久|多长时间|多長時間|几天|幾天|几个月|幾個月|\bfaster\b|\bquicker\b|سریع‌?تر|زودتر|\bsari'?tar\b|\bzoodtar\b|更快|快一点|快一點|会不会快|會不會快/iu,
  cost: /\bhow much\b|\bcosts?\b|\bfees?\b|\bprices?\b|\bhazin[ea]\b|\bkarmozd\b|\bgheymat\b|هزینه|کارمزد|قیمت|چند (?:تومن|تومان|دلار)|多少钱|多少錢|费用|費用|成本|手续费|手續費|价格|價格|花了多少/iu,
  result: /\bworth\b|\bdid it work\b|\bresults?\b|\barzesh dare\b|\bmiarze\b|ارزش داره|ارزشش|می‌?ارزه|نتیجه|划算|值得|值不值|效果/iu,
};

const NUMBER = String.raw`(?:[\d۰-۹]+(?:[.,٫٬][\d۰-۹]+)?|[〇一二两三四五六七八九十半]+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|a|an|یک|دو|سه|چهار|پنج|شش|هفت|هشت|نه|ده|دوازده)`;
const DURATION = new RegExp(
  String.raw`${NUMBER}\s*(?:working\s+)?(?:days?|weeks?|months?|years?|hours?)\b|${NUMBER}\s*(?:روز|هفته|ماه|سال|ساعت)|${NUMBER}\s*(?:个|個)?(?:天|周|週|星期|月|年|小时|小時)`,
  'iu',
);
const AMOUNT = /[\d۰-۹][\d۰-۹.,٫٬]*\s*(?:%|٪|درصد|percent|(?:هزار|میلیون|میلیارد)?\s*(?:دلار|یوان|ریال|تومان)|万?元|美元|yuan)|(?:usd|rmb|\$)\s*[\d]/iu;

/** The kinds of figure the question asks for, if any. */
export function askedFigures(question: string): AskedFigure[] {
  return (Object.keys(CUES) as AskedFigure[]).filter((kind) => CUES[kind].test(question));
}

/** Whether a sentence states the figure asked for; `fromOutcome`: it tells what came of the story. */
export function statesFigure(sentence: string, kind: AskedFigure, fromOutcome: boolean): boolean {
  if (kind === 'duration') return DURATION.test(sentence);
  if (kind === 'cost') return AMOUNT.test(sentence);
  return fromOutcome;
}
