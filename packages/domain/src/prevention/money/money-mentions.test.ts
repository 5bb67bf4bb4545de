import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { CurrencyCode, PayPeriod } from './currencies.js';
import { findMoneyMentions } from './money-mentions.js';

interface Expected {
  readonly amount: number;
  readonly upTo?: number;
  readonly currency?: CurrencyCode;
  readonly period?: PayPeriod;
  readonly impliedCurrency?: CurrencyCode;
}

const only = (text: string) => {
  const mentions = findMoneyMentions(text);
  expect(mentions, `${text} → ${JSON.stringify(mentions)}`).toHaveLength(1);
  const [mention] = mentions;
  if (mention === undefined) throw new Error('no mention');
  return mention;
};

const reads = (mention: ReturnType<typeof only>): Expected => ({
  amount: mention.amount,
  ...(mention.upTo === undefined ? {} : { upTo: mention.upTo }),
  ...(mention.currency === undefined ? {} : { currency: mention.currency }),
  ...(mention.period === undefined ? {} : { period: mention.period }),
  ...(mention.impliedCurrency === undefined ? {} : { impliedCurrency: mention.impliedCurrency }),
});

describe('findMoneyMentions reads the amounts ads are written in', () => {
  test.each<[string, Expected]>([
    // Thai
    ['35,000 THB', { amount: 35_000, currency: 'THB' }],
    ['฿35,000', { amount: 35_000, currency: 'THB' }],
    ['35000 บาท', { amount: 35_000, currency: 'THB' }],
    ['3 หมื่นบาท', { amount: 30_000, currency: 'THB' }],
    ['3.5 หมื่น', { amount: 35_000, impliedCurrency: 'THB' }],
    ['เงินเดือน ๓๕,๐๐๐ บาท', { amount: 35_000, currency: 'THB', period: 'month' }],
    ['เงินเดือน 15,000-20,000 บาท/เดือน', { amount: 15_000, upTo: 20_000, currency: 'THB', period: 'month' }],
    ['ค่าแรงวันละ 400 บาท', { amount: 400, currency: 'THB', period: 'day' }],
    ['รายได้ 3 หมื่น 5 พันบาทต่อเดือน', { amount: 35_000, currency: 'THB', period: 'month' }],
    // Indonesian and Malay
    ['Rp 15 juta', { amount: 15_000_000, currency: 'IDR' }],
    ['Rp15.000.000', { amount: 15_000_000, currency: 'IDR' }],
    ['15jt', { amount: 15_000_000, impliedCurrency: 'IDR' }],
    ['gaji 3,5 juta per bulan', { amount: 3_500_000, period: 'month', impliedCurrency: 'IDR' }],
    ['Rp 5.000.000,- s/d Rp 8.000.000,-', { amount: 5_000_000, upTo: 8_000_000, currency: 'IDR' }],
    ['gaji 500rb/hari', { amount: 500_000, period: 'day', impliedCurrency: 'IDR' }],
    ['RM 8k', { amount: 8_000, currency: 'MYR' }],
    ['RM8,000', { amount: 8_000, currency: 'MYR' }],
    ['gaji RM3500 sebulan', { amount: 3_500, currency: 'MYR', period: 'month' }],
    ['RM 1,700 – RM 2,200', { amount: 1_700, upTo: 2_200, currency: 'MYR' }],
    ['RM3000 hingga RM5000 sebulan', { amount: 3_000, upTo: 5_000, currency: 'MYR', period: 'month' }],
    // Dollars
    ['$1,200/month', { amount: 1_200, currency: 'USD', period: 'month' }],
    ['USD 1500-2000', { amount: 1_500, upTo: 2_000, currency: 'USD' }],
    ['800-1200$', { amount: 800, upTo: 1_200, currency: 'USD' }],
    ['1.5k USD', { amount: 1_500, currency: 'USD' }],
    ['USDT 1500', { amount: 1_500, currency: 'USD' }],
    ['$1500 - $3000 per month', { amount: 1_500, upTo: 3_000, currency: 'USD', period: 'month' }],
    ['USD1,500.50 a week', { amount: 1_500.5, currency: 'USD', period: 'week' }],
    ['$12/hr', { amount: 12, currency: 'USD', period: 'hour' }],
    ['S$ 3,000', { amount: 3_000, currency: 'SGD' }],
    ['NT$ 20,000+', { amount: 20_000, currency: 'TWD' }],
    ['HK$4,990 monthly', { amount: 4_990, currency: 'HKD', period: 'month' }],
    ['AED 2,500 per month', { amount: 2_500, currency: 'AED', period: 'month' }],
    ['60,000 USD per year', { amount: 60_000, currency: 'USD', period: 'year' }],
    // Vietnamese
    ['15 triệu', { amount: 15_000_000, impliedCurrency: 'VND' }],
    ['15tr', { amount: 15_000_000, impliedCurrency: 'VND' }],
    ['15-25 triệu/tháng', { amount: 15_000_000, upTo: 25_000_000, period: 'month', impliedCurrency: 'VND' }],
    ['lương 20 triệu đồng', { amount: 20_000_000, currency: 'VND' }],
    ['lương 1tr5', { amount: 1_500_000, impliedCurrency: 'VND' }],
    ['15.000.000đ/tháng', { amount: 15_000_000, currency: 'VND', period: 'month' }],
    ['thu nhập 500k/ngày', { amount: 500_000, period: 'day' }],
    ['lương 1500 đô', { amount: 1_500, currency: 'USD' }],
    ['từ 8 đến 12 triệu mỗi tháng', { amount: 8_000_000, upTo: 12_000_000, period: 'month', impliedCurrency: 'VND' }],
    // Filipino and Taglish
    ['₱50,000', { amount: 50_000, currency: 'PHP' }],
    ['PHP 50k a month', { amount: 50_000, currency: 'PHP', period: 'month' }],
    ['sahod P25,000 kada buwan', { amount: 25_000, currency: 'PHP', period: 'month' }],
    ['sweldo 18,000 pesos', { amount: 18_000, currency: 'PHP' }],
    ['50k per month', { amount: 50_000, period: 'month' }],
    // Chinese
    ['月薪2万', { amount: 20_000, period: 'month' }],
    ['月薪 15000 元', { amount: 15_000, currency: 'CNY', period: 'month' }],
    ['底薪8000+提成', { amount: 8_000 }],
    ['2万-3万', { amount: 20_000, upTo: 30_000 }],
    ['2-3万', { amount: 20_000, upTo: 30_000 }],
    ['1.2万美金', { amount: 12_000, currency: 'USD' }],
    ['月薪3000U', { amount: 3_000, currency: 'USD', period: 'month' }],
    ['月薪一万五', { amount: 15_000, period: 'month' }],
    ['薪资两万美金', { amount: 20_000, currency: 'USD' }],
    ['月薪1w5', { amount: 15_000, period: 'month' }],
    ['日薪500元', { amount: 500, currency: 'CNY', period: 'day' }],
    ['１５０００元／月', { amount: 15_000, currency: 'CNY', period: 'month' }],
    // Burmese, Khmer and Lao
    ['လစာ ၁၅ သိန်း', { amount: 1_500_000, period: 'month', impliedCurrency: 'MMK' }],
    ['လစာ သိန်း ၂၀', { amount: 2_000_000, period: 'month', impliedCurrency: 'MMK' }],
    ['ကျပ် ၈၀၀,၀၀၀', { amount: 800_000, currency: 'MMK' }],
    ['ကျပ် ၈ဝဝ,ဝဝဝ', { amount: 800_000, currency: 'MMK' }],
    ['လစာ ဒေါ်လာ ၁၅၀၀', { amount: 1_500, currency: 'USD', period: 'month' }],
    ['ប្រាក់ខែ ៨០០ ដុល្លារ', { amount: 800, currency: 'USD', period: 'month' }],
    ['ເງິນເດືອນ ໓,໕໐໐,໐໐໐ ກີບ', { amount: 3_500_000, currency: 'LAK', period: 'month' }],
    ['៤០០,០០០ រៀល', { amount: 400_000, currency: 'KHR' }],
    ['ကျပ်သိန်း ၃၀ လစာ', { amount: 3_000_000, currency: 'MMK', period: 'month' }],
    ['ဝင်ငွေ ဘတ် ၁၅၀၀၀', { amount: 15_000, currency: 'THB' }],
    ['ប្រាក់ខែ ៣០០-៥០០$', { amount: 300, upTo: 500, currency: 'USD', period: 'month' }],
    // Written other ways
    ['50\u00a0000 บาท', { amount: 50_000, currency: 'THB' }],
    ['Rp. 3.000.000,-/bulan', { amount: 3_000_000, currency: 'IDR', period: 'month' }],
    ['Salary RM2.5k - RM3k', { amount: 2_500, upTo: 3_000, currency: 'MYR' }],
    ['¥200,000円', { amount: 200_000, currency: 'JPY' }],
    ['190.000 yên/tháng', { amount: 190_000, currency: 'JPY', period: 'month' }],
    ['Lương 190.000 Yên/tháng', { amount: 190_000, currency: 'JPY', period: 'month' }],
    ['lương 190.000 yên Nhật mỗi tháng', { amount: 190_000, currency: 'JPY', period: 'month' }],
    ['200,000円/月', { amount: 200_000, currency: 'JPY', period: 'month' }],
    ['200,000 yen a month', { amount: 200_000, currency: 'JPY', period: 'month' }],
    ['JPY 200,000', { amount: 200_000, currency: 'JPY' }],
    ['月薪2万（人民币）', { amount: 20_000, currency: 'CNY', period: 'month' }],
    ['月薪2万(人民币)', { amount: 20_000, currency: 'CNY', period: 'month' }],
    ['月薪2-3万（人民币）', { amount: 20_000, upTo: 30_000, currency: 'CNY', period: 'month' }],
    ['Salary 1,500 (USD) per month', { amount: 1_500, currency: 'USD', period: 'month' }],
    ['QAR 1,800 a month', { amount: 1_800, currency: 'QAR', period: 'month' }],
    ['KWD 120 per month', { amount: 120, currency: 'KWD', period: 'month' }],
    ['salary 1,500 Saudi riyals', { amount: 1_500, currency: 'SAR' }],
    ['MOP 7,072 per month', { amount: 7_072, currency: 'MOP', period: 'month' }],
    ['hourly rate 150', { amount: 150, period: 'hour' }],
    ['Gaji 2000', { amount: 2_000 }],
    ['Visa fee 500', { amount: 500 }],
    ['sweldo: 25k', { amount: 25_000 }],
    ['年薪30万', { amount: 300_000, period: 'year' }],
    ['ค่าตอบแทน 25,000+ บาท', { amount: 25_000, currency: 'THB' }],
    ['lương 15tr/th', { amount: 15_000_000, period: 'month', impliedCurrency: 'VND' }],
    ['gaji 4-6 jt/bln', { amount: 4_000_000, upTo: 6_000_000, period: 'month', impliedCurrency: 'IDR' }],
    ['1000 - 1500 USD', { amount: 1_000, upTo: 1_500, currency: 'USD' }],
    ['100 USDT/day', { amount: 100, currency: 'USD', period: 'day' }],
    ['Earn 50,000 to 100,000 pesos monthly!!!', { amount: 50_000, upTo: 100_000, currency: 'PHP', period: 'month' }],
    ['เดือนละ 2 หมื่น', { amount: 20_000, period: 'month', impliedCurrency: 'THB' }],
  ])('%s', (text, expected) => {
    expect(reads(only(text))).toEqual(expected);
  });
});

