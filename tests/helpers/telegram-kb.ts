import type { ExperienceRecord, Industry } from '../../src/knowledge/experiences/experience.ts';

type Topic = [Industry, { en: [string, string, string]; fa: [string, string, string]; zh: [string, string, string] }];

// Topics that share no words with the payment and inspection questions of the bot tests.
const TOPICS: Topic[] = [
  [
    'agriculture',
    {
      en: ['Packaging saffron for retail shelves', 'Retailers rejected our bulk saffron tins.', 'We moved to sealed glass jars of one gram.'],
      fa: ['بسته‌بندی زعفران برای قفسهٔ فروشگاه', 'فروشگاه‌ها قوطی‌های فله‌ای زعفران را نپذیرفتند.', 'به شیشه‌های دربستهٔ یک‌گرمی رو آوردیم.'],
      zh: ['藏红花零售包装', '零售商拒收散装铁罐。', '改用一克密封玻璃瓶。'],
    },
  ],
  [
    'textiles',
    {
      en: ['Dyeing cotton without fading', 'Colours faded after three washes.', 'We switched to reactive dyes and longer fixing.'],
      fa: ['رنگرزی پنبه بدون رنگ‌پریدگی', 'رنگ پس از سه شست‌وشو می‌رفت.', 'به رنگ‌های راکتیو و تثبیت طولانی‌تر رفتیم.'],
      zh: ['棉布染色不褪色', '洗三次后颜色变浅。', '改用活性染料并延长固色。'],
    },
  ],
  [
    'logistics',
    {
      en: ['Rail freight through Kazakhstan', 'Sea freight took nine weeks.', 'We booked rail wagons via Almaty.'],
      fa: ['بار ریلی از مسیر قزاقستان', 'حمل دریایی نه هفته طول کشید.', 'واگن ریلی از مسیر آلماتی رزرو کردیم.'],
      zh: ['经哈萨克斯坦铁路运输', '海运要九周。', '我们订了经阿拉木图的火车车皮。'],
    },
  ],
  [
    'machinery',
    {
      en: ['Spare parts for packaging lines', 'Imported spare parts took months.', 'We stocked critical parts locally.'],
      fa: ['قطعات یدکی خط بسته‌بندی', 'قطعات وارداتی ماه‌ها طول می‌کشید.', 'قطعات حیاتی را در انبار محلی نگه داشتیم.'],
      zh: ['包装线备件', '进口备件要等几个月。', '我们在本地储备关键备件。'],
    },
  ],
  [
    'food',
    {
      en: ['Halal labels for dairy', 'Buyers asked for halal marks.', 'We certified with a recognised body.'],
      fa: ['برچسب حلال برای لبنیات', 'خریداران نشان حلال خواستند.', 'از نهادی معتبر گواهی گرفتیم.'],
      zh: ['乳制品清真标签', '买家要求清真标志。', '我们通过认可机构认证。'],
    },
  ],
  [
    'software',
    {
      en: ['Localising an app interface', 'Users disliked machine wording.', 'We hired native reviewers.'],
      fa: ['بومی‌سازی رابط نرم‌افزار', 'کاربران عبارت‌های ماشینی را نپسندیدند.', 'بازبین‌های بومی استخدام کردیم.'],
      zh: ['软件界面本地化', '用户不喜欢机翻措辞。', '我们请了母语审校。'],
    },
  ],
  [
    'construction',
    {
      en: ['Tile breakage on long trucks', 'Many tiles arrived broken.', 'We added foam corners and pallets.'],
      fa: ['شکستن کاشی در کامیون', 'بسیاری از کاشی‌ها شکسته رسیدند.', 'گوشه‌های فومی و پالت اضافه کردیم.'],
      zh: ['长途卡车瓷砖破损', '很多瓷砖到货时碎了。', '我们加了泡沫护角和托盘。'],
    },
  ],
  [
    'energy',
    {
      en: ['Solar panels for a cold store', 'Power cuts spoiled stock.', 'We installed panels with batteries.'],
      fa: ['پنل خورشیدی برای سردخانه', 'قطعی برق کالا را خراب کرد.', 'پنل و باتری نصب کردیم.'],
      zh: ['冷库太阳能板', '停电导致存货变质。', '我们安装了带电池的光伏板。'],
    },
  ],
  [
    'pharma',
    {
      en: ['Cold chain for vaccines', 'Temperature logs had gaps.', 'We used data loggers in every box.'],
      fa: ['زنجیرهٔ سرد واکسن', 'ثبت دما جاافتادگی داشت.', 'در هر جعبه دماسنج ثبات گذاشتیم.'],
      zh: ['疫苗冷链', '温度记录有缺口。', '每箱放温度记录仪。'],
    },
  ],
  [
    'handicrafts',
    {
      en: ['Selling carpets at trade fairs', 'Visitors did not stop at our stand.', 'We showed weaving live.'],
      fa: ['فروش فرش در نمایشگاه', 'بازدیدکنندگان کنار غرفه نمی‌ایستادند.', 'بافت زنده نشان دادیم.'],
      zh: ['展会上卖地毯', '参观者不在展位停留。', '我们现场演示编织。'],
    },
  ],
  [
    'chemicals',
    {
      en: ['Storing solvents safely', 'A drum leaked in summer heat.', 'We built a ventilated shaded shed.'],
      fa: ['انبار ایمن حلال‌ها', 'یک بشکه در گرمای تابستان نشت کرد.', 'سوله‌ای سایه‌دار و تهویه‌دار ساختیم.'],
      zh: ['安全存放溶剂', '夏天高温一桶泄漏。', '我们建了通风遮阳棚。'],
    },
  ],
  [
    'automotive',
    {
      en: ['Warranty claims for brake pads', 'Dealers returned worn pads.', 'We trained mechanics on fitting.'],
      fa: ['ادعای گارانتی لنت ترمز', 'نمایندگی‌ها لنت‌های ساییده را پس دادند.', 'مکانیک‌ها را در نصب آموزش دادیم.'],
      zh: ['刹车片保修索赔', '经销商退回磨损刹车片。', '我们培训技师安装。'],
    },
  ],
];

/**
 * Unrelated trilingual experiences. A real knowledge base has many; retrieval weighs a term by
 * how rare it is, so a base of two experiences would make every word look common.
 */
export function unrelatedExperiences(copies = 2): ExperienceRecord[] {
  return TOPICS.flatMap(([industry, t], i) =>
    Array.from({ length: copies }, (_, c): ExperienceRecord => ({
      id: `exp-other-${i}-${c}`,
      language: 'en',
      country: c % 2 === 0 ? 'IR' : 'CN',
      industry,
      title: t.en[0],
      problem: t.en[1],
      solution: t.en[2],
      translations: {
        fa: { title: t.fa[0], problem: t.fa[1], solution: t.fa[2] },
        zh: { title: t.zh[0], problem: t.zh[1], solution: t.zh[2] },
      },
    })),
  );
}
