/**
 * The words of questions asking for live information (live-information.ts reads them), by role.
 * `latin`: English and Finglish together (both are typed in Latin letters and their words do not
 * clash); `persian`: Persian script; `han`: Chinese as normalize() leaves it (simplified, so
 * traditional characters need no entries of their own), matched anywhere in the text.
 *
 * A Latin or Persian entry of several words also matches them typed with a ZWNJ or joined
 * (پیش‌بینی, پیش بینی, پیشبینی), since every way of writing one word is met in members' messages;
 * apostrophes are dropped before matching (what's → whats). `~word`: the word or a misspelling of
 * it one letter away, keeping its first letter (wheather, forcast, tomorow).
 */
export interface Words {
  latin?: readonly string[];
  persian?: readonly string[];
  han?: readonly (string | RegExp)[];
}

/** Persian words with the endings spoken and written Persian add (ezafe, plural, "its", "is"). */
const withEndings = (...stems: string[]) => stems.flatMap((s) => [s, `${s}ی`, `${s}ها`, `${s}های`, `${s}ش`, `${s}ه`, `${s}ای`]);

// When: the present and the days around it. Nowadays (امروزه, these days) is a trend, not live.
const TODAY: Words = {
  latin: ['today', 'todays', '2day', 'as of today', 'emrooz', 'emruz', 'emrouz', 'emroz'],
  persian: ['امروز', 'امروز صبح', 'امروز عصر'],
  han: ['今天', '今日', '今儿'],
};
const TONIGHT: Words = {
  latin: ['tonight', 'tonights', 'tonite', 'this evening', 'emshab'],
  persian: ['امشب'],
  han: ['今晚', '今天晚上', '今夜'],
};
const TOMORROW: Words = {
  latin: ['~tomorrow', 'tomorrows', 'tmrw', 'tmr', 'tommorow', 'day after tomorrow', 'farda', 'fardaa', 'pasfarda', 'farda shab'],
  persian: ['فردا', 'فردای', 'پس فردا', 'فردا شب'],
  han: ['明天', '明日', '明儿', '明晚', '后天'],
};
const COMING_DAYS: Words = {
  latin: ['weekend', 'this weekend', 'this week', 'next few days', 'coming days', 'akhar hafte', 'akhare hafte', 'in hafte'],
  persian: ['آخر هفته', 'این هفته', 'چند روز آینده', 'روزهای آینده'],
  han: ['周末', '这周', '本周', '这几天', '未来几天', '接下来几天'],
};
const YESTERDAY: Words = {
  latin: ['~yesterday', 'yesterdays', 'last night', 'last nights', 'dirooz', 'diruz', 'dirouz', 'dishab'],
  persian: ['دیروز', 'دیشب'],
  han: ['昨天', '昨日', '昨晚', '昨夜'],
};
/** The present, said so it can only mean the present. */
const NOW: Words = {
  latin: ['right now', 'at the moment', 'as of now', 'real time', 'realtime', 'live price', 'live prices', 'live rate', 'hamin alan', 'hamin alaan'],
  persian: ['همین الان', 'همین الآن', 'هم اکنون', 'همین لحظه', 'لحظه ای', 'لحظه به لحظه'],
  han: ['实时', '此刻', '此时此刻', '最新'],
};
/** The present, but also said of anything going on ("we paid, now the supplier wants more"): live only with a figure asked. */
const NOW_LOOSELY: Words = {
  latin: ['now', 'currently', 'current', 'latest', 'alan', 'alaan', 'felan', 'dar hal hazer'],
  persian: ['الان', 'الآن', 'اکنون', 'فعلا', 'در حال حاضر'],
  han: ['现在', '目前', '当前', '眼下', '这会儿'],
};

