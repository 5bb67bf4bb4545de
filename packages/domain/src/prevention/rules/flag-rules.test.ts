import { describe, expect, test } from 'vitest';
import { assessJobOffer } from './assess-job-offer.js';
import type { AssessmentContext, FlagCode, RegistryMatch } from './flag-rules.js';
import type { JobOfferAnswers } from './job-offer-answers.js';

type Input = { text?: string; answers?: JobOfferAnswers };

function flagOf(code: FlagCode, input: Input, context?: AssessmentContext) {
  return assessJobOffer(input, context).flags.find((flag) => flag.code === code);
}

const registryMatch: RegistryMatch = {
  kind: 'phone',
  display: '+66 81 234 5678',
  reportCount: 4,
  reporterCount: 3,
  firstReportedAt: '2026-09-01T00:00:00Z',
};

// Each rule: positive examples (at least two languages), with the weight expected, and near misses that must not
// raise it.
const cases: readonly {
  code: FlagCode;
  raises: readonly [string, Input, number][];
  ignores: readonly [string, Input][];
}[] = [
  {
    code: 'compound_area_destination',
    raises: [
      ['en: workplace in Shwe Kokko', { text: 'Customer service staff needed, office in Shwe Kokko, Myanmar.' }, 5],
      ['th: workplace in Myawaddy', { text: 'รับสมัครแอดมิน ทำงานที่เมียวดี เงินเดือนดี' }, 5],
      ['zh: workplace in Sihanoukville', { text: '柬埔寨西港 招聘客服' }, 5],
      ['answers: city Bavet', { answers: { destinationCountry: 'KH', destinationCity: 'Bavet' } }, 5],
      [
        'my: a hub in the worker’s own country on the way to Thailand weighs less',
        { text: 'ထိုင်းနိုင်ငံ စက်ရုံ အလုပ်သမား။ မြဝတီ နယ်စပ်ဂိတ်မှ ဖြတ်ကျော်မည်။' },
        2,
      ],
    ],
    ignores: [
      [
        'en: an ordinary city that looks like a hub',
        { text: 'Hotel cook in Chiang Mai, Thailand, THB 15,000 a month.' },
      ],
      ['vi: a factory in Hanoi', { text: 'Tuyển công nhân nhà máy tại Hà Nội, lương 8 triệu.' }],
    ],
  },
  {
    code: 'overland_third_country_route',
    raises: [
      ['en: flight then car over the border', { text: 'We pay your flight to Bangkok, then by car to the border.' }, 3],
      ['id: land route after the flight', { text: 'Terbang ke Bangkok, lanjut jalan darat ke lokasi kerja.' }, 3],
      ['vi: crossing the border by road', { text: 'Xe đón tận nhà đưa qua biên giới, không cần lo.' }, 3],
      ['en: only a border town named', { text: 'Office near Mae Sot, Thailand. Online marketing.' }, 2],
      ['answers: flight then overland', { answers: { route: 'flight_then_overland' } }, 3],
      [
        'answers: overland through a third country',
        { answers: { route: 'overland', destinationCountry: 'KH', transitCountry: 'TH' } },
        3,
      ],
    ],
    ignores: [
      ['en: a direct flight', { text: 'Direct flight to Kuala Lumpur, airport pickup by the employer.' }],
      ['answers: direct flight', { answers: { route: 'direct_flight' } }],
    ],
  },
  {
    code: 'tourist_visa_for_work',
    raises: [
      ['en: tourist visa', { text: 'You can come with tourist visa, we change to work visa later.' }, 3],
      ['ms: visa pelancong', { text: 'Masuk guna visa pelancong, permit kerja urus kemudian.' }, 3],
      ['zh: 旅游签', { text: '旅游签过去 公司办理工作签' }, 3],
      ['th: no passport needed', { text: 'ไม่ต้องใช้พาสปอร์ต มีคนพาไป' }, 3],
      ['answers: student visa', { answers: { visaType: 'student' } }, 2],
    ],
    ignores: [
      ['en: explicitly not a tourist visa', { text: 'Not a tourist visa: a work visa is issued before departure.' }],
      ['answers: business visa (the regular visa for work in Cambodia)', { answers: { visaType: 'business' } }],
    ],
  },
  {
    code: 'passport_held',
    raises: [
      ['en: company keeps the passport', { text: 'The company will keep your passport for visa processing.' }, 3],
      ['zh: 护照由公司保管', { text: '护照由公司统一保管，方便办理签证' }, 3],
      ['th: บริษัทเก็บพาสปอร์ต', { text: 'บริษัทเก็บพาสปอร์ตไว้ให้' }, 3],
      ['ms: pasport disimpan majikan', { text: 'Pasport disimpan majikan sepanjang kontrak.' }, 3],
      ['answers: unsure', { answers: { passportHeld: 'unsure' } }, 1],
    ],
    ignores: [
      ['en: workers keep their own passports', { text: 'Workers keep their own passports at all times.' }],
      ['id: paspor dipegang sendiri', { text: 'Paspor dipegang sendiri oleh pekerja.' }],
      ['en: we never hold passports', { text: 'We never hold your passport.' }],
    ],
  },
  {
    code: 'recruitment_fee_or_debt',
    raises: [
      ['en: placement fee', { text: 'Placement fee 500 USD before departure.' }, 2],
      ['vi: phí môi giới', { text: 'Phí môi giới 30 triệu, đóng trước khi bay.' }, 2],
      ['id: potong gaji (debt)', { text: 'Biaya keberangkatan dipinjamkan dulu, nanti potong gaji 3 bulan.' }, 3],
      ['zh: 违约金 (debt)', { text: '提前离职需支付违约金' }, 3],
      ['answers: salary deduction', { answers: { recruitmentFee: 'salary_deduction' } }, 3],
    ],
    ignores: [
      ['en: no placement fee', { text: 'No placement fee. Zero cost to workers.' }],
      ['th: ไม่เก็บค่าหัว', { text: 'ไม่เก็บค่าหัว สมัครฟรี' }],
      ['answers: none', { answers: { recruitmentFee: 'none' } }],
    ],
  },
  {
    code: 'salary_far_above_market',
    raises: [
      [
        'en: 2,000 USD for customer service in Phnom Penh',
        { text: 'Customer service in Phnom Penh, salary 2,000 USD per month.' },
        4,
      ],
      ['th: 50,000 baht for an admin in Cambodia', { text: 'แอดมิน ทำงานที่กัมพูชา เงินเดือน 50,000 บาท/เดือน' }, 3],
      [
        'answers: 1,200 USD for data entry in Cambodia',
        {
          answers: {
            jobTitle: 'Data entry',
            destinationCountry: 'KH',
            salary: { amount: 1200, currency: 'USD', period: 'month' },
          },
        },
        3,
      ],
    ],
    ignores: [
      ['en: the garment minimum wage', { text: 'Sewing operator in Phnom Penh, USD 210 per month.' }],
      ['ms: a factory wage in Malaysia', { text: 'Operator kilang di Penang, gaji RM 1,800 sebulan.' }],
    ],
  },
  {
    code: 'no_experience_high_pay',
    raises: [
      ['en', { text: 'No experience needed, high salary!' }, 2],
      ['id', { text: 'Tanpa pengalaman, gaji tinggi.' }, 2],
      ['vi', { text: 'Không cần kinh nghiệm, lương cao.' }, 2],
    ],
    ignores: [
      [
        'en: no experience at a market wage',
        { text: 'Factory operator in Penang, no experience needed, RM 1,700 a month.' },
      ],
      ['zh: high pay for experienced engineers', { text: '高薪招聘 Java开发工程师 3-5年经验' }],
    ],
  },
  {
    code: 'scam_job_family',
    raises: [
      ['en: online marketing in Cambodia', { text: 'Online marketing staff for a company in Cambodia.' }, 3],
      ['vi: CSKH in Cambodia', { text: 'Tuyển nhân viên CSKH làm việc tại Campuchia.' }, 3],
      ['zh: 博彩 in Laos', { text: '老挝 博彩公司 招聘' }, 3],
      [
        'en: customer service in Bangkok (a gateway)',
        { text: 'Customer service representative, Bangkok, Thailand.' },
        2,
      ],
    ],
    ignores: [
      ['en: customer service in Kuala Lumpur', { text: 'Customer service executive in Kuala Lumpur, Malaysia.' }],
      ['th: customer service at home in Thailand', { text: 'รับสมัครพนักงานบริการลูกค้า กรุงเทพ เงินเดือน 18,000 บาท' }],
      ['en: a factory job in Cambodia', { text: 'Sewing operators wanted in Phnom Penh, Cambodia.' }],
    ],
  },
  {
    code: 'recruiter_pays_travel',
    raises: [
      ['en: free air ticket', { text: 'Free air ticket and visa!' }, 2],
      ['fil: libreng ticket', { text: 'Libreng ticket at tirahan.' }, 2],
      ['zh: 包机票', { text: '包吃包住 包机票' }, 2],
      ['ms: ticket and hotel free, words apart', { text: 'Tiket flight + hotel PERCUMA' }, 2],
      ['answers: recruiter pays', { answers: { travelPaidBy: 'recruiter' } }, 2],
    ],
    ignores: [
      ['en: the employer pays under the Employer Pays Principle', { text: 'Employer pays levy, visa and flight.' }],
      ['en: free meals only', { text: 'Free meals. Flight booked by the worker.' }],
    ],
  },
  {
    code: 'employer_unverifiable',
    raises: [
      ['en: company name withheld', { text: 'Company name will be given after the interview.' }, 2],
      ['id: nama perusahaan dirahasiakan', { text: 'Nama perusahaan dirahasiakan.' }, 2],
      ['answers: no', { answers: { employerVerifiable: 'no' } }, 2],
      ['answers: unsure', { answers: { employerVerifiable: 'unsure' } }, 1],
    ],
    ignores: [['answers: yes', { answers: { employerVerifiable: 'yes' } }]],
  },
  {
    code: 'messaging_app_only_contact',
    raises: [
      ['en: Telegram only', { text: 'Good job abroad. Contact Telegram @jobs_abroad_hr' }, 2],
      ['zh: 纸飞机', { text: '高薪工作 联系纸飞机 @hr_888' }, 2],
      ['vi: Zalo', { text: 'Việc làm nước ngoài, liên hệ Zalo 0900 000 123' }, 2],
    ],
    ignores: [
      ['en: a company with a legal form', { text: 'Contoh Apparel Co., Ltd. Contact WhatsApp +855 10 000 123' }],
      ['en: a company e-mail address', { text: 'Send your CV to hr@contoh-plastik.com.my or Telegram @hr' }],
    ],
  },
  {
    code: 'recruited_via_social_media_or_friend',
    raises: [
      ['en: PM me', { text: 'Jobs abroad, PM me for details.' }, 1],
      ['th: ทักแชท', { text: 'งานต่างประเทศ สนใจทักแชท' }, 1],
      ['answers: a friend', { answers: { foundThrough: 'friend_or_relative' } }, 1],
      ['answers: an unlicensed agent', { answers: { foundThrough: 'unlicensed_agent' } }, 2],
    ],
    ignores: [
      ['answers: a job board', { answers: { foundThrough: 'job_board' } }],
      ['answers: a licensed agency', { answers: { foundThrough: 'licensed_agency' } }],
    ],
  },
  {
    code: 'secrecy',
    raises: [
      ['en', { text: "Don't tell your family about this job." }, 3],
      ['fil', { text: 'Exit ka lang, sabihin mo bakasyon lang.' }, 3],
      ['zh', { text: '不要告诉家人' }, 3],
      ['id', { text: 'Jangan bilang keluarga dulu ya.' }, 3],
    ],
    ignores: [['en: tell your family', { text: 'Tell your family the address of your employer.' }]],
  },
  {
    code: 'urgency_pressure',
    raises: [
      ['en', { text: 'URGENT hiring, depart this week!' }, 1],
      ['vi', { text: 'Tuyển gấp, xuất cảnh ngay.' }, 1],
      ['th', { text: 'รับด่วน จำนวนจำกัด' }, 1],
    ],
    ignores: [
      ['en: no hurry', { text: 'Interviews every Saturday; departure after the visa is issued.' }],
      ['answers say no urgency, which wins over the text', { text: 'Urgent hiring!', answers: { urgency: 'no' } }],
    ],
  },
  {
    code: 'language_requirement_pattern',
    raises: [
      ['en: typing speed', { text: 'Typing speed 40 wpm required.' }, 1],
      ['zh: 打字快', { text: '要求打字快' }, 1],
      [
        'en: Chinese speakers for customer service abroad',
        { text: 'Chinese speaking customer service staff, Cambodia.' },
        1,
      ],
    ],
    ignores: [['en: English for a hotel job', { text: 'Hotel receptionist, English speaking, Bangkok.' }]],
  },
  {
    code: 'licensed_agency_channel',
    raises: [
      ['en: DMW licence', { text: 'DMW License No. DMW-000-LB-00000-R' }, -3],
      ['id: BP2MI', { text: 'Resmi terdaftar di BP2MI.' }, -3],
      ['ms: JTKSM', { text: 'Agensi berlesen JTKSM.' }, -3],
      ['th: กรมการจัดหางาน', { text: 'ได้รับอนุญาตจากกรมการจัดหางาน' }, -3],
      ['answers: licensed agency', { answers: { foundThrough: 'licensed_agency' } }, -3],
    ],
    ignores: [
      ['en: "official company" proves nothing', { text: 'Official company, trusted, many workers already sent.' }],
    ],
  },
  {
    code: 'work_visa_and_contract',
    raises: [
      ['en: work permit and contract', { text: 'Work permit and written contract before departure.' }, -2],
      ['th: ใบอนุญาตทำงาน and ประกันสังคม', { text: 'มีใบอนุญาตทำงาน และประกันสังคม' }, -2],
      ['vi: a contract only', { text: 'Ký hợp đồng lao động đầy đủ.' }, -1],
    ],
    ignores: [
      ['en: a tourist visa "changed later"', { text: 'Come on a tourist visa, we change to a work visa later.' }],
    ],
  },
  {
    code: 'employer_pays_costs',
    raises: [
      ['en', { text: 'The employer pays all recruitment costs.' }, -1],
      ['id', { text: 'Biaya ditanggung pemberi kerja.' }, -1],
      ['answers: employer', { answers: { travelPaidBy: 'employer' } }, -1],
    ],
    ignores: [['en: a free ticket is not the employer paying', { text: 'Free ticket!' }]],
  },
  {
    code: 'verifiable_employer',
    raises: [
      [
        'en: legal name and walk-in interviews',
        { text: 'Contoh Apparel Co., Ltd. Walk-in interviews at the factory gate.' },
        -2,
      ],
      ['zh: 有限公司', { text: '示例软件科技有限公司 招聘' }, -1],
      ['answers: verifiable', { answers: { employerVerifiable: 'yes' } }, -1],
    ],
    ignores: [['en: only a Telegram handle', { text: 'Contact Telegram @hr_jobs' }]],
  },
];

