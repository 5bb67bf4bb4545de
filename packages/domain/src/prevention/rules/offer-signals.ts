// What a job offer says, from its pasted text and the questionnaire together: kinds of work, destination, salary
// against the market, contacts, and each questionnaire fact (who pays travel, visa, passport, fees…) with where it
// came from. An answer wins over the text when both say something: the person knows their offer better than our
// reading of it. The check-in issue's risk score reuses these signals, so they say what was found, not what it means.
import { type JobFamily, salaryRatio } from '../money/salary-reference.js';
import {
  type ContactMentions,
  findContacts,
  normaliseHandle,
  normaliseRegistryPhone,
  normaliseUrl,
} from '../text/contacts.js';
import { type AreaKind, findAreas } from '../text/gazetteer.js';
import { findCompanyMailDomains, findCompanyNames } from './company-mentions.js';
import type { JobOfferAnswers } from './job-offer-answers.js';
import type { Language } from './languages.js';
import { type MessagingApp, messagingAppHints, messagingApps } from './lexicons/messaging-apps.js';
import { compoundCountries, countryOfCurrency, homeCountryOfLanguage } from './lexicons/places.js';
import {
  chooseReferenceFamily,
  regionalCountry,
  type SalarySignal,
  salaryFromAnswers,
  salaryFromText,
} from './offer-salary.js';
import { readOfferText } from './offer-text.js';
import type { OfferJobFamily, PhraseSignal } from './phrase-signals.js';
import { countryCode, type Finding, fromAnswer, fromText, questionnaireFacts } from './questionnaire-facts.js';

export type { SalarySignal } from './offer-salary.js';
export type { Finding } from './questionnaire-facts.js';

/** A named area, and whether the offer places the work there or only passes through it. */
export interface AreaSignal {
  readonly id: string;
  readonly country: string;
  readonly kind: AreaKind;
  readonly matched: string;
  readonly source: 'answers' | 'text';
  /** A compound hub in the worker's own country, on the way to another country (see flag-rules.ts). */
  readonly isWaypoint: boolean;
}

export interface OfferSignals {
  /** Languages the text seems written in, most likely first. */
  readonly writtenIn: readonly Language[];
  /** The country of the main language's usual readers (Indonesian → ID); `undefined` for English and Chinese. */
  readonly homeCountry: string | undefined;
  readonly destinationCountry: Finding<string> | undefined;
  readonly destinationCity: string | undefined;
  /** Every country named in the text or answers, in order (ISO 3166-1 alpha-2). */
  readonly countriesNamed: readonly string[];
  readonly areas: readonly AreaSignal[];
  /** Kinds of work named; answers' job title and duties first. */
  readonly jobFamilies: readonly OfferJobFamily[];
  /** The salary table's family the pay was compared with (the best-paid one the offer could mean). */
  readonly referenceFamily: JobFamily | undefined;
  readonly salary: SalarySignal | undefined;
  /** Promised ÷ typical pay for the family in the destination (or the regional figure when unknown). */
  readonly salaryRatio: number | undefined;
  readonly contacts: ContactMentions;
  /** Company names with a legal form, from the answers and the text. */
  readonly companyNames: readonly string[];
  /** Domains of company e-mail addresses and links that are not social media or messaging apps. */
  readonly websites: readonly string[];
  readonly messagingApps: readonly MessagingApp[];
  /** Languages the job requires (BCP 47 primary tags). */
  readonly languagesRequired: readonly string[];
  readonly ageWindow: { readonly from: number; readonly to: number } | undefined;
  /** The phrases found for each signal, as normalised text. */
  readonly phrases: Readonly<Record<PhraseSignal, readonly string[]>>;
  readonly foundThrough: Finding<NonNullable<JobOfferAnswers['foundThrough']>> | undefined;
  readonly employerVerifiable: Finding<'yes' | 'no' | 'unsure'> | undefined;
  readonly travelPaidBy: Finding<'employer' | 'recruiter' | 'self'> | undefined;
  readonly route: Finding<'direct_flight' | 'flight_then_overland' | 'overland'> | undefined;
  readonly transitCountry: string | undefined;
  readonly visaType: Finding<'work' | 'tourist' | 'business' | 'student' | 'none'> | undefined;
  readonly passportHeld: Finding<'yes' | 'no' | 'unsure'> | undefined;
  readonly recruitmentFee: Finding<'none' | 'fee' | 'debt' | 'salary_deduction'> | undefined;
  readonly urgency: Finding<boolean> | undefined;
}