// What: the weather.
const WEATHER: Words = {
  latin: [
    '~weather',
    'rain',
    'raining',
    'rainy',
    'snow',
    'snowing',
    'snowy',
    'sunny',
    'cloudy',
    'windy',
    'stormy',
    'thunderstorm',
    'how hot is it',
    'how cold is it',
    'is it hot in',
    'is it cold in',
    'air quality',
    'aqi',
    'smog',
    'havashenasi',
    'hava shenasi',
    'ab o hava',
    'ab va hava',
    'vaz hava',
    'vaze hava',
    'vaziat hava',
    'vaziate hava',
    'baroon',
    'baran',
    'barandegi',
    'barf',
    'toofan',
    'damaye hava',
    'damaye havaye',
    'aloodegi hava',
    'alodegi hava',
  ],
  persian: [
    'هواشناسی',
    'آب و هوا',
    'وضع هوا',
    'وضعیت هوا',
    'دمای هوا',
    'دمای هوای',
    'درجه حرارت هوا',
    'باران',
    'بارون',
    'بارش',
    'بارندگی',
    'برف',
    'طوفان',
    'آلودگی هوا',
    'گرد و خاک',
    'ریزگرد',
  ],
  // Not a temperature alone (of a reefer, a cold store): degrees asked of a day and a place ("明天北京几度"), not of electricity (多少度电).
  han: [
    '天气',
    '气温',
    '下雨',
    '下雪',
    '降雨',
    '大雨',
    '暴雨',
    '雷阵雨',
    '晴天',
    '阴天',
    '多云',
    '刮风',
    '台风',
    '雾霾',
    '空气质量',
    /[今明后][天日儿][^，。？！,.?!\s]{0,4}(几|多少)度(?!电)/,
  ],
};
/** Forecast: of the weather when nothing says of what (sales forecast, demand forecast). */
const FORECAST: Words = { latin: ['~forecast', 'forecasts'] };
const NOT_WEATHER_FORECAST: Words = {
  latin: [
    'sales',
    'demand',
    'market',
    'revenue',
    'budget',
    'cash',
    'financial',
    'production',
    'price',
    'order',
    'orders',
    'profit',
    'cost',
    'currency',
    'rate',
  ],
};
/** Always about the weather now or ahead. */
const WEATHER_FORECAST: Words = {
  latin: ['pish bini hava', 'pish bini havaye', 'pish bini havashenasi'],
  persian: ['پیش بینی هوا', 'پیش بینی هوای', 'پیش بینی وضع هوا', 'پیش بینی آب و هوا', 'پیش بینی آب و هوای', 'پیش بینی هواشناسی'],
  han: ['天气预报', '预报'],
};
/** "How is the weather": the weather now, unless a season or the usual weather is asked about. */
const WEATHER_NOW: Words = {
  latin: ['hows the weather', 'how is the weather', 'whats the weather', 'what is the weather', 'weather like'],
  han: ['天气怎么样', '天气如何', '天气好吗', '天气好不好', '天气咋样', '冷不冷', '热不热', '下雨吗', '下雨了吗'],
};
const SEASON: Words = {
  latin: ['summer', 'winter', 'spring', 'autumn', 'fall', 'season', 'usually', 'average', 'month', 'climate'],
  persian: ['تابستان', 'زمستان', 'بهار', 'پاییز', 'فصل', 'معمولا'],
  han: ['夏天', '冬天', '春天', '秋天', '夏季', '冬季', '季节', '一般', '通常', '平均', '气候'],
};
/**
 * Air, which in Persian is the weather too ("هوای تهران فردا"), but also the air of an air filter
 * (فیلتر هوا) or of air freight (حمل هوایی, another word): the weather only when said how it is.
 */
const AIR: Words = { latin: ['hava', 'havaye', 'havaa'], persian: ['هوا', 'هوای'] };
/** Air "of" something (the ezafe): "هوای فردا" is tomorrow's weather, while "فیلتر هوا فردا" is a filter arriving. */
const AIR_OF: Words = { latin: ['havaye'], persian: ['هوای'] };
const AIR_IS: Words = {
  latin: [
    'chetore',
    'chetorie',
    'chetoriye',
    'chejoriye',
    'chejooriye',
    'khube',
    'sarde',
    'garme',
    'sard',
    'garm',
    'barooni',
    'baroonie',
    'baroni',
    'abri',
    'aftabi',
    'barfi',
    'daraje',
    'darajeh',
  ],
  persian: [
    'چطوره',
    'چطوریه',
    'چه طوره',
    'چطور است',
    'چجوریه',
    'چه جوریه',
    'خوبه',
    'سرده',
    'گرمه',
    'سرد',
    'گرم',
    'بارونیه',
    'بارونی',
    'بارانی',
    'ابریه',
    'ابری',
    'آفتابیه',
    'آفتابی',
    'برفی',
    'برفیه',
    'طوفانی',
    'درجه',
  ],
};

