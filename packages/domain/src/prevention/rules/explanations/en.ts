// English texts of the job-offer check, the reference every other language translates. Written for a 20-year-old
// reading on a phone, worried about an offer: plain words, calm, one or two sentences, no blame.
import type { PreventionCatalogue } from './catalogue.js';

export const en: PreventionCatalogue = {
  flags: {
    reported_in_registry:
      'Someone has already reported this phone number, company, link or account as a suspicious recruiter, and our team checked the report.',
    compound_area_destination:
      'The job is in, or goes through, a place where many people have been held in scam compounds and forced to cheat others online.',
    overland_third_country_route:
      'The trip ends with a drive, a boat or a walk across a border. People taken to scam compounds are often flown to one country and then moved over land into another.',
    tourist_visa_for_work:
      'You would work without a work visa. That leaves you without legal protection abroad and makes it easy for an employer to threaten you.',
    passport_held:
      'Someone else would keep your passport. Without it you cannot leave, move freely or ask for help easily, and keeping a worker’s passport is illegal in most countries.',
    recruitment_fee_or_debt:
      'You would pay a fee or owe money before or after starting. A debt to the recruiter or employer is one of the most common ways people are kept in a job they want to leave.',
    salary_far_above_market:
      'The pay is far above what this kind of work usually earns there. Offers that sound too good are often used to rush people into leaving.',
    no_experience_high_pay:
      'The offer promises high pay for work that needs no experience or skills. Real employers rarely pay much more than the market for work anyone can do.',
    scam_job_family:
      'Customer service, online marketing, typing, chat, crypto and online gaming jobs in this area are the jobs scam compounds advertise most.',
    recruiter_pays_travel:
      'The recruiter offers to pay your flight or visa. That cost is often turned into a debt later, and it means someone else controls your journey.',
    employer_unverifiable:
      'Nobody can confirm that the employer exists. A real company has a name, an address and a phone number you can check yourself.',
    messaging_app_only_contact:
      'The only way to reach the recruiter is a chat app, with no company name or website. Accounts like this can disappear in a moment.',
    recruited_via_social_media_or_friend:
      'The offer came through social media, a chat app, an unlicensed agent or a friend. Many people were recruited this way, often by someone who was tricked too.',
    secrecy:
      'You are asked to keep the job secret or to say you are travelling as a tourist. Honest employers do not ask you to hide your work from your family or from officials.',
    urgency_pressure:
      'You are pushed to decide or leave very quickly. Pressure leaves you no time to check the offer, which is what a scam needs.',
    language_requirement_pattern:
      'The job asks for typing speed or for English or Chinese with no other skill. Scam compounds look for exactly these workers.',
    licensed_agency_channel:
      'The offer names a licensed agency or a government channel. That is a good sign, but check the licence yourself with the authority, because scammers copy these names.',
    work_visa_and_contract:
      'The offer mentions a work visa, a work permit or a written contract with social security. That is what a regular job abroad looks like.',
    employer_pays_costs:
      'The employer pays the recruitment and travel costs. That is how fair recruitment should work.',
    verifiable_employer:
      'The offer gives a company name, a website or an office where you can apply in person, so you can check who the employer is.',
  },
  advice: {
    pause_before_accepting:
      'Do not accept the offer, send documents or travel until you have checked it. A real job will still be there after a few days.',
    contact_embassy_before_leaving:
      'Contact your embassy or consulate in the destination country before you leave, and save its emergency number in your phone.',
    verify_agency_with_authority:
      'Check the agency with your national placement authority: BP2MI/KP2MI in Indonesia, the DMW in the Philippines, the Department of Employment in Thailand, the JTKSM in Malaysia, DOLAB in Viet Nam, or the labour ministry of Myanmar, Cambodia or Laos.',
    verify_employer_independently:
      'Find the employer yourself: its own website, address and phone number, not the ones the recruiter gives you. Ask to talk to the employer directly.',
    never_hand_over_passport:
      'Never hand over your passport. Keep it with you, and keep a photo of it and of your visa somewhere safe online.',
    never_pay_recruitment_fee:
      'Do not pay recruitment fees or deposits, and do not borrow money from the recruiter. If a fee is legal in your case, get an official receipt.',
    insist_on_work_visa:
      'Only go with a work visa or work permit issued before you leave. Do not agree to travel as a tourist and "change the visa later".',
    refuse_overland_crossing:
      'Do not agree to be driven, walked or taken by boat across a border. If plans change on the way, stop and call your embassy or family.',
    question_unrealistic_salary:
      'Compare the pay with what the same job usually pays there. If it is much higher, ask why, and treat the offer with care.',
    take_time_to_check: 'Take the time you need. Do not let anyone rush you to decide, sign or leave.',
    get_written_contract:
      'Get a written contract in a language you understand before you leave, with the employer’s name, address, pay and working hours, and keep a copy.',
    tell_family_exact_address:
      'Tell your family the exact name and address of the employer and where you will live, and agree on regular times to call.',
    search_registry:
      'Search the recruiter’s phone number, company, account and links in the registry of reported recruiters.',
    report_recruiter:
      'If you think the offer is a scam, report the recruiter in the registry so that others are warned.',
  },
};
