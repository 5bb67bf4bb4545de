// Looking the registry up: the public search, and the job-offer check asking whether the contacts an
// offer names were reported. Only listed entries (approved, not removed) and only what the public may
// see of them: counts and dates, never a description or a reporter. See docs/decisions/0013-recruiter-registry.md.
import type { RegistryMatch } from '@homeward/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../database/database-schema.js';
import { findExactEntries, findSimilarCompanies, type PublicEntry } from './registry-entry-repository.js';
import { type NormalisedSubject, normaliseSubject } from './registry-subjects.js';
import type { RegistrySubjectKind } from './registry-tables.js';

/** Listed entries for one normalised subject: exact for phones, links and handles; fuzzy for companies. */
export async function searchRegistry(db: Kysely<Database>, subject: NormalisedSubject): Promise<PublicEntry[]> {
  return subject.kind === 'company'
    ? findSimilarCompanies(db, subject.normalised)
    : findExactEntries(db, subject.kind, [subject.normalised]);
}

/**
 * The listed entries matching what a job offer names. Values may come as typed or already normalised
 * (findContacts gives E.164 phones and normalised links and handles); each is normalised again, and one
 * that is not a phone, link or handle at all is skipped. Each entry appears once.
 *
 * ```ts
 * const matches = await lookupRegistry(db, { phones: ['+66812345678'], urls: [], handles: [], companies: ['Golden Sky Trading'] });
 * // [{ kind: 'phone', display: '+66 81 234 5678', reportCount: 3, reporterCount: 2, firstReportedAt: '2026-…' }, …]
 * ```
 */
export async function lookupRegistry(
  db: Kysely<Database>,
  subjects: {
    readonly phones: readonly string[];
    readonly urls: readonly string[];
    readonly handles: readonly string[];
    readonly companies: readonly string[];
  },
): Promise<RegistryMatch[]> {
  const normalisedOf = (kind: RegistrySubjectKind, values: readonly string[]) => [
    ...new Set(values.flatMap((value) => normaliseSubject(kind, value)?.normalised ?? [])),
  ];
  const found: PublicEntry[] = [
    ...(await findExactEntries(db, 'phone', normalisedOf('phone', subjects.phones))),
    ...(await findExactEntries(db, 'url', normalisedOf('url', subjects.urls))),
    ...(await findExactEntries(db, 'handle', normalisedOf('handle', subjects.handles))),
  ];
  for (const company of normalisedOf('company', subjects.companies)) {
    found.push(...(await findSimilarCompanies(db, company)));
  }
  const seen = new Set<string>();
  const matches: RegistryMatch[] = [];
  for (const entry of found) {
    if (seen.has(entry.id)) continue;
    seen.add(entry.id);
    matches.push({
      kind: entry.kind,
      display: entry.display,
      reportCount: entry.reportCount,
      reporterCount: entry.reporterCount,
      firstReportedAt: entry.firstReportedAt.toISOString(),
    });
  }
  return matches;
}