// What: the time somewhere.
const WHAT_TIME: Words = {
  latin: ['what time is it', 'whats the time', 'what is the time', 'what time is now', 'what time now'],
  han: ['几点了', '几点钟了', '现在几点', '现在是几点', '现在什么时间', '现在是什么时间', '现在的时间'],
};
const TIME_THERE: Words = { latin: ['current time', 'local time', 'time now', 'time right now'], han: ['当地时间'] };
const WHAT: Words = { latin: ['what', 'whats'] };
/** 几点 asks the clock at the end of a clause (伊朗那边现在几点了), a schedule before a verb (几点上班). */
const HOUR: Words = { latin: ['saat', 'saaat', 'sahat'], persian: ['ساعت'], han: [/几点(钟)?[了呢啊呀吗]?(?=[，。？！,.?!\s]|$)/] };
const WHICH_HOUR: Words = { latin: ['chand', 'chande'], persian: ['چند', 'چنده'] };
/** Where the hour is asked: now, or by the local time of a place (به وقت پکن). */
const HOUR_HERE_OR_THERE: Words = { latin: ['be vaght', 'be vaqt'], persian: ['به وقت'], han: ['那边', '那里'] };

// What: prices and rates of markets.
const PRICE: Words = {
  latin: [
    'price',
    'prices',
    'exchange rate',
    'exchange rates',
    'fx rate',
    'gheymat',
    'gheimat',
    'ghimat',
    'qeymat',
    'qimat',
    'gheymate',
    'gheimate',
    'ghimate',
    'nerkh',
    'nerkhe',
  ],
  persian: [...withEndings('قیمت', 'نرخ'), 'نرخ ارز'],
  han: ['价格', '价钱', '价位', '报价', '行情', '汇率', '金价', '油价', '股价', '币价', '牌价', '汇价', '兑换率'],
};
/** Chinese has no words to count between: today's price is the day a few characters before the price, in one clause. */
const TODAYS_PRICE: Words = { han: [/今[天日儿][^，。？！,.?!\s]{0,4}(价格|价钱|价位|行情)/, /(价格|价钱|价位|行情)今[天日]/] };
const RATE: Words = { latin: ['rate', 'rates'] };
/** What has a price that moves by the hour: gold, currencies and their exchange rate, crypto, oil, stocks. */
const MARKET: Words = {
  latin: [
    'exchange rate',
    'exchange rates',
    'fx rate',
    'nerkh arz',
    'gold',
    'silver',
    'dollar',
    'dollars',
    'usd',
    'euro',
    'euros',
    'eur',
    'yuan',
    'rmb',
    'renminbi',
    'cny',
    'rial',
    'rials',
    'toman',
    'tomans',
    'dirham',
    'lira',
    'bitcoin',
    'btc',
    'ethereum',
    'crypto',
    'crude oil',
    'oil price',
    'brent',
    'stock market',
    'nasdaq',
    'tala',
    'sekke',
    'seke',
    'dolar',
    'yoan',
    'arz',
    'naft',
    'boors',
    'bours',
  ],
  persian: [...withEndings('طلا', 'سکه', 'دلار', 'یورو', 'یوان', 'ریال', 'ارز', 'نقره', 'نفت', 'بورس'), 'تومان', 'تومن', 'درهم', 'لیر', 'بیت کوین'],
  han: [
    '汇率',
    '汇价',
    '兑换率',
    '金价',
    '油价',
    '股价',
    '币价',
    '黄金',
    '金子',
    '白银',
    '美元',
    '美金',
    '欧元',
    '人民币',
    '日元',
    '里亚尔',
    '土曼',
    '迪拉姆',
    '比特币',
    '原油',
    '股市',
    '大盘',
    '外汇',
  ],
};
/** A figure asked for. */
const HOW_MUCH: Words = {
  latin: ['how much', 'what is', 'whats', 'what are', 'how high', 'chande', 'chand', 'cheghadr', 'cheghad', 'cheghadre', 'cheghadreh'],
  persian: ['چنده', 'چند', 'چقدر', 'چقدره', 'چه قدر', 'چه قدره', 'چند است', 'چیه'],
  han: ['多少', '几块', '什么价', '啥价', '怎么样'],
};

