// The words around an amount of money in the region's job ads: currency names and symbols, number words
// ("juta", "triệu", "หมื่น", "万", "သိန်း"), pay periods, pay words, and the units that show a number is not money.
// Languages: English, Bahasa Indonesia, Malay, Thai, Vietnamese, Filipino, Chinese, Burmese, Khmer and Lao.
// Past 400 lines because it is word lists only; the reading itself is in money-mentions.ts.

import type { CurrencyCode, PayPeriod } from './currencies.js';
import { phraseTable } from './phrase-table.js';

/** Where a currency word may stand: before the number ("RM 8,000"), after it ("35,000 บาท"), or either. */
type Placement = 'before' | 'after' | 'either';

const currencyWords: readonly (readonly [string, CurrencyCode, Placement])[] = [
  // US dollars, and USDT (Tether), which scam recruiters pay in and which is pegged to the dollar.
  ['usd', 'USD', 'either'],
  ['us$', 'USD', 'either'],
  ['$', 'USD', 'either'],
  ['usdt', 'USD', 'either'],
  ['dollar', 'USD', 'after'],
  ['dollars', 'USD', 'after'],
  ['us dollars', 'USD', 'after'],
  ['dolar', 'USD', 'after'],
  ['dolyar', 'USD', 'after'],
  ['bucks', 'USD', 'after'],
  ['đô', 'USD', 'after'],
  ['đô la', 'USD', 'after'],
  ['đô la mỹ', 'USD', 'after'],
  ['美金', 'USD', 'either'],
  ['美元', 'USD', 'either'],
  ['美刀', 'USD', 'after'],
  ['刀', 'USD', 'after'],
  ['ดอลลาร์', 'USD', 'either'],
  ['ดอลล่าร์', 'USD', 'either'],
  ['ดอลลาร์สหรัฐ', 'USD', 'either'],
  ['ဒေါ်လာ', 'USD', 'either'],
  ['ដុល្លារ', 'USD', 'either'],
  ['ໂດລາ', 'USD', 'either'],
  // Thai baht.
  ['thb', 'THB', 'either'],
  ['฿', 'THB', 'either'],
  ['baht', 'THB', 'after'],
  ['bht', 'THB', 'after'],
  ['บาท', 'THB', 'after'],
  ['บ.', 'THB', 'after'],
  ['泰铢', 'THB', 'either'],
  ['泰銖', 'THB', 'either'],
  ['ဘတ်', 'THB', 'either'],
  ['ບາດ', 'THB', 'after'],
  // Malaysian ringgit.
  ['myr', 'MYR', 'either'],
  ['rm', 'MYR', 'either'],
  ['ringgit', 'MYR', 'after'],
  ['马币', 'MYR', 'either'],
  ['馬幣', 'MYR', 'either'],
  ['令吉', 'MYR', 'after'],
  // Indonesian rupiah.
  ['idr', 'IDR', 'either'],
  ['rp', 'IDR', 'before'],
  ['rp.', 'IDR', 'before'],
  ['rupiah', 'IDR', 'after'],
  ['印尼盾', 'IDR', 'after'],
  // Vietnamese đồng.
  ['vnd', 'VND', 'either'],
  ['vnđ', 'VND', 'either'],
  ['₫', 'VND', 'either'],
  ['đồng', 'VND', 'after'],
  ['dong', 'VND', 'after'],
  ['đ', 'VND', 'after'],
  ['越南盾', 'VND', 'after'],
  // Philippine peso ("P50,000" is handled with the case-sensitive words below).
  ['php', 'PHP', 'either'],
  ['₱', 'PHP', 'either'],
  ['peso', 'PHP', 'after'],
  ['pesos', 'PHP', 'after'],
  ['piso', 'PHP', 'after'],
  ['比索', 'PHP', 'after'],
  // Myanmar kyat.
  ['mmk', 'MMK', 'either'],
  ['kyat', 'MMK', 'either'],
  ['kyats', 'MMK', 'either'],
  ['ks', 'MMK', 'either'],
  ['ks.', 'MMK', 'before'],
  ['ကျပ်', 'MMK', 'either'],
  ['缅币', 'MMK', 'after'],
  ['緬幣', 'MMK', 'after'],
  // Cambodian riel.
  ['khr', 'KHR', 'either'],
  ['riel', 'KHR', 'after'],
  ['riels', 'KHR', 'after'],
  ['៛', 'KHR', 'either'],
  ['រៀល', 'KHR', 'after'],
  ['瑞尔', 'KHR', 'after'],
  // Lao kip.
  ['lak', 'LAK', 'either'],
  ['kip', 'LAK', 'after'],
  ['₭', 'LAK', 'either'],
  ['ກີບ', 'LAK', 'after'],
  ['基普', 'LAK', 'after'],
  // Chinese yuan: 元 and 块 are generic units, read as yuan; ¥ too, as Chinese-language ads use it for yuan.
  ['cny', 'CNY', 'either'],
  ['rmb', 'CNY', 'either'],
  ['yuan', 'CNY', 'after'],
  ['元', 'CNY', 'after'],
  ['块', 'CNY', 'after'],
  ['塊', 'CNY', 'after'],
  ['人民币', 'CNY', 'either'],
  ['人民幣', 'CNY', 'either'],
  ['¥', 'CNY', 'either'],
  // Singapore and Brunei dollars.
  ['sgd', 'SGD', 'either'],
  ['s$', 'SGD', 'either'],
  ['新币', 'SGD', 'either'],
  ['新幣', 'SGD', 'either'],
  ['新加坡元', 'SGD', 'after'],
  ['bnd', 'BND', 'either'],
  ['b$', 'BND', 'before'],
  // Others that ads for work further away quote.
  ['eur', 'EUR', 'either'],
  ['€', 'EUR', 'either'],
  ['euro', 'EUR', 'after'],
  ['euros', 'EUR', 'after'],
  ['欧元', 'EUR', 'after'],
  ['gbp', 'GBP', 'either'],
  ['£', 'GBP', 'either'],
  ['jpy', 'JPY', 'either'],
  ['yen', 'JPY', 'after'],
  ['yên', 'JPY', 'after'],
  ['yên nhật', 'JPY', 'after'],
  ['yen nhật', 'JPY', 'after'],
  ['yen nhat', 'JPY', 'after'],
  ['円', 'JPY', 'after'],
  ['日元', 'JPY', 'after'],
  ['日圆', 'JPY', 'after'],
  ['日圓', 'JPY', 'after'],
  ['日币', 'JPY', 'after'],
  ['日幣', 'JPY', 'after'],
  ['เยน', 'JPY', 'after'],
  ['krw', 'KRW', 'either'],
  ['₩', 'KRW', 'either'],
  ['won', 'KRW', 'after'],
  ['원', 'KRW', 'after'],
  ['韩元', 'KRW', 'after'],
  ['韓元', 'KRW', 'after'],
  ['twd', 'TWD', 'either'],
  ['nt$', 'TWD', 'either'],
  ['ntd', 'TWD', 'either'],
  ['台币', 'TWD', 'either'],
  ['台幣', 'TWD', 'either'],
  ['新台币', 'TWD', 'either'],
  ['新台幣', 'TWD', 'either'],
  ['hkd', 'HKD', 'either'],
  ['hk$', 'HKD', 'either'],
  ['港币', 'HKD', 'either'],
  ['港幣', 'HKD', 'either'],
  ['港元', 'HKD', 'after'],
  ['mop', 'MOP', 'either'],
  ['mop$', 'MOP', 'before'],
  ['澳门币', 'MOP', 'after'],
  ['澳門幣', 'MOP', 'after'],
  ['aud', 'AUD', 'either'],
  ['a$', 'AUD', 'before'],
  ['au$', 'AUD', 'before'],
  ['aed', 'AED', 'either'],
  ['dhs', 'AED', 'either'],
  ['dirham', 'AED', 'after'],
  ['dirhams', 'AED', 'after'],
  ['迪拉姆', 'AED', 'after'],
  ['sar', 'SAR', 'either'],
  ['riyal', 'SAR', 'after'],
  ['riyals', 'SAR', 'after'],
  ['saudi riyal', 'SAR', 'after'],
  ['saudi riyals', 'SAR', 'after'],
  ['沙特里亚尔', 'SAR', 'after'],
  ['qar', 'QAR', 'either'],
  ['qr', 'QAR', 'either'],
  ['qatari riyal', 'QAR', 'after'],
  ['qatari riyals', 'QAR', 'after'],
  ['kwd', 'KWD', 'either'],
  ['kd', 'KWD', 'before'],
  ['kuwaiti dinar', 'KWD', 'after'],
  ['kuwaiti dinars', 'KWD', 'after'],
  ['inr', 'INR', 'either'],
  ['₹', 'INR', 'either'],
  ['rs', 'INR', 'either'],
  ['rs.', 'INR', 'before'],
  ['rupee', 'INR', 'after'],
  ['rupees', 'INR', 'after'],
  ['bdt', 'BDT', 'either'],
  ['৳', 'BDT', 'either'],
  ['taka', 'BDT', 'after'],
  ['npr', 'NPR', 'either'],
  ['lkr', 'LKR', 'either'],
  ['pkr', 'PKR', 'either'],
];

