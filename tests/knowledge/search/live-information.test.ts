import { describe, expect, it } from 'vitest';
import { liveInformationAsked } from '../../../src/knowledge/search/live-information.ts';

// Questions only a live source answers, whatever words they share with members' trade stories.
describe('questions asking for live information', () => {
  it.each([
    // English, with the misspellings members type
    ['weather', 'what will the weather be like in Shiraz tomorrow?'],
    ['weather', 'is it raining in Guangzhou right now'],
    ['weather', 'wheather in Bandar Abbas this weekend'],
    ['weather', 'forcast for Yiwu tomorrow'],
    ['weather', "how's the weather in Urumqi"],
    ['time', "what's the time in Shanghai?"],
    ['time', 'current local time in Tehran, what is it?'],
    ['price', "today's gold price"],
    ['price', 'price of steel rebar today'],
    ['price', 'usd to rmb exchange rate today'],
    ['price', 'how much is the dollar in Tehran right now'],
    ['price', 'what is the euro rate now'],
    ['score', 'did Iran win the football match yesterday?'],
    ['score', 'score of the game tonight'],
    ['events', 'any concerts in Dubai this weekend?'],
    ['news', "what's in the news today"],
    // Persian: colloquial, with and without ZWNJ, Arabic letters
    ['weather', 'پیش‌بینی هوای مشهد'],
    ['weather', 'پیشبینی هوا برای آخر هفته'],
    ['weather', 'فردا اصفهان بارون میاد؟'],
    ['weather', 'هوا امروز تو کیش چند درجست؟ گرمه؟'],
    ['time', 'الان ساعت چنده به وقت گوانگجو؟'],
    ['price', 'نرخ دلار امروز'],
    ['price', 'قيمت سکه الان چقدره'],
    ['price', 'قیمت‌های لحظه‌ای طلا'],
    ['score', 'دیشب نتیجه فوتبال تیم ملی چی شد؟'],
    ['events', 'امشب تو تهران کنسرت هست؟'],
    // Finglish
    ['weather', 'vaz hava farda shiraz chetore'],
    ['time', 'alan saat chande to shanghai'],
    ['price', 'gheymat tala emrooz chande?'],
    ['score', 'bazi dishab natije chi shod'],
    // Chinese, simplified and traditional
    ['weather', '后天上海会下雨吗'],
    ['weather', '明天北京几度？'],
    ['weather', '明天義烏天氣預報'],
    ['time', '德黑兰现在几点？'],
    ['time', '伊朗那邊幾點了'],
    ['price', '今天金价多少'],
    ['price', '目前美元兌人民幣匯率是多少啊'],
    ['score', '昨晚的足球比賽比分是多少'],
    ['events', '这周末广州有什么演出'],
    // A greeting or a reason around the question, a market and a day alone, the heat asked
    ['price', "hi, what's the dollar rate today?"],
    ['price', 'سلام، قیمت دلار امروز چنده؟'],
    ['price', 'dollar today?'],
    ['time', 'what time is it in Beijing now? need to call my supplier'],
    ['time', 'current time in Tehran?'],
    ['weather', 'how hot is it in Bandar Abbas right now'],
    ['weather', 'دمای هوای بندرعباس الان چنده؟'],
    ['weather', '今天台北天氣如何'],
    ['score', 'esteghlal persepolis score?'],
    ['score', '伊朗队比分多少？'],
  ] as const)('%s: "%s"', (topic, question) => {
    expect(liveInformationAsked(question)).toBe(topic);
  });
});

// Business questions that share words with live topics: air freight and air filters, times to
// ship, "now" in a story, prices without a word of the present, how to act on today's rate.
describe('ordinary questions', () => {
  it.each([
    'air freight from Guangzhou to Tehran today, how long?',
    'which air filter supplier in Ningbo gives the best price?',
    'shipping time from Shanghai to Bandar Abbas',
    'how long does customs clearance take now?',
    'current regulations on importing used machinery into Iran',
    'price of saffron in China',
    'what price did members get for pistachios in Guangzhou?',
    'we paid the deposit and now the supplier raised the price, what should we do?',
    'the supplier raised the price today, is that normal?',
    'فروشنده امروز قیمت رو عوض کرد، چیکار کنیم؟',
    'how do I pay a supplier at today’s exchange rate?',
    'wether to pay by LC or TT today',
    'our sales forecast for this week is low, how to find new buyers?',
    'does rain season in Guangdong delay container loading?',
    'we won the tender yesterday, what documents come next?',
    'the results did not match the sample we approved yesterday',
    'how much stock should a distributor keep now?',
    'we got a quote from the supplier today, is the price fair?',
    'What is the price of a 40ft container to Bandar Abbas now?',
    'the customs temperature inspection for reefer containers today',
    'حمل هوایی از گوانگژو الان چقدر طول میکشه؟',
    'فیلتر هوا فردا میرسه گمرک؟',
    'الان چیکار کنم؟ تامین کننده جواب نمیده',
    'قیمت زعفران در چین چنده؟',
    'الان با دلار پرداخت کنم یا یوان؟',
    'گمرک بندرعباس ساعت چند باز میشه؟',
    'ساعت کاری گمرک الان چنده؟',
    'چطور با نوسان قیمت دلار امروز قرارداد ببندیم؟',
    'haml havayi az chin alan cheghadr tool mikeshe',
    'alan chikar konam, tamin konande javab nemide',
    '现在清关要多长时间？',
    '海关几点下班',
    '今天付多少人民币定金合适',
    '供应商今天报价了，价格合理吗',
    '目前到阿巴斯港的海运价格多少',
    '今天冷库温度要设几度',
    '藏红花在中国的价格',
    '汇率波动大，现在怎么给伊朗客户报价？',
    '空气滤清器从中国进口要什么证书',
    // A story told with today's rate, tomorrow's rain or the news, then what to make of it
    'right now the supplier is asking a higher price than the proforma, is that normal?',
    'emrooz dolar gerun shod, moshtari gheymat ro ghabool nemikone, adie?',
    'امروز نرخ ارز بالا رفت و خریدار سفارش رو کنسل کرد، بیعانه مال ماست؟',
    '今天人民币汇率跌了，伊朗客户要求降价，合理吗？',
    '最新报价比上次高了20%，正常吗？',
    'what rate did customs use for our dollar invoice today?',
    'the supplier says the snow this week is delaying trucks from Urumqi, is that a real excuse?',
    'فردا بارون میاد و بار تو اسکله است، بیمه پوشش میده؟',
    '天气原因今天船期推迟了，运费要退吗？',
    'today we got news that our container was picked for inspection, what happens next?',
    '今天看到新闻说伊朗对中国商品加关税，影响大吗？',
    // The clock's words asking something else, a match that is no game, a party that is no party, a holiday
    'what time is it acceptable to call Chinese suppliers?',
    'what is the time now needed for an import licence in Iran?',
    '伊朗那边几点上班？',
    'we lost the match between the sample and the bulk shipment, the goods are different, what now',
    'دیروز فورواردر بار رو برد بندر ولی الان داره سر هزینه بازی در میاره',
    'the third party inspection is tomorrow, what do they check?',
    "what's on the agenda for tomorrow's meeting with the Chinese buyer?",
    'factories close for the spring festival this week, will our order be delayed?',
    'این هفته جشن سال نو چینیه، کارخونه ها تعطیلن؟',
  ])('"%s"', (question) => {
    expect(liveInformationAsked(question)).toBeUndefined();
  });
});