// What: the score or result of a match.
/** "بازی درآوردن": to play games with someone, no match. */
const PLAYING_UP: Words = {
  latin: ['bazi dar', 'bazi darmiare', 'bazi daravorde', 'bazi daravordan', 'bazi darmiaran'],
  persian: ['بازی در', 'بازی درمیاره', 'بازی درمیارن', 'بازی درآورده', 'بازی درآوردن', 'بازی درآورد', 'بازی دراورده', 'بازی درمیاری'],
};
/** A score is asked only of a match being or just played. */
const SCORE: Words = { latin: ['score', 'scores', 'final score', 'chand chand'], persian: ['چند چند'] };
/** Chinese has words for a match's score that nothing else uses. */
const SCORE_ALONE: Words = { han: ['比分', '几比几'] };
const SPORT: Words = {
  latin: [
    'football',
    'soccer',
    'basketball',
    'volleyball',
    'futsal',
    'tennis',
    'cricket',
    'league',
    'world cup',
    'asian cup',
    'the match',
    'the game',
    'match score',
    'game score',
    'national team',
    'derby',
    'fifa',
    'futbal',
    'footbal',
    'bazi',
    'bazie',
    'mosabeghe',
    'team melli',
    'tim melli',
    'jam jahani',
    'jame jahani',
    'esteghlal',
    'persepolis',
    'perspolis',
    'sepahan',
  ],
  persian: [
    'فوتبال',
    'فوتسال',
    'والیبال',
    'بسکتبال',
    'بازی',
    'بازیه',
    'مسابقه',
    'مسابقات',
    'لیگ',
    'جام جهانی',
    'دربی',
    'شهرآورد',
    'تیم ملی',
    'استقلال',
    'پرسپولیس',
    'سپاهان',
  ],
  han: ['足球', '篮球', '排球', '比赛', '球赛', '联赛', '世界杯', '亚洲杯', '国家队', '国足', '球队', '欧冠', '英超'],
};
const RESULT: Words = {
  latin: [
    'score',
    'scores',
    'result',
    'results',
    'won',
    'win',
    'wins',
    'lost',
    'lose',
    'beat',
    'draw',
    'goals',
    'natije',
    'natijeh',
    'natijeye',
    'chand chand',
    'bord',
    'bordim',
    'bakht',
    'bakhtim',
    'mosavi',
  ],
  persian: ['نتیجه', 'نتیجش', 'نتایج', 'چند چند', 'برد', 'بردیم', 'برنده', 'باخت', 'باختیم', 'مساوی', 'گل'],
  han: ['比分', '结果', '赢', '输', '胜', '负', '平局', '几比几', '战绩', '进球', '打平'],
};

// What: what is on, and the news.
const EVENTS: Words = {
  latin: [
    'concert',
    'concerts',
    'event',
    'events',
    'whats on tonight',
    'whats on today',
    'whats on tomorrow',
    'whats on this',
    'whats on in',
    'whats on at',
    'festival',
    'festivals',
    'movie',
    'movies',
    'cinema',
    'theatre',
    'theater',
    'nightlife',
    'things to do',
    'gig',
    'gigs',
    'konsert',
    'sinema',
    'teatr',
    'jashnvare',
    'tafrih',
  ],
  persian: ['کنسرت', 'سینما', 'تئاتر', 'تیاتر', 'جشنواره', 'برنامه تفریحی', 'تفریح', 'تفریحی', 'جشن', 'اکران'],
  han: ['演出', '音乐会', '演唱会', '电影', '话剧', '夜生活', '好玩的', '娱乐活动', '有什么活动', '有啥活动', '什么活动'],
};
/** Holidays are closures, a business matter: "factories close for the spring festival this week". */
const HOLIDAY: Words = {
  latin: [
    'spring festival',
    'lantern festival',
    'mid autumn festival',
    'dragon boat festival',
    'chinese new year',
    'lunar new year',
    'golden week',
    'nowruz',
    'norooz',
    'nowrooz',
  ],
  persian: ['سال نو', 'سال نوی', 'عید', 'نوروز', 'تعطیلات'],
  han: ['春节', '元宵', '中秋', '端午', '国庆', '黄金周', '诺鲁孜'],
};
const NEWS: Words = { latin: ['news', 'headlines', 'akhbar'], persian: ['اخبار', 'تیتر'], han: ['新闻', '头条'] };

