import { describe, expect, it } from 'vitest';
import { testDatabases } from '../../helpers/db.ts';
import { anExperience } from '../../helpers/experiences.ts';
import { retrieversOver } from './support.ts';

/**
 * A question naming a thing of several words (letter of credit, 进口许可证) asks about that thing:
 * a story holding one of its words for something else (a credit code, an operating licence next
 * to an importer) is not about it, and the story that names the thing comes first.
 */
describe.each(testDatabases())('a thing of several words asked about, on $name', (database) => {
  const retrievers = retrieversOver(database, () => [
    anExperience({
      id: 'credit-code-fa',
      language: 'fa',
      tags: ['distributor', 'credit-check', 'china-market'],
      title: 'بررسی سابقه پخش‌کننده چینی پیش از امضای قرارداد',
      problem: 'یک پخش‌کننده در چین نمایندگی انحصاری پسته ما را در همه چین می‌خواست.',
      solution: 'کد اعتباری یکپارچه اجتماعی شرکت را در سامانه اعتبار شرکت‌های چین پیدا کردیم: هفت ماه سابقه و یک کارمند.',
      outcome: 'به جای انحصار، قرارداد آزمایشی یک‌ساله بستیم.',
      translations: {
        en: {
          title: 'Checking a Chinese distributor before signing',
          problem: 'A distributor in China wanted exclusivity for our pistachios in all of China.',
          solution: "We looked up its unified social credit code in China's enterprise credit system: seven months old, one employee.",
          outcome: 'We signed a one-year trial instead.',
        },
        zh: {
          title: '签约前核查一家中国经销商',
          problem: '一家中国经销商想在全中国独家代理我们的开心果。',
          solution: '我们在国家企业信用信息公示系统查了它的统一社会信用代码：成立七个月，只有一名员工。',
          outcome: '我们改签了一年的试用合同。',
        },
      },
    }),
    anExperience({
      id: 'letter-of-credit-fa',
      language: 'fa',
      tags: ['payment', 'machinery'],
      translations: {},
      title: 'خرید دستگاه بافندگی با اعتبار اسنادی',
      problem: 'فروشنده پیش‌پرداخت کامل می‌خواست و ما به او اعتماد نداشتیم.',
      solution: 'در بانک اعتبار اسنادی باز کردیم و پرداخت را به ارائه بارنامه و گواهی بازرسی گره زدیم.',
      outcome: 'دستگاه رسید و پول بعد از تطبیق اسناد پرداخت شد.',
    }),
    anExperience({
      id: 'customs-registration-zh',
      language: 'zh',
      translations: {},
      title: '伊朗椰枣包装厂在中国海关办理注册',
      problem: '成都的进口商要求我们这家伊朗包装厂先在中国海关注册。',
      solution: '我们准备了生产经营许可证、HACCP证书和车间平面图，由官方机构推荐注册。',
      outcome: '四个月后注册获批。',
    }),
    anExperience({
      id: 'import-licence-fa',
      language: 'fa',
      translations: {},
      title: 'گرفتن مجوز واردات قطعات از چین برای ایران',
      problem: 'برای ترخیص قطعات در ایران مجوز واردات لازم بود و پرونده ما ماه‌ها ماند.',
      solution: 'مدارک را از طریق انجمن صنفی کامل کردیم و مجوز واردات را پیش از حمل گرفتیم.',
    }),
    anExperience({ id: 'exchange-house-fa' }),
  ]);

  it.each([
    // "credit" (and اعتبار, 信用) alone is the credit code; the Persian story says اعتبار اسنادی.
    ['letter of credit for china', 'letter-of-credit-fa'],
    // The registration story holds 进口 (importer) and 许可证 (operating licence) apart, never 进口许可证.
    ['伊朗进口许可证怎么办', 'import-licence-fa'],
  ])('finds the story "%s" asks about first', async (text, expected) => {
    for (const [name, retriever] of retrievers) {
      const result = await retriever.search({ text });
      expect(result.hits[0]?.externalId, name).toBe(expected);
    }
  });
});