const isBefore = ([, , placement]: readonly [string, CurrencyCode, Placement]) => placement !== 'after';
const isAfter = ([, , placement]: readonly [string, CurrencyCode, Placement]) => placement !== 'before';
const withoutPlacement = ([phrase, code]: readonly [string, CurrencyCode, Placement]) => [phrase, code] as const;

/** Currency words written before an amount. */
export const currenciesBefore = phraseTable(currencyWords.filter(isBefore).map(withoutPlacement));
/** Currency words written after an amount. */
export const currenciesAfter = phraseTable(currencyWords.filter(isAfter).map(withoutPlacement));
/** "P50,000" (pesos) only with a capital P straight before the digits. */
export const currenciesBeforeCaseSensitive = phraseTable([['P', 'PHP' as CurrencyCode]], { caseSensitive: true });
/** "3000U" (USDT, in Chinese-language scam ads) only with a capital U. */
export const currenciesAfterCaseSensitive = phraseTable([['U', 'USD' as CurrencyCode]], { caseSensitive: true });

export interface NumberWord {
  readonly value: number;
  /** Whether the word alone makes a number money: "15 triệu" is pay, "15k" may be followers. */
  readonly impliesMoney: boolean;
  /** The currency the word is nearly always counting when none is written ("15 သိန်း" is lakhs of kyat). */
  readonly impliedCurrency?: CurrencyCode;
}