describe('findMoneyMentions leaves out numbers that are not money', () => {
  test.each([
    ['Tuyển 50 người'],
    ['độ tuổi 18-35 tuổi'],
    ['Age 18-35, height 160cm'],
    ['Call 0812-3456-7890'],
    ['WhatsApp +66 81 234 5678'],
    ['Founded in 2024'],
    ['Lowongan 2025'],
    ['Work 8 hours a day, 6 days a week'],
    ['10k followers on our page'],
    ['Experience 2 years'],
    ['รับสมัคร 20 อัตรา อายุ 20-40 ปี'],
    ['招聘20名，年龄18-35岁'],
    ['Room 501, floor 12'],
    ['Ngày 15/10/2024'],
    ['Contact 66812345678'],
    ['2万人参加'],
    ['Lương tháng 13'],
    ['Line ID abc1500'],
    ['tahun 2000 gaji'],
    ['2,500 people applied'],
    ['Call 09-123-4567 for salary'],
    ['KCN số 2 Đồng Nai'],
    ['Working hours 9am-6pm'],
    ['ทำงาน 8.00-17.00 น.'],
    ['Bonus 13th month'],
    ['Top 10 company since 1998'],
    ['Job code: JO-2025-0042'],
    ['Tel: (02) 8123 4567'],
    ['Agency license No. POEA-123-LB-456789'],
    ['Flight Manila-Bangkok-Mae Sot, 3 hours by car'],
    ['yên tâm làm việc lâu dài'],
  ])('%s', (text) => {
    expect(findMoneyMentions(text)).toEqual([]);
  });
});

