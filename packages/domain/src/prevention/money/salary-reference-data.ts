// Typical gross monthly pay per country and job family, in the country's own currency, with where the figures come
// from. Approximate, 2023–2025, rounded: good enough to tell "about the market" from "three times the market",
// which is all the job-offer check asks of them. Update a row with its source when better figures are at hand.
// Past 400 lines because it is one table, nineteen countries by nineteen job families.

import type { CurrencyCode } from './currencies.js';

export const jobFamilies = [
  'customer_service',
  'online_marketing',
  'data_entry',
  'it_software',
  'casino_gaming',
  'translation',
  'sales',
  'factory',
  'construction',
  'agriculture',
  'domestic_work',
  'caregiving',
  'hospitality',
  'fishing',
  'driving_logistics',
  'teaching',
  'nursing',
  'engineering',
  'general_labour',
] as const;

export type JobFamily = (typeof jobFamilies)[number];

export interface CountrySalaryReference {
  /** The currency the figures are in. */
  readonly currency: CurrencyCode;
  /** Where the figures come from, and how old they are. */
  readonly source: string;
  /** Typical gross pay a month for someone starting out or with a few years' experience. */
  readonly monthly: Readonly<Record<JobFamily, number>>;
}

/** ISO 3166-1 alpha-2 country code → reference. */
export const salaryReferences: Readonly<Record<string, CountrySalaryReference>> = {
  TH: {
    currency: 'THB',
    source:
      'Thailand: National Statistical Office Labour Force Survey (average wages by occupation, 2024); Wage ' +
      'Committee minimum wage notification (THB 337–400 a day, 2025); ILOSTAT mean monthly earnings. Approximate.',
    monthly: {
      customer_service: 18_000,
      online_marketing: 20_000,
      data_entry: 13_000,
      it_software: 40_000,
      casino_gaming: 15_000,
      translation: 25_000,
      sales: 18_000,
      factory: 12_000,
      construction: 11_000,
      agriculture: 8_500,
      domestic_work: 10_000,
      caregiving: 15_000,
      hospitality: 13_000,
      fishing: 11_000,
      driving_logistics: 15_000,
      teaching: 25_000,
      nursing: 22_000,
      engineering: 35_000,
      general_labour: 10_500,
    },
  },
  MY: {
    currency: 'MYR',
    source:
      'Malaysia: DOSM Salaries & Wages Survey Report 2023 (median by occupation); Minimum Wages Order 2024 ' +
      '(RM 1,700 a month from February 2025); ILOSTAT mean monthly earnings. Approximate.',
    monthly: {
      customer_service: 2_800,
      online_marketing: 3_500,
      data_entry: 2_200,
      it_software: 6_000,
      casino_gaming: 3_000,
      translation: 3_500,
      sales: 3_000,
      factory: 1_900,
      construction: 2_000,
      agriculture: 1_700,
      domestic_work: 1_700,
      caregiving: 2_000,
      hospitality: 2_000,
      fishing: 1_800,
      driving_logistics: 2_500,
      teaching: 3_500,
      nursing: 3_500,
      engineering: 5_000,
      general_labour: 1_800,
    },
  },
  KH: {
    currency: 'USD',
    source:
      'Cambodia: Ministry of Labour minimum wage for garment and footwear (USD 208 a month, 2025); National ' +
      'Institute of Statistics Labour Force Survey 2019–2023 (average wages by occupation); ILOSTAT mean monthly ' +
      'earnings. Wages are paid in US dollars. Approximate.',
    monthly: {
      customer_service: 350,
      online_marketing: 400,
      data_entry: 300,
      it_software: 700,
      casino_gaming: 400,
      translation: 600,
      sales: 350,
      factory: 230,
      construction: 260,
      agriculture: 160,
      domestic_work: 160,
      caregiving: 220,
      hospitality: 260,
      fishing: 200,
      driving_logistics: 300,
      teaching: 450,
      nursing: 350,
      engineering: 700,
      general_labour: 230,
    },
  },
  MM: {
    currency: 'MMK',
    source:
      'Myanmar: National minimum wage notification (MMK 4,800 a day, 2018) with the daily allowances added in ' +
      '2023–2024; Labour Force Survey 2019–2020 and ILOSTAT mean monthly earnings, adjusted for inflation. ' +
      'Approximate; the economy has been in crisis since 2021.',
    monthly: {
      customer_service: 400_000,
      online_marketing: 450_000,
      data_entry: 300_000,
      it_software: 1_000_000,
      casino_gaming: 500_000,
      translation: 800_000,
      sales: 350_000,
      factory: 250_000,
      construction: 260_000,
      agriculture: 180_000,
      domestic_work: 200_000,
      caregiving: 250_000,
      hospitality: 300_000,
      fishing: 250_000,
      driving_logistics: 350_000,
      teaching: 400_000,
      nursing: 500_000,
      engineering: 1_000_000,
      general_labour: 230_000,
    },
  },
  LA: {
    currency: 'LAK',
    source:
      'Laos: Ministry of Labour and Social Welfare minimum wage (LAK 2,500,000 a month, 2025); Lao Statistics ' +
      'Bureau Labour Force Survey 2022 (average wages); ILOSTAT mean monthly earnings. Approximate; the kip lost ' +
      'much of its value in 2022–2024.',
    monthly: {
      customer_service: 5_500_000,
      online_marketing: 5_500_000,
      data_entry: 4_000_000,
      it_software: 9_000_000,
      casino_gaming: 6_500_000,
      translation: 9_500_000,
      sales: 4_500_000,
      factory: 2_800_000,
      construction: 3_200_000,
      agriculture: 2_200_000,
      domestic_work: 2_600_000,
      caregiving: 2_800_000,
      hospitality: 3_300_000,
      fishing: 2_600_000,
      driving_logistics: 4_300_000,
      teaching: 5_500_000,
      nursing: 4_500_000,
      engineering: 9_500_000,
      general_labour: 2_800_000,
    },
  },
  PH: {
    currency: 'PHP',
    source:
      'Philippines: PSA Occupational Wages Survey 2022 and Labor Force Survey; NCR Wage Order (PHP 695 a day, ' +
      '2025) and Batas Kasambahay wage orders for domestic workers; ILOSTAT mean monthly earnings. Approximate.',
    monthly: {
      customer_service: 22_000,
      online_marketing: 25_000,
      data_entry: 16_000,
      it_software: 45_000,
      casino_gaming: 20_000,
      translation: 30_000,
      sales: 18_000,
      factory: 15_000,
      construction: 15_000,
      agriculture: 9_000,
      domestic_work: 7_000,
      caregiving: 15_000,
      hospitality: 15_000,
      fishing: 10_000,
      driving_logistics: 18_000,
      teaching: 28_000,
      nursing: 30_000,
      engineering: 35_000,
      general_labour: 14_000,
    },
  },
  VN: {
    currency: 'VND',
    source:
      'Vietnam: General Statistics Office Labour Force Survey (average monthly income of employees, 2024); Decree ' +
      '74/2024 regional minimum wage (VND 4,960,000 a month in Region I); ILOSTAT mean monthly earnings. Approximate.',
    monthly: {
      customer_service: 8_000_000,
      online_marketing: 10_000_000,
      data_entry: 7_000_000,
      it_software: 20_000_000,
      casino_gaming: 10_000_000,
      translation: 15_000_000,
      sales: 9_000_000,
      factory: 7_500_000,
      construction: 8_500_000,
      agriculture: 5_000_000,
      domestic_work: 6_500_000,
      caregiving: 8_000_000,
      hospitality: 7_000_000,
      fishing: 7_500_000,
      driving_logistics: 10_000_000,
      teaching: 9_000_000,
      nursing: 9_000_000,
      engineering: 15_000_000,
      general_labour: 6_500_000,
    },
  },
  ID: {
    currency: 'IDR',
    source:
      'Indonesia: BPS Sakernas (average net wage by occupation, August 2024); provincial minimum wages 2025 ' +
      '(UMP DKI Jakarta Rp 5,396,761); ILOSTAT mean monthly earnings. Approximate.',
    monthly: {
      customer_service: 5_500_000,
      online_marketing: 6_000_000,
      data_entry: 4_500_000,
      it_software: 12_000_000,
      casino_gaming: 5_000_000,
      translation: 8_000_000,
      sales: 4_500_000,
      factory: 4_800_000,
      construction: 3_800_000,
      agriculture: 2_500_000,
      domestic_work: 2_500_000,
      caregiving: 3_500_000,
      hospitality: 4_000_000,
      fishing: 3_000_000,
      driving_logistics: 4_500_000,
      teaching: 4_000_000,
      nursing: 5_000_000,
      engineering: 9_000_000,
      general_labour: 3_500_000,
    },
  },
  SG: {
    currency: 'SGD',
    source:
      'Singapore: Ministry of Manpower Occupational Wage Tables 2024 (median gross wage); typical pay on Work ' +
      'Permits and for foreign domestic workers (no statutory minimum); ILOSTAT mean monthly earnings. Approximate.',
    monthly: {
      customer_service: 2_800,
      online_marketing: 3_800,
      data_entry: 2_300,
      it_software: 6_500,
      casino_gaming: 2_800,
      translation: 3_500,
      sales: 3_000,
      factory: 1_800,
      construction: 1_400,
      agriculture: 1_400,
      domestic_work: 700,
      caregiving: 1_600,
      hospitality: 2_200,
      fishing: 1_400,
      driving_logistics: 2_800,
      teaching: 4_000,
      nursing: 3_000,
      engineering: 5_500,
      general_labour: 1_500,
    },
  },
  CN: {
    currency: 'CNY',
    source:
      'China: National Bureau of Statistics average wage of urban private and non-private units by industry ' +
      '(2023); provincial minimum wages (CNY 1,900–2,690 a month, 2024); ILOSTAT mean monthly earnings. Approximate.',
    monthly: {
      customer_service: 5_000,
      online_marketing: 6_500,
      data_entry: 4_500,
      it_software: 15_000,
      casino_gaming: 6_000,
      translation: 8_000,
      sales: 6_000,
      factory: 5_000,
      construction: 7_000,
      agriculture: 3_500,
      domestic_work: 6_000,
      caregiving: 5_000,
      hospitality: 4_500,
      fishing: 5_000,
      driving_logistics: 7_000,
      teaching: 8_000,
      nursing: 7_000,
      engineering: 12_000,
      general_labour: 4_500,
    },
  },
  JP: {
    currency: 'JPY',
    source:
      'Japan: MHLW Basic Survey on Wage Structure 2024 (scheduled earnings by occupation); regional minimum wages ' +
      '(national weighted average JPY 1,055 an hour, 2024); typical Specified Skilled Worker and Technical Intern ' +
      'pay. Approximate.',
    monthly: {
      customer_service: 230_000,
      online_marketing: 280_000,
      data_entry: 210_000,
      it_software: 400_000,
      casino_gaming: 250_000,
      translation: 300_000,
      sales: 280_000,
      factory: 200_000,
      construction: 240_000,
      agriculture: 180_000,
      domestic_work: 200_000,
      caregiving: 220_000,
      hospitality: 210_000,
      fishing: 200_000,
      driving_logistics: 280_000,
      teaching: 280_000,
      nursing: 300_000,
      engineering: 350_000,
      general_labour: 200_000,
    },
  },
  KR: {
    currency: 'KRW',
    source:
      'South Korea: Minimum Wage Commission (KRW 10,030 an hour, KRW 2,096,270 a month, 2025); Statistics Korea ' +
      'Survey on Labour Conditions by Employment Type; typical Employment Permit System (E-9) pay. Approximate.',
    monthly: {
      customer_service: 2_600_000,
      online_marketing: 3_000_000,
      data_entry: 2_300_000,
      it_software: 4_000_000,
      casino_gaming: 2_800_000,
      translation: 3_000_000,
      sales: 2_800_000,
      factory: 2_400_000,
      construction: 3_000_000,
      agriculture: 2_100_000,
      domestic_work: 2_100_000,
      caregiving: 2_200_000,
      hospitality: 2_200_000,
      fishing: 2_300_000,
      driving_logistics: 3_000_000,
      teaching: 3_000_000,
      nursing: 3_500_000,
      engineering: 4_000_000,
      general_labour: 2_200_000,
    },
  },
  TW: {
    currency: 'TWD',
    source:
      'Taiwan: Ministry of Labor basic wage (NT$ 28,590 a month, 2025) and the separate minimum for household ' +
      'migrant caregivers and domestic workers (NT$ 20,000, 2024); DGBAS Earnings and Productivity Survey. ' +
      'Approximate.',
    monthly: {
      customer_service: 32_000,
      online_marketing: 35_000,
      data_entry: 30_000,
      it_software: 55_000,
      casino_gaming: 32_000,
      translation: 38_000,
      sales: 35_000,
      factory: 30_000,
      construction: 35_000,
      agriculture: 28_590,
      domestic_work: 20_000,
      caregiving: 21_000,
      hospitality: 30_000,
      fishing: 25_000,
      driving_logistics: 38_000,
      teaching: 45_000,
      nursing: 40_000,
      engineering: 55_000,
      general_labour: 28_590,
    },
  },
  AE: {
    currency: 'AED',
    source:
      'United Arab Emirates: no general minimum wage; typical pay from MOHRE data and the minimum pay that ' +
      'sending countries require for their workers (e.g. Philippines DMW USD 400 for domestic workers); ' +
      'approximate, 2024.',
    monthly: {
      customer_service: 4_000,
      online_marketing: 5_000,
      data_entry: 3_000,
      it_software: 12_000,
      casino_gaming: 4_500,
      translation: 6_000,
      sales: 4_000,
      factory: 1_500,
      construction: 1_300,
      agriculture: 1_200,
      domestic_work: 1_500,
      caregiving: 2_500,
      hospitality: 2_000,
      fishing: 1_500,
      driving_logistics: 3_000,
      teaching: 9_000,
      nursing: 7_000,
      engineering: 12_000,
      general_labour: 1_200,
    },
  },
  HK: {
    currency: 'HKD',
    source:
      'Hong Kong: Labour Department, Minimum Allowable Wage for foreign domestic helpers (HK$ 4,990 a month ' +
      'for contracts signed from 30 September 2024) and Statutory Minimum Wage (HK$ 42.1 an hour from 1 May ' +
      '2025); other families approximate from the Census and Statistics Department Report on Annual ' +
      'Earnings and Hours Survey 2023 (median monthly wage by occupation). Helpers who care for elderly ' +
      'people at home are domestic helpers, paid the Minimum Allowable Wage.',
    monthly: {
      customer_service: 17_000,
      online_marketing: 20_000,
      data_entry: 15_000,
      it_software: 30_000,
      casino_gaming: 16_000,
      translation: 22_000,
      sales: 17_000,
      factory: 14_000,
      construction: 22_000,
      agriculture: 13_000,
      domestic_work: 4_990,
      caregiving: 12_000,
      hospitality: 15_000,
      fishing: 13_000,
      driving_logistics: 18_000,
      teaching: 30_000,
      nursing: 30_000,
      engineering: 32_000,
      general_labour: 13_000,
    },
  },
  MO: {
    currency: 'MOP',
    source:
      'Macau: Law 5/2020 on the minimum wage (MOP 34 an hour, MOP 7,072 a month, from 1 January 2024; ' +
      'domestic workers are not covered); Statistics and Census Service (DSEC) Employment Survey 2024, ' +
      'median monthly earnings of residents and of non-resident workers; typical pay of non-resident ' +
      'domestic workers about MOP 4,500. Croupier jobs are reserved for Macau residents. Approximate.',
    monthly: {
      customer_service: 14_000,
      online_marketing: 16_000,
      data_entry: 12_000,
      it_software: 25_000,
      casino_gaming: 20_000,
      translation: 18_000,
      sales: 14_000,
      factory: 9_000,
      construction: 15_000,
      agriculture: 8_000,
      domestic_work: 4_500,
      caregiving: 9_000,
      hospitality: 11_000,
      fishing: 9_000,
      driving_logistics: 14_000,
      teaching: 25_000,
      nursing: 25_000,
      engineering: 28_000,
      general_labour: 8_500,
    },
  },
  SA: {
    currency: 'SAR',
    source:
      'Saudi Arabia: no minimum wage for foreign workers; General Authority for Statistics (GASTAT) Labour ' +
      'Market Statistics 2024, average monthly wages of non-Saudi employees by occupation; minimum pay ' +
      'sending countries require (e.g. Philippines DMW USD 400, about SAR 1,500, for domestic workers). ' +
      'Approximate.',
    monthly: {
      customer_service: 4_500,
      online_marketing: 6_000,
      data_entry: 3_500,
      it_software: 12_000,
      casino_gaming: 3_000,
      translation: 6_000,
      sales: 4_000,
      factory: 1_800,
      construction: 1_500,
      agriculture: 1_200,
      domestic_work: 1_500,
      caregiving: 2_500,
      hospitality: 2_200,
      fishing: 1_500,
      driving_logistics: 2_500,
      teaching: 8_000,
      nursing: 7_000,
      engineering: 12_000,
      general_labour: 1_300,
    },
  },
  QA: {
    currency: 'QAR',
    source:
      'Qatar: Law No. 17 of 2020 on the minimum wage (QAR 1,000 basic a month, plus QAR 300 for food and ' +
      'QAR 500 for housing when the employer does not provide them; domestic workers included); Planning ' +
      'and Statistics Authority Labour Force Survey 2023; Philippines DMW USD 400 minimum for domestic ' +
      'workers. Approximate.',
    monthly: {
      customer_service: 4_500,
      online_marketing: 6_000,
      data_entry: 3_500,
      it_software: 12_000,
      casino_gaming: 3_000,
      translation: 6_000,
      sales: 4_000,
      factory: 1_800,
      construction: 1_500,
      agriculture: 1_300,
      domestic_work: 1_500,
      caregiving: 2_500,
      hospitality: 2_200,
      fishing: 1_500,
      driving_logistics: 2_800,
      teaching: 9_000,
      nursing: 7_000,
      engineering: 12_000,
      general_labour: 1_300,
    },
  },
  KW: {
    currency: 'KWD',
    source:
      'Kuwait: Public Authority for Manpower, private-sector minimum wage (KWD 75 a month, 2017) and ' +
      'domestic workers minimum (KWD 60, 2016); Central Statistical Bureau labour statistics, average ' +
      'monthly wages of non-Kuwaiti workers; Philippines DMW USD 400 (about KWD 123) for domestic workers. ' +
      'Approximate, 2024.',
    monthly: {
      customer_service: 400,
      online_marketing: 500,
      data_entry: 300,
      it_software: 1_000,
      casino_gaming: 300,
      translation: 500,
      sales: 350,
      factory: 150,
      construction: 130,
      agriculture: 110,
      domestic_work: 125,
      caregiving: 200,
      hospitality: 180,
      fishing: 130,
      driving_logistics: 220,
      teaching: 700,
      nursing: 600,
      engineering: 1_000,
      general_labour: 120,
    },
  },
};

/**
 * For a country not in the table: a rough South-East Asian middle, in US dollars, from the rows above. It keeps
 * the check useful when the destination is unknown or elsewhere, at the cost of precision.
 */
export const regionalFallback: CountrySalaryReference = {
  currency: 'USD',
  source:
    'Regional fallback: a rough middle of the Thai, Malaysian, Philippine, Vietnamese and Indonesian figures in ' +
    'this table, in US dollars; approximate, 2023–2025.',
  monthly: {
    customer_service: 450,
    online_marketing: 500,
    data_entry: 350,
    it_software: 1_000,
    casino_gaming: 450,
    translation: 650,
    sales: 450,
    factory: 350,
    construction: 350,
    agriculture: 250,
    domestic_work: 300,
    caregiving: 400,
    hospitality: 400,
    fishing: 350,
    driving_logistics: 450,
    teaching: 600,
    nursing: 600,
    engineering: 900,
    general_labour: 300,
  },
};