const word = (value: number, impliesMoney: boolean, impliedCurrency?: CurrencyCode): NumberWord =>
  impliedCurrency === undefined ? { value, impliesMoney } : { value, impliesMoney, impliedCurrency };

const numberWordEntries: readonly (readonly [string, NumberWord])[] = [
  ['k', word(1e3, false)],
  ['thousand', word(1e3, false)],
  ['million', word(1e6, false)],
  ['mil', word(1e6, false)],
  ['mn', word(1e6, false)],
  ['lakh', word(1e5, true)],
  ['lakhs', word(1e5, true)],
  ['lac', word(1e5, true)],
  // Chinese internet shorthand: 2w = 2万.
  ['w', word(1e4, false)],
  ['rb', word(1e3, true, 'IDR')],
  ['ribu', word(1e3, true)],
  ['jt', word(1e6, true, 'IDR')],
  ['juta', word(1e6, true, 'IDR')],
  ['tr', word(1e6, true, 'VND')],
  ['triệu', word(1e6, true, 'VND')],
  ['trieu', word(1e6, true, 'VND')],
  ['củ', word(1e6, true, 'VND')],
  ['nghìn', word(1e3, true, 'VND')],
  ['ngàn', word(1e3, true, 'VND')],
  ['nghin', word(1e3, true, 'VND')],
  ['ngan', word(1e3, true, 'VND')],
  ['tỷ', word(1e9, true, 'VND')],
  ['tỉ', word(1e9, true, 'VND')],
  ['libo', word(1e3, true, 'PHP')],
  ['milyon', word(1e6, true, 'PHP')],
  ['พัน', word(1e3, true, 'THB')],
  ['หมื่น', word(1e4, true, 'THB')],
  ['แสน', word(1e5, true, 'THB')],
  ['ล้าน', word(1e6, true, 'THB')],
  ['千', word(1e3, true)],
  ['仟', word(1e3, true)],
  ['万', word(1e4, true)],
  ['萬', word(1e4, true)],
  ['亿', word(1e8, true)],
  ['億', word(1e8, true)],
  ['ထောင်', word(1e3, true, 'MMK')],
  ['သောင်း', word(1e4, true, 'MMK')],
  ['သိန်း', word(1e5, true, 'MMK')],
  ['သန်း', word(1e6, true, 'MMK')],
  ['ពាន់', word(1e3, true, 'KHR')],
  ['ម៉ឺន', word(1e4, true, 'KHR')],
  ['សែន', word(1e5, true, 'KHR')],
  ['លាន', word(1e6, true, 'KHR')],
  ['ພັນ', word(1e3, true, 'LAK')],
  ['ໝື່ນ', word(1e4, true, 'LAK')],
  ['ຫມື່ນ', word(1e4, true, 'LAK')],
  ['ແສນ', word(1e5, true, 'LAK')],
  ['ລ້ານ', word(1e6, true, 'LAK')],
];

