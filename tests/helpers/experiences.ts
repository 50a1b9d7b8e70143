import { formatKbRecord } from '../../src/knowledge/experiences/kb-format-writing.ts';
import type { ExperienceRecord } from '../../src/knowledge/experiences/experience.ts';

let counter = 0;

/** A valid trilingual kb-format record; pass only what the test cares about. */
export function anExperience(overrides: Partial<ExperienceRecord> = {}): ExperienceRecord {
  counter += 1;
  const n = String(counter).padStart(4, '0');
  return {
    id: `exp-test-${n}`,
    language: 'fa',
    country: 'IR',
    industry: 'food',
    title: `پرداخت به تأمین‌کننده چینی ${n}`,
    problem: 'بانک ما راهی برای حواله مستقیم به چین نداشت.',
    solution: 'با یک صرافی دارای مجوز قرارداد بستیم و به یوآن پرداخت کردیم.',
    outcome: 'پول در ۵ روز کاری رسید.',
    tags: ['payment', 'exchange-house'],
    contributor: { name: 'مهدی رضایی', company: 'نگین پارس', city: 'تهران' },
    translations: {
      zh: {
        title: `通过换汇所向中国供应商付款 ${n}`,
        problem: '我们的银行无法直接汇款到中国。',
        solution: '我们与持牌换汇所签约，用人民币付款。',
        outcome: '五个工作日到账。',
      },
      en: {
        title: `Paying a Chinese supplier through an exchange house ${n}`,
        problem: 'Our bank could not wire money to China.',
        solution: 'We paid in yuan through a licensed exchange house.',
        outcome: 'The money arrived in 5 working days.',
      },
    },
    ...overrides,
  };
}

/** Records as the lines of a kb-format file (with the trailing newline export writes). */
export function kbLines(records: readonly (ExperienceRecord | string)[]): string {
  return records.map((r) => (typeof r === 'string' ? r : formatKbRecord(r))).join('\n') + '\n';
}
