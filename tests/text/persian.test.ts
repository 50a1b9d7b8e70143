import { describe, expect, it } from 'vitest';
import { searchTokens } from '../../src/text/tokenize.ts';

const fa = (text: string): string[] => searchTokens(text, 'fa');
const shared = (a: string, b: string): string[] => {
  const other = new Set(fa(b));
  return [...new Set(fa(a))].filter((t) => other.has(t));
};

describe('Persian search tokens', () => {
  it('a question typed colloquially matches the formal text it is about', () => {
    const spoken = fa('میخوام پولو به کارخونه چینی بفرستم');
    const written = fa('می‌خواهم پول را به کارخانه چینی بفرستم');
    expect(spoken).toEqual(written);
    expect(written.length).toBeGreaterThanOrEqual(3);
  });

  it('spoken and written forms of everyday words and verbs meet', () => {
    const pairs: [string, string][] = [
      ['کارخونه', 'کارخانه'],
      ['کارخونمون', 'کارخانه‌مان'],
      ['خونه', 'خانه'],
      ['نون', 'نان'],
      ['زمستونا', 'زمستان‌ها'],
      ['گرونه', 'گران'],
      ['میگه', 'می‌گوید'],
      ['میخوان', 'می‌خواهند'],
      ['میدن', 'می‌دهند'],
      ['میتونیم', 'می‌توانیم'],
      ['طول میکشه', 'طول می‌کشد'],
      ['مشتریامون', 'مشتریان ما'],
      ['قیمتو', 'قیمت را'],
      ['برندمونو', 'برند ما را'],
      ['گمرکیش', 'گمرکی آن'],
      ['هزینش', 'هزینه‌اش'],
      ['اجباریه', 'اجباری است'],
      ['به اسم خودشون ثبت کردن', 'به نام خودشان ثبت کردند'],
      ['اسم شرکتشون', 'نام شرکتشان'],
    ];
    for (const [spoken, written] of pairs) expect(fa(spoken), `${spoken} / ${written}`).toEqual(fa(written));
  });

  it('different tenses and persons of a verb meet on one token', () => {
    const forms = ['می‌فرستیم', 'میفرستن', 'فرستادیم', 'بفرستم', 'نفرستادند', 'فرستاده‌ایم'];
    const tokens = forms.map((f) => fa(f));
    for (const t of tokens) expect(t).toEqual(tokens[0]);
    expect(tokens[0]).toHaveLength(1);
  });

  it('half-space, no space and a full space give the same tokens', () => {
    for (const variants of [
      ['می خوام کتاب ها', 'میخوام کتابها', 'می‌خوام کتاب‌ها'],
      ['دستگاه های بسته بندی', 'دستگاه‌های بسته‌بندی', 'دستگاههای بستهبندی'],
      ['تامین کننده ها', 'تامین‌کننده‌ها'],
    ]) {
      const [first, ...rest] = variants.map(fa);
      for (const other of rest) expect(other).toEqual(first);
      expect(first?.length).toBeGreaterThan(0);
    }
  });

  it('nouns that begin with می are not taken for verbs when they carry a plural or possessive', () => {
    for (const [noun, forms] of [
      ['میوه', ['میوه‌ها', 'میوهها', 'میوه ها', 'میوه‌جات', 'میوه‌های']],
      ['میلیون', ['میلیون‌ها', 'میلیونها']],
      ['میگو', ['میگوها', 'میگوی']],
    ] as const) {
      for (const form of forms) expect(fa(form), form).toEqual(fa(noun));
    }
    // …while می + a verb still is one: میزنم is a form of زدن, not "my table".
    expect(fa('میزنم')).toEqual(fa('می‌زنم'));
    expect(fa('میزنم')).not.toEqual(fa('میز'));
    expect(shared('صادرات میوه‌های خشک به چین', 'صادرکننده میوه خشک')).toEqual(expect.arrayContaining(fa('میوه')));
  });

  it('Arabic letter variants, diacritics, tatweel and odd hamza spellings do not matter', () => {
    expect(fa('كارخانة ي')).toEqual(fa('کارخانه ی'));
    expect(fa('مُشتَرِیٌ')).toEqual(fa('مشتری'));
    expect(fa('پـــــول')).toEqual(fa('پول'));
    expect(fa('تأمین')).toEqual(fa('تامین'));
    expect(fa('خانهٔ ما')).toEqual(fa('خانه ما'));
  });

  it('Persian and Arabic-Indic digits become ASCII number tokens', () => {
    expect(fa('۴۸ هزار دلار در ۱۴۰۳')).toEqual(expect.arrayContaining(['48', '1403']));
    expect(fa('٤٥ روز')).toContain('45');
    expect(fa('حدود ۱٫۸ درصد')).toContain('1.8');
    expect(fa('۴۸٬۰۰۰ دلار')).toContain('48000');
  });

  it('stop words do not become tokens, and no word is stripped to nothing', () => {
    expect(fa('و در به از که این را با برای ما یک است هم')).toEqual([]);
    expect(fa('ازمون چجوری اینو واسه')).toEqual([]);
    for (const t of fa('ها ما تا پا دو سه راه ماه بار نامه')) expect(t.length).toBeGreaterThanOrEqual(2);
    expect(fa('نامه')).not.toEqual(fa('نام'));
    expect(fa('فروش')).toEqual(fa('فروش‌ها'));
    expect(fa('ارزش')).not.toEqual(fa('ارز'));
  });

  it('Latin words inside a Persian sentence keep their own tokens', () => {
    const tokens = fa('چند تا فرز CNC از چین گرفتیم و گواهی CIQ نداشت');
    expect(tokens).toEqual(expect.arrayContaining(['cnc', 'ciq']));
    expect(tokens).toEqual(expect.arrayContaining(fa('چین')));
  });

  it('real member questions share their topic words with the experience they need', () => {
    expect(
      shared(
        'یه خریدار چینی زعفران ازمون میخواد ولی میگه بدون شماره ثبت گمرک چین رو بسته‌بندی، بار ترخیص نمیشه',
        'کد ثبت گمرک چین باید روی بسته‌بندی زعفران درج شود، وگرنه محموله ترخیص نمی‌شود.',
      ),
    ).toEqual(expect.arrayContaining(fa('زعفران ثبت گمرک چین بسته‌بندی ترخیص')));
    expect(shared('کارخونمون نقدینگی نداره و مشتریامون پولشونو دیر میدن', 'کارخانه ما نقدینگی ندارد و مشتریان پول خود را دیر می‌دهند')).toEqual(
      expect.arrayContaining(fa('کارخانه نقدینگی مشتری پول')),
    );
  });
});