/** Number words after the digits: "15 juta", "8k", "3 หมื่น", "2万". */
export const numberWords = phraseTable(numberWordEntries);
/** Burmese also puts the number word first: "သိန်း ၂၀" is 20 lakhs. */
export const numberWordsBefore = phraseTable(
  numberWordEntries.filter(([phrase]) => ['ထောင်', 'သောင်း', 'သိန်း', 'သန်း'].includes(phrase)),
);

export interface PeriodWord {
  readonly period: PayPeriod;
  /** A bare noun ("tháng", "bulan") rather than "per month": it can also be a duration ("3 bulan"). */
  readonly bare: boolean;
}

const per = (period: PayPeriod): PeriodWord => ({ period, bare: false });
const bare = (period: PayPeriod): PeriodWord => ({ period, bare: true });

/** Pay periods written after the amount: "/month", "sebulan", "/tháng", "ต่อเดือน", "/月", "တစ်လ". */
export const periodsAfter = phraseTable<PeriodWord>([
  ...['/month', '/mo', '/mth', '/m', 'per month', 'a month', 'each month', 'every month', 'monthly', 'p.m.', 'p/m']
    .concat([
      '/bln',
      'per bln',
      '/th',
      '/thg',
      '/bulan',
      'per bulan',
      'sebulan',
      'se bulan',
      'tiap bulan',
      'setiap bulan',
      'bulanan',
      '1 bulan',
    ])
    .concat(['/tháng', '/thang', '1 tháng', 'một tháng', 'mỗi tháng', 'hàng tháng', 'hằng tháng', 'trên tháng'])
    .concat(['/buwan', 'kada buwan', 'bawat buwan', 'isang buwan', 'sa isang buwan', 'buwan-buwan', 'buwanan'])
    .concat(['/เดือน', 'ต่อเดือน', '/ด.', '/月', '每月', '每个月', '每個月', '一个月', '一個月', '/个月', '/個月'])
    .concat(['/လ', 'တစ်လ', 'တလ', 'လစဉ်', '/ខែ', 'ក្នុងមួយខែ', 'មួយខែ', 'ក្នុង1ខែ', '/ເດືອນ', 'ຕໍ່ເດືອນ'])
    .map((phrase) => [phrase, per('month')] as const),
  ...['bulan', 'tháng', 'thang', 'လစာ'].map((phrase) => [phrase, bare('month')] as const),
  ...['/day', 'per day', 'a day', 'each day', 'every day', 'daily', '/hari', 'per hari', 'sehari', 'se hari']
    .concat(['harian', 'tiap hari', '/ngày', '/ngay', 'mỗi ngày', '1 ngày', 'một ngày', '/araw', 'kada araw'])
    .concat(['bawat araw', 'isang araw', 'sa isang araw', 'arawan', '/วัน', 'ต่อวัน', '/天', '每天', '一天', '/日'])
    .concat(['每日', '/ရက်', 'တစ်ရက်', 'တရက်', 'တစ်နေ့', '/ថ្ងៃ', 'ក្នុងមួយថ្ងៃ', 'មួយថ្ងៃ', '/ມື້', 'ຕໍ່ມື້'])
    .map((phrase) => [phrase, per('day')] as const),
  ...['ngày'].map((phrase) => [phrase, bare('day')] as const),
  ...['/hour', '/hr', '/h', 'per hour', 'an hour', 'a hour', 'each hour', 'hourly', '/jam', 'per jam', 'sejam']
    .concat(['/giờ', 'mỗi giờ', '1 giờ', 'một giờ', '/oras', 'kada oras', 'bawat oras', 'isang oras', '/ชั่วโมง'])
    .concat(['/ชม.', '/ชม', 'ต่อชั่วโมง', '/小时', '/小時', '每小时', '每小時', '一小时', '一小時', '/时', '/時'])
    .concat(['/နာရီ', 'တစ်နာရီ', '/ម៉ោង', 'ក្នុងមួយម៉ោង', '/ຊົ່ວໂມງ', 'ຕໍ່ຊົ່ວໂມງ'])
    .map((phrase) => [phrase, per('hour')] as const),
  ...['/week', '/wk', 'per week', 'a week', 'each week', 'weekly', '/minggu', 'per minggu', 'seminggu']
    .concat(['mingguan', '/tuần', 'mỗi tuần', '1 tuần', 'một tuần', '/linggo', 'kada linggo', 'bawat linggo'])
    .concat(['/สัปดาห์', 'ต่อสัปดาห์', '/อาทิตย์', '/周', '/週', '每周', '每週', '一周', '一週', '/ပတ်', 'တစ်ပတ်'])
    .concat(['/សប្តាហ៍', '/ອາທິດ'])
    .map((phrase) => [phrase, per('week')] as const),
  ...['/year', '/yr', '/annum', 'per year', 'a year', 'each year', 'per annum', 'p.a.', 'yearly', 'annually']
    .concat(['/tahun', 'per tahun', 'setahun', 'tahunan', '/năm', 'mỗi năm', '1 năm', 'một năm', '/taon'])
    .concat(['kada taon', 'bawat taon', 'isang taon', '/ปี', 'ต่อปี', '/年', '每年', '一年', '/နှစ်', 'တစ်နှစ်'])
    .concat(['/ឆ្នាំ', 'ក្នុងមួយឆ្នាំ', '/ປີ', 'ຕໍ່ປີ'])
    .map((phrase) => [phrase, per('year')] as const),
]);

