// What the page says about a check result and a registry entry, as catalogue messages with their values,
// kept apart from the DOM so it can be tested without a browser. The server's own words (explanations,
// advice, an entry's display name) are passed through as text, never as markup.
import type { MessageValues } from '../i18n/translator';
import type { JobOfferCheckResult, RegistryEntry, RegistryMatch, RiskLevel, SubjectKind } from './prevention-api';

/** A catalogue message: its key, its English (shown until the page translates it) and its values. */
export interface Message {
  readonly key: string;
  readonly english: string;
  readonly values?: MessageValues;
}

export const levelMessages: Readonly<Record<RiskLevel, { readonly title: Message; readonly summary: Message }>> = {
  high: {
    title: { key: 'check.level.high', english: 'High risk' },
    summary: {
      key: 'check.level.high.summary',
      english:
        'This offer has strong signs of the fake job offers used to traffic people into scam compounds. Do not accept it or travel until you have checked it with your embassy or the national placement authority.',
    },
  },
  elevated: {
    title: { key: 'check.level.elevated', english: 'Some warning signs' },
    summary: {
      key: 'check.level.elevated.summary',
      english: 'Some things in this offer need checking before you accept it or travel.',
    },
  },
  low: {
    title: { key: 'check.level.low', english: 'Few warning signs' },
    summary: {
      key: 'check.level.low.summary',
      english:
        'We found few warning signs. That does not prove the offer is safe: still check the employer and the agency before you travel.',
    },
  },
};

export const kindMessages: Readonly<Record<SubjectKind, Message>> = {
  phone: { key: 'registry.kind.phone', english: 'Phone number' },
  company: { key: 'registry.kind.company', english: 'Company' },
  url: { key: 'registry.kind.url', english: 'Link' },
  handle: { key: 'registry.kind.handle', english: 'Account or handle' },
};

export const reportedEnglish =
  'Reported {reports, plural, one {# time} other {# times}} since {since, date, medium}, by {reporters, plural, one {# independent reporter} other {# independent reporters}}.';

/**
 * "Reported 3 times since 2 Nov 2026, by 2 independent reporters." The date is passed as a time value,
 * so the translator formats it in the page's language.
 */
export function reportedMessage(match: Pick<RegistryMatch, 'reportCount' | 'reporterCount' | 'firstReportedAt'>) {
  const since = Date.parse(match.firstReportedAt);
  return {
    key: 'registry.reported',
    english: reportedEnglish,
    values: {
      reports: match.reportCount,
      reporters: match.reporterCount,
      since: Number.isNaN(since) ? 0 : since,
    },
  } satisfies Message;
}

/** What a result shows, top to bottom. */
export interface ResultView {
  readonly level: RiskLevel;
  readonly title: Message;
  readonly summary: Message;
  /** Warning signs first, the strongest first; protective signs (negative weight) after them. */
  readonly warnings: readonly string[];
  readonly reassurances: readonly string[];
  readonly advice: readonly string[];
  readonly matches: readonly { readonly kind: Message; readonly display: string; readonly reported: Message }[];
}

/**
 * The view of a check result.
 *
 * @example describeResult({ level: 'high', flags: [{ code: 'tourist_visa', weight: 3, explanation: '…' }], … })
 */
export function describeResult(result: JobOfferCheckResult): ResultView {
  const level: RiskLevel = result.level in levelMessages ? result.level : 'elevated';
  const byWeight = [...result.flags].sort((first, second) => second.weight - first.weight);
  return {
    level,
    ...levelMessages[level],
    warnings: byWeight.filter((flag) => flag.weight > 0).map((flag) => flag.explanation),
    reassurances: byWeight.filter((flag) => flag.weight <= 0).map((flag) => flag.explanation),
    advice: result.advice.map((item) => item.text),
    matches: result.registryMatches.map((match) => ({
      kind: kindMessages[match.kind] ?? kindMessages.company,
      display: match.display,
      reported: reportedMessage(match),
    })),
  };
}

/** What one search result shows. */
export function describeEntry(entry: RegistryEntry) {
  return {
    kind: kindMessages[entry.kind] ?? kindMessages.company,
    display: entry.display,
    reported: reportedMessage(entry),
    disputed: entry.disputed,
  };
}