describe('findMoneyMentions in whole ads', () => {
  test('reports offsets into the text given, so the mention can be shown in place', () => {
    const text = 'Tuyển 50 người, 18-35 tuổi. Lương 15-25 triệu/tháng, bao ăn ở. LH 0912 345 678';
    const [mention, ...others] = findMoneyMentions(text);
    expect(others).toEqual([]);
    expect(mention).toMatchObject({ amount: 15_000_000, upTo: 25_000_000, period: 'month', text: '15-25 triệu/tháng' });
    expect(text.slice(mention?.start, mention?.end)).toBe('15-25 triệu/tháng');
  });

  test('finds every salary in a mixed-language ad and none of its other numbers', () => {
    const text =
      'URGENT!! Customer service Cambodia 🇰🇭 Gaji USD 1500-3000/bulan, no experience. ' +
      'Umur 18-35 tahun. 月薪2万 包吃住. Contact WA +855 12 345 678, telegram @jobs2024';
    expect(findMoneyMentions(text).map(reads)).toEqual([
      { amount: 1_500, upTo: 3_000, currency: 'USD', period: 'month' },
      { amount: 20_000, period: 'month' },
    ]);
  });

  test('reads a Burmese ad, its lakh range, and not its ages or phone number', () => {
    const text = 'မြဝတီ ကုမ္ပဏီ။ လစာ ၁၅ သိန်း မှ ၂၀ သိန်း အထိ။ အသက် ၁၈ နှစ် မှ ၃၅ နှစ်။ ဖုန်း ၀၉၄၅၆၇၈၉၀၁';
    expect(findMoneyMentions(text).map(reads)).toEqual([
      { amount: 1_500_000, upTo: 2_000_000, period: 'month', impliedCurrency: 'MMK' },
    ]);
  });

  test('reads a Chinese ad with a range in 万 and a base salary, and not its ages', () => {
    const text = '高薪招聘客服，月薪1.5万-3万，包吃包住，底薪8000+提成，年龄18-35岁，无需经验。联系微信：abc12345';
    expect(findMoneyMentions(text).map(reads)).toEqual([
      { amount: 15_000, upTo: 30_000, period: 'month' },
      { amount: 8_000 },
    ]);
  });

  test('a currency in brackets belongs to the amount before it only when the bracket closes after it', () => {
    expect(findMoneyMentions('Gaji 2000 (USD 500 deposit)').map(reads)).toEqual([
      { amount: 2_000 },
      { amount: 500, currency: 'USD' },
    ]);
  });

  test('a pay word after an amount makes it money too', () => {
    expect(findMoneyMentions('Salary 1500 + 500 bonus').map(reads)).toEqual([{ amount: 1_500 }, { amount: 500 }]);
  });

  test('a pay word reaches a number only within its sentence', () => {
    expect(findMoneyMentions('Good salary!\n500 staff').map(reads)).toEqual([]);
    expect(findMoneyMentions('Salary 1500').map(reads)).toEqual([{ amount: 1_500 }]);
  });

  test('keeps a salary next to a pay word even when a head count follows', () => {
    const mentions = findMoneyMentions('lương cao 15 triệu, tuyển 20 nữ');
    expect(mentions.map(reads)).toEqual([{ amount: 15_000_000, impliedCurrency: 'VND' }]);
  });

  test('never throws and keeps offsets inside the text, whatever it is given', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        for (const mention of findMoneyMentions(text)) {
          expect(mention.start).toBeGreaterThanOrEqual(0);
          expect(mention.end).toBeLessThanOrEqual(text.length);
          expect(text.slice(mention.start, mention.end)).toBe(mention.text);
          expect(mention.amount).toBeGreaterThan(0);
        }
      }),
    );
  });

  test('a written amount with a currency is always read back', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 10_000, max: 999_999_999 }),
        fc.constantFrom('USD ', 'RM', '฿', 'Rp ', '₱'),
        (amount, sign) => {
          const [mention] = findMoneyMentions(`Salary: ${sign}${amount.toLocaleString('en-US')} per month`);
          expect(mention?.amount).toBe(amount);
          expect(mention?.period).toBe('month');
        },
      ),
    );
  });
});