/**
 * Words before an amount that name its period: "เงินเดือน" (month money), "月薪", "လစာ", "วันละ" (per day),
 * "gaji bulanan". Not "per day": in "8 hours per day, salary 500" that belongs to the hours.
 */
export const periodsBefore = phraseTable<PayPeriod>([
  ...['เงินเดือน', 'เดือนละ', '月薪', '月入', '月收入', '月工资', '月工資', '每月', '每个月', '每個月', 'monthly']
    .concat(['bulanan', 'sebulan', 'tiap bulan', 'setiap bulan', 'lương tháng', 'mỗi tháng', 'hàng tháng'])
    .concat(['buwanang', 'buwan-buwan', 'kada buwan', 'bawat buwan', 'လစာ', 'လခ', 'လစဉ်', 'ប្រាក់ខែ', 'ເງິນເດືອນ'])
    .concat(['ເດືອນລະ'])
    .map((phrase) => [phrase, 'month' as PayPeriod] as const),
  ...['วันละ', 'รายวัน', '日薪', '每天', '每日', 'daily', 'harian', 'sehari', 'mỗi ngày', 'lương ngày', 'arawan']
    .concat(['kada araw', 'bawat araw', 'နေ့စား', 'ມື້ລະ'])
    .map((phrase) => [phrase, 'day' as PayPeriod] as const),
  ...['ชั่วโมงละ', '时薪', '時薪', 'hourly', 'sejam', 'mỗi giờ', 'lương giờ', 'kada oras'].map(
    (phrase) => [phrase, 'hour' as PayPeriod] as const,
  ),
  ...['weekly', '周薪', '週薪', 'mingguan', 'seminggu', 'mỗi tuần', 'lương tuần', 'kada linggo', 'สัปดาห์ละ'].map(
    (phrase) => [phrase, 'week' as PayPeriod] as const,
  ),
  ...['annual', 'yearly', 'annually', '年薪', 'ปีละ', 'tahunan', 'setahun', 'mỗi năm', 'lương năm', 'taunang'].map(
    (phrase) => [phrase, 'year' as PayPeriod] as const,
  ),
]);