/**
 * How to do something, whether one should, or why: a business question (how do I pay at today's
 * rate, what should I do now the price went up), never a request for a figure of the moment.
 */
const HOW_TO: Words = {
  latin: [
    'how do',
    'how does',
    'how did',
    'how can',
    'how could',
    'how should',
    'how would',
    'how to',
    'how we',
    'how i',
    'best way',
    'way to',
    'should i',
    'should we',
    'can i',
    'can we',
    'could i',
    'could we',
    'what should',
    'what do i do',
    'what do we do',
    'what to do',
    'do i need',
    'do we need',
    'why',
    'chetor',
    'chetori',
    'chejoori',
    'chejori',
    'chejuri',
    'chikar',
    'chekar',
    'che kar',
    'bayad',
    'behtare',
    'mitoonam',
    'mitunam',
    'mitoonim',
    'chera',
  ],
  persian: [
    'چطور',
    'چطوری',
    'چگونه',
    'چجوری',
    'چه جوری',
    'چه طور',
    'چیکار',
    'چکار',
    'چه کار',
    'چی کار',
    'باید',
    'بهتره',
    'راهش',
    'میتونم',
    'میتونیم',
    'می توانم',
    'می توانیم',
    'چرا',
  ],
  han: [
    /怎么(?!样)/,
    /如何(?![，。？！,.?!\s吗呢啊呀]|$)/,
    '怎样',
    '应该',
    '该怎',
    '合适',
    '要不要',
    '能不能',
    '可不可以',
    '可以吗',
    '办法',
    '为什么',
    '为啥',
    '咋办',
    '咋弄',
  ],
};

/**
 * What to make of something told: whether it is normal or allowed, who pays, what happens next,
 * whether anyone went through it. A member telling today's price or tonight's rain and asking
 * this asks for members' experience, not for the figure.
 */
const JUDGEMENT: Words = {
  latin: [
    'normal',
    'usual',
    'typical',
    'allowed',
    'legal',
    'legit',
    'reasonable',
    'excuse',
    'can they',
    'is it ok',
    'is that ok',
    'is this ok',
    'any tips',
    'any advice',
    'anyone had',
    'anyone experienced',
    'who pays',
    'is it worth',
    'worth it',
    'what happens next',
    'what happens now',
    'what happens to',
    'what next',
    'what now',
    'now what',
    'adie',
    'aadie',
    'tabiie',
    'tabiiye',
    'mantaghie',
    'tajrobe',
  ],
  persian: ['عادیه', 'عادی است', 'طبیعیه', 'طبیعی است', 'منطقیه', 'منطقی است', 'مجازه', 'قانونیه', 'تجربه', 'حق داره', 'کی پرداخت میکنه'],
  han: ['正常吗', '正常嗎', '合理吗', '合理', '有经验', '经验', '影响', '后果', '值得', '谁付', '谁承担', '谁负责', '正常'],
};
/** A rate someone applies (what rate customs uses, the rate banks give): a practice, not the market's figure. */
const RATE_APPLIED: Words = {
  latin: ['use', 'used', 'uses', 'apply', 'applied', 'applies', 'charge', 'charged', 'charges', 'give', 'gave', 'gives', 'offer', 'offered', 'offers'],
};

export const LIVE_WORDS = {
  TODAY,
  TONIGHT,
  TOMORROW,
  COMING_DAYS,
  YESTERDAY,
  NOW,
  NOW_LOOSELY,
  WEATHER,
  FORECAST,
  NOT_WEATHER_FORECAST,
  WEATHER_FORECAST,
  WEATHER_NOW,
  SEASON,
  AIR,
  AIR_OF,
  AIR_IS,
  WHAT_TIME,
  TIME_THERE,
  WHAT,
  HOUR,
  WHICH_HOUR,
  HOUR_HERE_OR_THERE,
  PRICE,
  TODAYS_PRICE,
  RATE,
  MARKET,
  HOW_MUCH,
  SPORT,
  RESULT,
  EVENTS,
  NEWS,
  HOW_TO,
  JUDGEMENT,
  RATE_APPLIED,
  PLAYING_UP,
  SCORE,
  SCORE_ALONE,
  HOLIDAY,
} satisfies Record<string, Words>;

export type WordRole = keyof typeof LIVE_WORDS;