const socialHosts = [
  'facebook.com',
  'instagram.com',
  'tiktok.com',
  'x.com',
  'twitter.com',
  'youtube.com',
  'bit.ly',
  's.id',
];

const uniqueValues = <Value>(values: readonly Value[]) => [...new Set(values)];

function appsOfContacts(contacts: ContactMentions): MessagingApp[] {
  const forms = [...contacts.urls, ...contacts.handles];
  return messagingApps.filter((app) =>
    forms.some((form) => messagingAppHints[app].some((hint) => form.startsWith(hint))),
  );
}

function mergeContacts(
  found: ContactMentions,
  answers: JobOfferAnswers,
  countries: readonly string[],
): ContactMentions {
  const phones = [...found.phones];
  const urls = [...found.urls];
  const handles = [...found.handles];
  if (answers.recruiterPhone) {
    const phone = countries
      .map((country) => normaliseRegistryPhone(answers.recruiterPhone ?? '', country))
      .find(Boolean);
    const anyPhone = phone ?? normaliseRegistryPhone(answers.recruiterPhone);
    if (anyPhone) phones.unshift(anyPhone);
  }
  for (const link of answers.recruiterLinks ?? []) {
    const url = /[./]/.test(link) ? normaliseUrl(link) : undefined;
    if (url) urls.unshift(url);
    const handle = normaliseHandle(link);
    if (handle) handles.unshift(handle);
  }
  return { phones: uniqueValues(phones), urls: uniqueValues(urls), handles: uniqueValues(handles) };
}

/**
 * What the text and answers of a job offer say. Either may be missing.
 *
 * ```ts
 * const signals = extractOfferSignals({ text: 'Customer service in Phnom Penh, 1500 USD/month, free ticket' });
 * signals.destinationCountry?.value; // 'KH'
 * signals.jobFamilies; // ['customer_service']
 * signals.salaryRatio; // ≈ 4.3
 * ```
 */