/** Pay and cost words: a number without a currency near one of these is money ("gaji 3500", "底薪8000"). */
export const moneyWords = phraseTable(
  [
    ...['salary', 'salaries', 'wage', 'wages', 'pay', 'paid', 'payment', 'income', 'earn', 'earning', 'earnings']
      .concat([
        'rate',
        'rates',
        'package',
        'commission',
        'allowance',
        'bonus',
        'remuneration',
        'compensation',
        'basic',
        'gross',
        'incentive',
      ])
      .concat(['fee', 'fees', 'cost', 'deposit', 'loan', 'debt', 'ote', 'gaji', 'upah', 'pendapatan', 'penghasilan'])
      .concat(['komisi', 'elaun', 'imbuhan', 'insentif', 'biaya', 'bayaran', 'yuran', 'ongkos', 'uang', 'duit'])
      .concat(['hutang', 'utang', 'lương', 'luong', 'thu nhập', 'thu nhap', 'thưởng', 'hoa hồng', 'phụ cấp', 'phí'])
      .concat(['chi phí', 'tiền', 'cọc', 'nợ', 'sahod', 'sweldo', 'suweldo', 'kikitain', 'kumita', 'bayad'])
      .concat(['komisyon', 'gastos', 'เงินเดือน', 'รายได้', 'ค่าจ้าง', 'ค่าแรง', 'โบนัส', 'ค่าคอม', 'ค่าตอบแทน'])
      .concat(['เบี้ยเลี้ยง', 'ค่าใช้จ่าย', 'ค่าธรรมเนียม', 'เงิน', 'หนี้', '月薪', '薪资', '薪資', '薪水', '工资'])
      .concat(['工資', '底薪', '收入', '提成', '佣金', '奖金', '獎金', '待遇', '年薪', '日薪', '时薪', '時薪', '月入'])
      .concat(['保底', '薪酬', '工钱', '费用', '費用', '押金', '中介费', '欠款', 'လစာ', 'လခ', 'ဝင်ငွေ', 'လုပ်ခ'])
      .concat(['နေ့စား', 'ကော်မရှင်', 'ဘောနပ်စ်', 'ငွေ', 'အကြွေး', 'ប្រាក់ខែ', 'ប្រាក់ឈ្នួល', 'ចំណូល', 'ប្រាក់'])
      .concat(['ថ្លៃ', 'ເງິນເດືອນ', 'ລາຍໄດ້', 'ຄ່າຈ້າງ', 'ຄ່າແຮງ', 'ເງິນ']),
  ].map((phrase) => [phrase, true] as const),
);

/** Words just before a number that make it an age, a height, a head count, an experience or a phone number. */
export const notMoneyBefore = phraseTable(
  [
    ...['age', 'aged', 'ages', 'umur', 'usia', 'tuổi', 'độ tuổi', 'edad', 'อายุ', '年龄', '年齡', 'အသက်', 'អាយុ']
      .concat(['ອາຍຸ', 'height', 'tall', 'tinggi', 'chiều cao', 'taas', 'ส่วนสูง', '身高', 'weight', 'berat'])
      .concat(['cân nặng', 'timbang', 'น้ำหนัก', '体重', '體重', 'tuyển', 'recruit', 'recruiting', 'hiring'])
      .concat(['vacancy', 'vacancies', 'slots', 'lowongan', 'butuh', 'dibutuhkan', 'kuota', 'quota', 'รับสมัคร'])
      .concat(['จำนวน', '招聘', '招', '名额', '名額', 'tel', 'tel.', 'phone', 'call', 'hp', 'wa', 'whatsapp'])
      .concat(['zalo', 'telegram', 'viber', 'wechat', 'sđt', 'sdt', 'hotline', 'โทร', 'เบอร์', '电话', '電話'])
      .concat(['微信', 'ဖုန်း', 'ទូរស័ព្ទ', 'ໂທ', 'experience', 'kinh nghiệm', 'pengalaman', 'ประสบการณ์', '经验'])
      .concat(['經驗', 'karanasan', 'số lượng', 'jumlah', 'no.', 'room', 'bilik', 'phòng']),
  ].map((phrase) => [phrase, true] as const),
);