describe.each(cases)('$code', ({ code, raises, ignores }) => {
  test.each(raises)('raised: %s', (_name, input, weight) => {
    expect(flagOf(code, input)?.weight).toBe(weight);
  });
  test.each(ignores)('not raised: %s', (_name, input) => {
    expect(flagOf(code, input)).toBeUndefined();
  });
});

describe('reported_in_registry', () => {
  test('a registry match raises it, whatever the language of the ad', () => {
    for (const text of ['Factory job in Penang', 'รับสมัครพนักงานโรงงาน']) {
      const flag = flagOf('reported_in_registry', { text }, { registryMatches: [registryMatch] });
      expect(flag?.weight).toBe(8);
      expect(flag?.evidence).toEqual(['phone +66 81 234 5678: 4 reports']);
    }
  });

  test('no match, no flag', () => {
    expect(flagOf('reported_in_registry', { text: 'Factory job in Penang' }, { registryMatches: [] })).toBeUndefined();
  });
});

test('evidence names the words of the ad that raised a flag', () => {
  expect(flagOf('recruiter_pays_travel', { text: 'Free air ticket!!' })?.evidence).toEqual(['free air ticket']);
  expect(flagOf('tourist_visa_for_work', { answers: { visaType: 'tourist' } })?.evidence).toEqual([
    'visa type: tourist',
  ]);
});