export function extractOfferSignals(input: { text?: string; answers?: JobOfferAnswers }): OfferSignals {
  const answers = input.answers ?? {};
  const text = input.text ?? '';
  const read = readOfferText(text);
  const answerText = [answers.jobTitle, answers.duties].filter(Boolean).join('\n');
  const answerRead = answerText ? readOfferText(answerText) : undefined;
  const cityAreas = answers.destinationCity ? findAreas(answers.destinationCity) : [];
  const cityRead = answers.destinationCity ? readOfferText(answers.destinationCity) : undefined;

  const mainLanguage = read.writtenIn[0] ?? answerRead?.writtenIn[0];
  const homeCountry = mainLanguage ? homeCountryOfLanguage[mainLanguage] : undefined;
  const answeredDestination = countryCode(answers.destinationCountry);

  const rawAreas = [
    ...cityAreas.map((match) => ({ match, source: 'answers' as const })),
    ...read.areas.map((match) => ({ match, source: 'text' as const })),
  ];
  const hubCountries = rawAreas
    .filter(({ match }) => match.area.kind === 'compound_hub')
    .map(({ match }) => match.area.country);
  const otherAreaCountries = rawAreas
    .filter(({ match }) => match.area.kind !== 'compound_hub')
    .map(({ match }) => match.area.country);
  const countriesNamed = uniqueValues([
    ...(answeredDestination ? [answeredDestination] : []),
    ...(cityRead?.countriesNamed ?? []),
    ...read.countriesNamed,
  ]);
  const abroad = (country: string) => country !== homeCountry;
  const namedAbroad = countriesNamed.filter(abroad);
  // The destination: the answer; else a compound hub abroad (the real destination even when the ad says
  // "Thailand"); else a country named abroad (a compound country first: "Thailand / Cambodia" may mean either);
  // else a border town abroad; else the salary's currency; else home.
  const guessedFromPlaces =
    hubCountries.find(abroad) ??
    namedAbroad.find((country) => compoundCountries.includes(country)) ??
    namedAbroad[0] ??
    otherAreaCountries.find(abroad);
  const textSalary = text
    ? salaryFromText(text, answeredDestination ?? guessedFromPlaces, homeCountry, read.writtenIn[0])
    : undefined;
  const salary = salaryFromAnswers(answers) ?? textSalary;
  const currencyCountry = salary ? countryOfCurrency[salary.currency] : undefined;
  const guessed = guessedFromPlaces ?? currencyCountry ?? countriesNamed[0] ?? hubCountries[0];
  const destinationCountry: Finding<string> | undefined = answeredDestination
    ? fromAnswer(answeredDestination, 'destination country')
    : guessed
      ? fromText(guessed, [])
      : undefined;
  const destination = destinationCountry?.value;
  const areas: AreaSignal[] = rawAreas.map(({ match, source }) => ({
    id: match.area.id,
    country: match.area.country,
    kind: match.area.kind,
    matched: match.matched,
    source,
    // A compound hub in the worker's own country, when the work is in another one, is a crossing on the way: the
    // Myawaddy–Mae Sot and Poipet–Aranyaprathet gates are the regular MoU routes into Thailand too.
    isWaypoint:
      match.area.kind === 'compound_hub' &&
      match.area.country === homeCountry &&
      destination !== undefined &&
      destination !== homeCountry,
  }));

  const jobFamilies = uniqueValues([...(answerRead?.jobFamilies ?? []), ...read.jobFamilies]);
  const referenceCountry = destination ?? homeCountry ?? regionalCountry;
  const referenceFamily = salary ? chooseReferenceFamily(jobFamilies, referenceCountry) : undefined;
  const ratio =
    salary && referenceFamily
      ? salaryRatio(
          { amount: salary.amount, currency: salary.currency, period: salary.period },
          referenceCountry,
          referenceFamily,
        )
      : undefined;

  const contactCountries = uniqueValues([homeCountry, destination].filter((country): country is string => !!country));
  const contacts = mergeContacts(findContacts(text, contactCountries), answers, contactCountries);
  const companyNames = uniqueValues([
    ...(answers.employerName?.trim() ? [answers.employerName.trim()] : []),
    ...findCompanyNames(text),
  ]);
  const websites = uniqueValues([
    ...findCompanyMailDomains(text),
    ...contacts.urls.filter(
      (url) =>
        !messagingApps.some((app) => messagingAppHints[app].some((hint) => url.startsWith(hint))) &&
        !socialHosts.some((host) => url.startsWith(host)),
    ),
  ]);
  const phrases = mergePhrases(read.phrases, answerRead?.phrases);

  return {
    writtenIn: read.writtenIn,
    homeCountry,
    destinationCountry,
    destinationCity: answers.destinationCity?.trim() || undefined,
    countriesNamed,
    areas,
    jobFamilies,
    referenceFamily,
    salary,
    salaryRatio: ratio,
    contacts,
    companyNames,
    websites,
    messagingApps: uniqueValues([...read.messagingApps, ...appsOfContacts(contacts)]),
    languagesRequired:
      answers.languagesRequired && answers.languagesRequired.length > 0
        ? uniqueValues(answers.languagesRequired.map((tag) => tag.trim().toLowerCase().split('-')[0] ?? ''))
        : read.languagesNamed,
    ageWindow: read.ageWindow,
    phrases,
    ...questionnaireFacts(answers, phrases, read, otherAreaCountries.length > 0),
  };
}

function mergePhrases(
  text: Readonly<Record<PhraseSignal, readonly string[]>>,
  answers: Readonly<Record<PhraseSignal, readonly string[]>> | undefined,
): Record<PhraseSignal, readonly string[]> {
  const merged = { ...text } as Record<PhraseSignal, readonly string[]>;
  if (!answers) return merged;
  for (const [signal, found] of Object.entries(answers) as [PhraseSignal, readonly string[]][]) {
    merged[signal] = uniqueValues([...found, ...merged[signal]]);
  }
  return merged;
}
