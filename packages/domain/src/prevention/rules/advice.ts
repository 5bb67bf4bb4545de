// What to do about an offer: the advice the check gives, in the order it is shown (most urgent first).
// Texts are in explanations/<language>.ts.

export const adviceCodes = [
  'pause_before_accepting',
  'contact_embassy_before_leaving',
  'verify_agency_with_authority',
  'verify_employer_independently',
  'never_hand_over_passport',
  'never_pay_recruitment_fee',
  'insist_on_work_visa',
  'refuse_overland_crossing',
  'question_unrealistic_salary',
  'take_time_to_check',
  'get_written_contract',
  'tell_family_exact_address',
  'search_registry',
  'report_recruiter',
] as const;

export type AdviceCode = (typeof adviceCodes)[number];

/** Advice given at every level: the habits that make any job abroad safer. */
export const baseAdvice: readonly AdviceCode[] = [
  'verify_agency_with_authority',
  'get_written_contract',
  'tell_family_exact_address',
  'search_registry',
];
