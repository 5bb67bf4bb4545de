// The questionnaire's facts about an offer (how it was found, who pays travel, route, visa, passport, fees,
// urgency), each from its answer when one is given and says something, else from the phrases of the text.
import type { JobOfferAnswers } from './job-offer-answers.js';
import type { OfferText } from './offer-text.js';
import type { PhraseSignal } from './phrase-signals.js';

/** A fact about the offer, where it came from, and the words or answer behind it. */
export interface Finding<Value> {
  readonly value: Value;
  readonly source: 'answers' | 'text';
  readonly evidence: readonly string[];
}

/** A finding from an answer; its evidence is the answer written out ("visa type: tourist"). */
export const fromAnswer = <Value>(value: Value, label: string): Finding<Value> => ({
  value,
  source: 'answers',
  evidence: [`${label}: ${String(value)}`],
});
/** A finding from the text; its evidence is the phrases found. */
export const fromText = <Value>(value: Value, evidence: readonly string[]): Finding<Value> => ({
  value,
  source: 'text',
  evidence,
});

/** The first answer that says something, else what the text says, else nothing. */
function resolve<Value>(answer: Finding<Value> | undefined, text: () => Finding<Value> | undefined) {
  return answer ?? text();
}

/** The first phrases found for a signal, or `undefined` when none. */
function phrasesOf(phrases: Readonly<Record<PhraseSignal, readonly string[]>>, signal: PhraseSignal) {
  const found = phrases[signal];
  return found.length > 0 ? found : undefined;
}

/** An ISO 3166-1 alpha-2 code in upper case, or `undefined` for anything else. */
export function countryCode(value: string | undefined): string | undefined {
  const code = value?.trim().toUpperCase();
  return code && /^[A-Z]{2}$/.test(code) ? code : undefined;
}

/** The questionnaire's facts: each from its answer when given (and not "unknown"), else from the text. */
export function questionnaireFacts(
  answers: JobOfferAnswers,
  phrases: Readonly<Record<PhraseSignal, readonly string[]>>,
  read: OfferText,
  namesBorderTown: boolean,
) {
  const says = (signal: PhraseSignal) => phrasesOf(phrases, signal);
  const borderTowns = read.areas.filter((area) => area.area.kind !== 'compound_hub').map((area) => area.matched);
  return {
    foundThrough: resolve(answers.foundThrough ? fromAnswer(answers.foundThrough, 'found through') : undefined, () => {
      const social = says('social_recruitment');
      return social ? fromText('social_media' as const, social) : undefined;
    }),
    employerVerifiable: resolve(
      answers.employerVerifiable ? fromAnswer(answers.employerVerifiable, 'employer verifiable') : undefined,
      () => {
        const hidden = says('employer_hidden');
        return hidden ? fromText('no' as const, hidden) : undefined;
      },
    ),
    travelPaidBy: resolve(
      answers.travelPaidBy && answers.travelPaidBy !== 'unknown'
        ? fromAnswer(answers.travelPaidBy, 'travel paid by')
        : undefined,
      () => {
        const employer = says('employer_pays');
        if (employer) return fromText('employer' as const, employer);
        const free = says('free_travel');
        return free ? fromText('recruiter' as const, free) : undefined;
      },
    ),
    route: resolve(
      answers.route && answers.route !== 'unknown' ? fromAnswer(answers.route, 'route') : undefined,
      () => {
        const overland = says('overland_route');
        if (!overland && !namesBorderTown) return undefined;
        return fromText('flight_then_overland' as const, [...(overland ?? []), ...borderTowns]);
      },
    ),
    transitCountry: countryCode(answers.transitCountry),
    visaType: resolve(
      answers.visaType && answers.visaType !== 'unknown' ? fromAnswer(answers.visaType, 'visa type') : undefined,
      () => {
        const tourist = says('tourist_visa');
        if (tourist) return fromText('tourist' as const, tourist);
        const work = says('work_visa');
        return work ? fromText('work' as const, work) : undefined;
      },
    ),
    passportHeld: resolve(answers.passportHeld ? fromAnswer(answers.passportHeld, 'passport held') : undefined, () => {
      const held = says('passport_held');
      if (held) return fromText('yes' as const, held);
      const safe = says('passport_safe');
      return safe ? fromText('no' as const, safe) : undefined;
    }),
    recruitmentFee: resolve(
      answers.recruitmentFee && answers.recruitmentFee !== 'unsure'
        ? fromAnswer(answers.recruitmentFee, 'recruitment fee')
        : undefined,
      () => {
        const debt = says('debt');
        if (debt) return fromText('debt' as const, debt);
        const fee = says('recruitment_fee');
        if (fee) return fromText('fee' as const, fee);
        const none = says('no_fee');
        return none ? fromText('none' as const, none) : undefined;
      },
    ),
    urgency: resolve(answers.urgency ? fromAnswer(answers.urgency === 'yes', 'urgency') : undefined, () => {
      const urgent = says('urgency');
      return urgent ? fromText(true, urgent) : undefined;
    }),
  };
}