describe('findMoneyMentions takes time in proportion to the text, whatever it is given', () => {
  // A hang or a blow-up on these would trip the test timeout: the endpoint reads up to 20,000 characters.
  test.each<[string, string, number]>([
    ['"1,1,1,…"', '1,'.repeat(10_000), 0],
    ['"1111…"', '1'.repeat(20_000), 0],
    ['"万万万…"', '万'.repeat(20_000), 0],
    ['"$$$…"', '$'.repeat(20_000), 0],
    ['Burmese digits', '၁'.repeat(20_000), 0],
    ['Burmese digits and the letter wa', '၁ဝ'.repeat(10_000), 0],
    ['digits and spaces', '1 '.repeat(10_000), 0],
    ['zeros and spaces, like a phone number that never ends', '0 '.repeat(10_000), 0],
    ['Chinese digits with no unit', '一'.repeat(20_000), 0],
    ['"1.1.1.…"', '1.'.repeat(10_000), 0],
    ['"5-5-5-…"', '5-'.repeat(10_000), 0],
    ['"RM1 RM1 …"', 'RM1 '.repeat(5_000), 0],
    ['"+(+(…"', '+('.repeat(10_000), 0],
    ['spaces', ' '.repeat(20_000), 0],
    ['a pay word and an amount, over and over', 'salary 500 '.repeat(1_818), 1_818],
    ['"1万1万…"', '1万'.repeat(10_000), 10_000],
  ])('%s', (_label, text, count) => {
    const mentions = findMoneyMentions(text);
    expect(mentions).toHaveLength(count);
    for (const mention of mentions) expect(text.slice(mention.start, mention.end)).toBe(mention.text);
  });
});