/** Words before a year-like number that make it a year ("năm 2024", "since 2019"). */
export const yearWordsBefore = phraseTable(
  ['year', 'since', 'in', 'of', 'năm', 'tahun', 'taon', 'ปี', 'พ.ศ.', 'ค.ศ.', 'နှစ်', 'ឆ្នាំ', 'ປີ'].map(
    (phrase) => [phrase, true] as const,
  ),
);

/** Units straight after a number that show it is not money: "18-35 tuổi", "50 người", "160cm", "2万人". */
export const notMoneyAfter = phraseTable(
  [
    ...['tuổi', 'tuoi', 'người', 'nguoi', 'lao động', 'công nhân', 'nhân viên', 'nữ', 'nam', 'tiếng', 'giờ', 'phút']
      .concat(['cm', 'mm', 'm', 'km', 'kg', 'g', 'gr', 'lbs', 'lb', 'ft', '%', 'percent', 'persen', 'phần trăm'])
      .concat(['years', 'year', 'yrs', 'yr', 'y/o', 'yo', 'old', 'months', 'month', 'days', 'day', 'hours', 'hrs'])
      .concat(['hr', 'h', 'minutes', 'mins', 'min', 'people', 'persons', 'person', 'pax', 'workers', 'worker'])
      .concat(['staff', 'positions', 'position', 'slots', 'vacancies', 'girls', 'boys', 'men', 'women', 'units'])
      .concat(['pcs', 'followers', 'views', 'likes', 'members', 'subscribers', 'steps', 'times', 'orang', 'org'])
      .concat(['tahun', 'thn', 'jam', 'menit', 'hari', 'minggu', 'kali', 'lần', 'katao', 'tao', 'taon', 'oras'])
      .concat(['araw', 'buwan', 'piraso', 'คน', 'ปี', 'ขวบ', 'ชั่วโมง', 'ชม', 'นาที', 'วัน', 'เดือน', 'อัตรา'])
      .concat(['ตำแหน่ง', 'ซม', 'กก', 'กิโล', 'ครั้ง', '人', '名', '位', '个', '個', '岁', '歲', '年', '天'])
      .concat(['小时', '小時', '分钟', '公分', '厘米', '公斤', '斤', '米', '号', '號', '楼', '樓', '点', '點', '月'])
      .concat(['日', '次', 'ယောက်', 'ဦး', 'နှစ်', 'နာရီ', 'ရက်', 'လ', 'ပေ', 'ကီလို', 'នាក់', 'ឆ្នាំ', 'ម៉ោង'])
      .concat(['ថ្ងៃ', 'ខែ', 'ຄົນ', 'ປີ', 'ຊົ່ວໂມງ', 'ມື້']),
  ].map((phrase) => [phrase, true] as const),
);

/** Between the two ends of a range: "15-25 triệu", "RM3000 hingga RM5000", "2万到3万", "15 သိန်းမှ 20 သိန်း". */
export const rangeSeparators = phraseTable(
  [
    ...['-', '–', '—', '−', '~', '～', '〜', '->', 'to', 'until', 'till', 'hingga', 'sampai', 'sehingga', 'ke']
      .concat(['sampai dengan', 's/d', 's.d.', 'hanggang', 'đến', 'tới', 'den', 'toi', 'ถึง', '至', '到', 'မှ'])
      .concat(['ដល់', 'ຫາ']),
  ].map((phrase) => [phrase, true] as const),
);
