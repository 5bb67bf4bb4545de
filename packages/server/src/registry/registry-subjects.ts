// What a report names, reduced to one form per thing so the same phone, link, handle or company always
// meets itself: in duplicate detection, in the counts of independent reporters, and in search.
// The normalisers are the domain's (prevention/text), shared with the job-offer check's contact finder.
import { normaliseCompanyName, normaliseHandle, normaliseRegistryPhone, normaliseUrl } from '@homeward/domain';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { RegistrySubjectKind } from './registry-tables.js';

export interface NormalisedSubject {
  readonly kind: RegistrySubjectKind;
  /** The form compared and searched: E.164, `host/path`, `@handle`, or a folded company name. */
  readonly normalised: string;
  /** The form people read: a phone in international format, a company as typed (trimmed). */
  readonly display: string;
}

/** The longest value each kind accepts, in characters. */
export const subjectMaxLength: Readonly<Record<RegistrySubjectKind, number>> = {
  phone: 40,
  company: 200,
  url: 500,
  handle: 100,
};

const invalidMessages: Readonly<Record<RegistrySubjectKind, string>> = {
  phone: 'is not a valid phone number; give it with the country code (+66 …), or give the country of a local number',
  company: 'is not a company name',
  url: 'is not a web address (http or https)',
  handle: 'is not a handle (@name, telegram:@name, line:name or wa:+number)',
};

export function invalidSubjectMessage(kind: RegistrySubjectKind): string {
  return invalidMessages[kind];
}

/**
 * The subject in its compared form, or undefined when the value is not one of its kind. `country`
 * (ISO 3166-1 alpha-2) resolves phone numbers written in a local format.
 *
 * ```ts
 * normaliseSubject('phone', '081 234 5678', 'TH'); // { kind: 'phone', normalised: '+66812345678', display: '+66 81 234 5678' }
 * normaliseSubject('company', 'Golden Sky Trading Co., Ltd'); // { …, normalised: 'golden sky trading', display: 'Golden Sky Trading Co., Ltd' }
 * ```
 */
export function normaliseSubject(
  kind: RegistrySubjectKind,
  value: string,
  country?: string,
): NormalisedSubject | undefined {
  const typed = value.trim();
  if (typed.length === 0 || typed.length > subjectMaxLength[kind]) return undefined;
  switch (kind) {
    case 'phone': {
      const normalised = normaliseRegistryPhone(typed, country);
      if (normalised === undefined) return undefined;
      const display = parsePhoneNumberFromString(normalised)?.formatInternational() ?? normalised;
      return { kind, normalised, display };
    }
    case 'company': {
      const normalised = normaliseCompanyName(typed);
      return normalised.length === 0 ? undefined : { kind, normalised, display: typed.replace(/\s+/gu, ' ') };
    }
    case 'url': {
      const normalised = normaliseUrl(typed);
      return normalised === undefined ? undefined : { kind, normalised, display: normalised };
    }
    case 'handle': {
      const normalised = normaliseHandle(typed);
      return normalised === undefined ? undefined : { kind, normalised, display: normalised };
    }
  }
}

/**
 * What a search text most likely is, when the caller does not say: a link, a handle, a phone number
 * (digits with the usual separators), else a company name.
 */
export function guessSubjectKind(query: string): RegistrySubjectKind {
  const text = query.trim();
  if (/^(?:@|(?:telegram|tg|line|wa|whatsapp):|(?:https?:\/\/)?t\.me\/)/i.test(text)) return 'handle';
  if (/^(?:https?:\/\/|www\.)/i.test(text) || /^[^\s@/]+\.[a-z]{2,}(?:[/:?#]|$)/i.test(text)) return 'url';
  if (/^(?:tel:)?[+\d\s().-]+$/i.test(text) && (text.match(/\d/g)?.length ?? 0) >= 6) return 'phone';
  return 'company';
}
