/**
 * "How long does it take?", "is rail faster?", "what does it cost?", "is it worth it?": the sentence that answers
 * such a question states a duration, an amount or what came of it, and often shares no word
 * with the question (the cues are stop words the search drops). "How do we…?", "what should we
 * do?" ask for the steps taken instead (asksWhatToDo). Read from the question as typed, in the
 * three languages and in Finglish.
 */
export type AskedFigure = 'duration' | 'cost' | 'result';

const CUES: Record<AskedFigure, RegExp> = {
  duration:
    /\bhow long\b|\bhow (?:many|much) (?:days|weeks|months|time)\b|\bcheg?h?add?r? tool\b|\bchand (?:rooz|ruz|hafte|mah|vaght)\b|چق?در طول|چقد طول|چه مدت|چند (?:روز|هفته|ماه|وقت)|多久|多长时间|多長時間|几天|幾天|几个月|幾個月|\bfaster\b|\bquicker\b|سریع‌?تر|زودتر|\bsari'?tar\b|\bzoodtar\b|更快|快一点|快一點|会不会快|會不會快/iu,
  cost: /\bhow much\b|\bcosts?\b|\bfees?\b|\bprices?\b|\bhazin[ea]\b|\bkarmozd\b|\bgheymat\b|هزینه|کارمزد|قیمت|چند (?:تومن|تومان|دلار)|多少钱|多少錢|省多少|能省|费用|費用|成本|手续费|手續費|价格|價格|花了多少/iu,
  result:
    /\bworth\b|\bdid it work\b|\bresults?\b|\b(?:is|are|was|were)\b[^?.!]{0,40}\b(?:useful|effective)\b|\bdoes (?:it|that|this) help\b|\barzesh dare\b|\bmiarze\b|\bfayde (?:dare|dasht)\b|ارزش داره|ارزشش|می‌?ارزه|نتیجه|فایده (?:داره|دارد|داشت)|به درد می‌?خوره|划算|值得|值不值|效果|有用吗|有用嗎|有没有用|有沒有用|管用/iu,
};

const NUMBER = String.raw`(?:[\d۰-۹]+(?:[.,٫٬][\d۰-۹]+)?|[〇一二两三四五六七八九十半]+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|a|an|یک|دو|سه|چهار|پنج|شش|هفت|هشت|نه|ده|دوازده)`;
const DURATION = new RegExp(
  String.raw`${NUMBER}\s*(?:working\s+)?(?:days?|weeks?|months?|years?|hours?)\b|${NUMBER}\s*(?:روز|هفته|ماه|سال|ساعت)|${NUMBER}\s*(?:个|個)?(?:天|周|週|星期|月|年|小时|小時)`,
  'iu',
);
const AMOUNT = /[\d۰-۹][\d۰-۹.,٫٬]*\s*(?:%|٪|درصد|percent|(?:هزار|میلیون|میلیارد)?\s*(?:دلار|یوان|ریال|تومان)|万?元|美元|yuan)|(?:usd|rmb|\$)\s*[\d]/iu;

/**
 * The kinds of figure the question asks for, if any. A question of several sentences asks in
 * those ending with a question mark; the others tell the member's situation ("flour prices went
 * crazy … is there a government loan?"), and a figure named there is not what is asked.
 */
export function askedFigures(question: string): AskedFigure[] {
  const asking = askingPart(question);
  return (Object.keys(CUES) as AskedFigure[]).filter((kind) => CUES[kind].test(asking));
}

/** "How do we…", "what should we do": asked for what to do, which the steps taken answer, not what came of them. */
const WHAT_TO_DO =
  /\bhow (?:to|do|does|did|can|could|should|would)\b|\bhow\?|\bwhat (?:to do|should|can|could|do)\b|\bways? to\b|\bany (?:ideas?|advice|tips?)\b|\bideas\?|\bche?joo?ri\b|\bchetori?\b|\bchi ?kar\b|\bche ?kar\b|\bchikar\b|چجوری|چطور|چیکار|چی ?کار|چه ?‌?کار|چکار|چه باید|怎么|怎麼|怎样|怎樣|如何|咋办|咋辦|办法|辦法/iu;

/** Whether the question asks what to do (and not only for a figure). */
export function asksWhatToDo(question: string): boolean {
  return WHAT_TO_DO.test(askingPart(question));
}

/** The sentences of the question that end with a question mark and the last one ("…吗？要多少钱呢"), or all of it when none ends with one. */
function askingPart(question: string): string {
  return question
    .split('\n')
    .map((line) => {
      const asking = line.match(/[^.!。！?？؟]*[?？؟]/gu);
      if (!asking) return line;
      const last = line.slice(line.search(/[^.!。！?？؟]*$/u));
      return [...asking, last].join('\n');
    })
    .join('\n');
}

/** Whether a sentence states the figure asked for; `fromOutcome`: it tells what came of the story. */
export function statesFigure(sentence: string, kind: AskedFigure, fromOutcome: boolean): boolean {
  if (kind === 'duration') return DURATION.test(sentence);
  if (kind === 'cost') return AMOUNT.test(sentence);
  return fromOutcome;
}
