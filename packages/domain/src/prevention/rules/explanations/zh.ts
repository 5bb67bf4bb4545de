// Chinese (simplified) texts of the job-offer check, translated from en.ts; they still need a review by a native
// speaker. Any missing text falls back to English, and `npm run translations:missing` lists what is left to translate.
import type { PartialPreventionCatalogue } from './catalogue.js';

export const zh: PartialPreventionCatalogue = {
  flags: {
    reported_in_registry: '已经有人把这个电话号码、公司、链接或账号举报为可疑招聘者，我们的团队也核实过这份举报。',
    compound_area_destination: '这份工作在一个地方，或者要途经那里；那里有很多人被关在诈骗园区，被迫在网上骗人。',
    overland_third_country_route:
      '行程的最后一段要坐车、坐船或步行越过边境。被带到诈骗园区的人，常常是先坐飞机到一个国家，再从陆路被转送到另一个国家。',
    tourist_visa_for_work: '您将在没有工作签证的情况下工作。这样您在国外得不到法律保护，雇主也很容易威胁您。',
    passport_held:
      '您的护照会由别人保管。没有护照，您就无法离开、无法自由行动，也很难求助；而且在大多数国家，扣留工人的护照是违法的。',
    recruitment_fee_or_debt:
      '在开始工作之前或之后，您需要付费或欠下钱款。欠招聘者或雇主的债，是让人想走却走不了的最常见手段之一。',
    salary_far_above_market:
      '这份工资远远高于当地同类工作的一般收入。听起来好得不像真的工作邀请，常被用来催人尽快出发。',
    no_experience_high_pay:
      '这份邀请承诺，不需要经验或技能的工作也能拿高薪。对于谁都能做的工作，正规雇主很少会付比市场高得多的工资。',
    scam_job_family:
      '在这一地区，客服、网络营销、打字、聊天、加密货币和网络游戏类的工作，正是诈骗园区招聘广告里最常见的岗位。',
    recruiter_pays_travel: '招聘者提出替您支付机票或签证费用。这笔钱以后常常会变成债务，也意味着您的行程由别人掌控。',
    employer_unverifiable: '没有人能确认这个雇主真的存在。真正的公司有名称、地址和电话号码，您可以自己去核实。',
    messaging_app_only_contact: '只能通过聊天软件联系招聘者，没有公司名称，也没有网站。这样的账号随时可能消失。',
    recruited_via_social_media_or_friend:
      '这份邀请来自社交媒体、聊天软件、没有执照的中介或朋友。很多人就是这样被招去的，介绍的人往往自己也被骗了。',
    secrecy: '对方要您对这份工作保密，或者让您说自己是去旅游的。诚实的雇主不会让您向家人或官员隐瞒自己的工作。',
    urgency_pressure: '对方催您很快做决定或马上出发。这种压力让您没有时间核实这份邀请，而这正是骗局需要的。',
    language_requirement_pattern:
      '这份工作只要求打字速度，或只要求会英语或中文，不需要其他技能。诈骗园区要找的正是这样的人。',
    licensed_agency_channel:
      '这份邀请提到了有执照的中介或政府渠道。这是好迹象，但请自己向主管部门核实执照，因为骗子会冒用这些名称。',
    work_visa_and_contract: '这份邀请提到了工作签证、工作许可，或包含社会保险的书面合同。正规的海外工作就是这样的。',
    employer_pays_costs: '招聘费用和路费由雇主承担。公平的招聘本来就应该这样。',
    verifiable_employer: '这份邀请写明了公司名称、网站或可以亲自去应聘的办公地点，您可以查清雇主是谁。',
  },
  advice: {
    pause_before_accepting: '在核实之前，不要接受邀请，不要发送证件，也不要出发。真正的工作过几天也还在。',
    contact_embassy_before_leaving: '出发前，先联系本国驻目的地国家的大使馆或领事馆，并把它的紧急电话存进手机。',
    verify_agency_with_authority:
      '向本国的劳务派遣主管部门核实这家中介：印度尼西亚的 BP2MI/KP2MI、菲律宾的 DMW、泰国就业厅、马来西亚的 JTKSM、越南的 DOLAB，或缅甸劳工部、柬埔寨劳工与职业培训部、老挝劳动与社会福利部。',
    verify_employer_independently:
      '自己去查找雇主：用它自己的网站、地址和电话号码，而不是招聘者给您的那些。要求直接和雇主通话。',
    never_hand_over_passport: '无论如何都不要交出护照。把它带在身边，并把护照和签证的照片保存在网上一个安全的地方。',
    never_pay_recruitment_fee:
      '不要支付招聘费或押金，也不要向招聘者借钱。如果在您的情况下收费是合法的，一定要拿到正式收据。',
    insist_on_work_visa: '只有在出发前拿到工作签证或工作许可，才可以去。不要答应以游客身份出行、“以后再换签证”。',
    refuse_overland_crossing:
      '不要答应让人用车、用船或带着步行越过边境。如果途中计划有变，请停下来，打电话给大使馆或家人。',
    question_unrealistic_salary:
      '把这份工资和当地同样工作的一般工资比一比。如果高出很多，问清楚为什么，并谨慎对待这份邀请。',
    take_time_to_check: '需要多少时间就花多少时间。不要让任何人催您做决定、签字或出发。',
    get_written_contract:
      '出发前，拿到一份用您看得懂的语言写的书面合同，写明雇主的名称和地址、工资和工作时间，并留一份副本。',
    tell_family_exact_address: '把雇主的确切名称和地址，以及您将住在哪里告诉家人，并约好定期通话的时间。',
    search_registry: '在被举报招聘者登记册里，搜索招聘者的电话号码、公司、账号和链接。',
    report_recruiter: '如果您认为这份邀请是骗局，请在登记册里举报这个招聘者，让其他人提高警惕。',
  },
};
