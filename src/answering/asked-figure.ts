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
/**
 * A quantity per period or how often ("two to three containers a month", "once a week", "every
 * two weeks", 每月, هر ماه): it names a period, not how long anything took. What is counted is a
 * plural or a unit; a year (2019) is no count, nor is "a" ("we hired a local agent a month
 * later", "we switched 2 suppliers and a month later…").
 */
const PER_PERIOD = new RegExp(
  [
    String.raw`(?:\b(?!(?:19|20)\d\d\b|an?\b)${NUMBER}(?:\s*(?:to|or|-|–)\s*${NUMBER})?(?:\s+[\p{L}\d-]+)?\s+(?:[\p{L}-]*s|kg|cbm|teu)|\bonce|\btwice)\s+(?:a|an|per|each|every)\s+(?:day|week|month|year|hour)\b`,
    String.raw`\b(?:every|each|per)\s+(?:other\s+)?(?:${NUMBER}\s+)?(?:days?|weeks?|months?|years?|hours?)\b`,
    String.raw`(?<![\p{Script=Arabic}\u200c])هر\s*(?:${NUMBER}\s*)?(?:روز|هفته|ماه|سال|ساعت)`,
    String.raw`每\s*(?:${NUMBER})?(?:个|個)?(?:天|周|週|星期|月|年|小时|小時)`,
  ].join('|'),
  'giu',
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

/**
 * A word that asks something (what, where, is there, 吗, 什么, کجا, آیا, koja…). A question without
 * any, nor a figure's cue, is a bare topic as members type it ("pay chinese supplier?", "پرداخت به
 * تامین‌کننده چینی", "伊朗客户货款被冻结"): they want to know how it was done.
 */
const FA_LETTER = String.raw`[\p{Script=Arabic}\u200c]`;
const ASKS = new RegExp(
  [
    String.raw`\b(?:what|which|where|when|who|whom|whose|why|how|whether)\b`,
    // English asks with an auxiliary first: "is there…", "can we…", "any tips".
    String.raw`(?:^|[.?!\n])\s*(?:is|are|was|were|do|does|did|can|could|should|would|will|has|have|any|anyone)\b`,
    String.raw`\b(?:chi|chie|chiye|chia|koja\w*|aya|chera|kodoo?m\w*|chand|chetor\w*|che?joo?r\w*|chegoon\w*|mage|mishe)\b`,
    String.raw`(?<!${FA_LETTER})(?:چی|چیه|چیا|چیو|چه|کجا|کجاست|کی|کیه|آیا|چرا|کدوم|کدام|چند|چقد|چقدر|چطور|چطوری|چجور|چجوری|چگونه|مگه|میشه|می‌شه|می‌شود|میشود)(?!${FA_LETTER})`,
    '吗|嗎|呢|什么|什麼|啥|哪|谁|誰|为什么|為什麼|几|幾|多少|多久|多长|多長|是否|能否|能不能|可不可以|有没有|有沒有|要不要|是不是|怎|如何|咋',
  ].join('|'),
  'iu',
);

/** Whether the question asks what to do (and not only for a figure), or names a bare topic, which asks the same. */
export function asksWhatToDo(question: string): boolean {
  return WHAT_TO_DO.test(askingPart(question)) || (!ASKS.test(question) && askedFigures(question).length === 0);
}

/**
 * Whether the question asks for a figure and something else as well: "what documents are needed
 * and how long does it take?", "要先注册商标吗？要多少钱呢". Each clause of its asking part is read
 * apart; one that asks without a figure's cue asks the other thing.
 */
export function asksBesidesFigure(question: string): boolean {
  const clauses = askingPart(question).split(/(?<=[?？؟])|[,，、;；\n]|\band\b|\bva\b|(?<![\p{L}\u200c])و(?![\p{L}\u200c])/u);
  const asking = clauses.filter((clause) => ASKS.test(clause) || WHAT_TO_DO.test(clause) || /[?？؟]\s*$/u.test(clause));
  // A figure named in a clause that asks nothing is the member's situation ("we signed at a rial price").
  const figure = (clause: string) => Object.values(CUES).some((cue) => cue.test(clause));
  return asking.some(figure) && asking.some((clause) => !figure(clause));
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
  if (kind === 'duration') return DURATION.test(sentence.replace(PER_PERIOD, ' '));
  if (kind === 'cost') return AMOUNT.test(sentence);
  return fromOutcome;
}
