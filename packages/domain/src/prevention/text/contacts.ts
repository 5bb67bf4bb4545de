// The ways to reach a recruiter that an ad gives (phone numbers, links, messaging handles), in the forms the
// registry stores, so a pasted ad can be looked up against reported recruiters.
import { findHandles, findLinks } from './links-and-handles.js';
import { findPhonesInPreparedText, preparePhoneText } from './phone-numbers.js';

export { normaliseCompanyName } from './company-names.js';
export { normaliseHandle, normaliseUrl } from './links-and-handles.js';
export { normaliseRegistryPhone } from './phone-numbers.js';

/** What an ad gives to reach the recruiter, each list without repeats, in order of appearance. */
export interface ContactMentions {
  /** E.164, e.g. `+66812345678`. */
  readonly phones: readonly string[];
  /** As {@link normaliseUrl} writes them: `t.me/thaijobs`, `facebook.com/jobs.abroad`. */
  readonly urls: readonly string[];
  /** As {@link normaliseHandle} writes them: `@name`, `telegram:@name`, `line:name`, `wechat:name`, `wa:+66…`. */
  readonly handles: readonly string[];
}

// The messaging app named just before a number: "WhatsApp: +66 81…", "Zalo 0912…". Up to 24 characters back.
const phonePlatformLabels: readonly [RegExp, string][] = [
  [/(?:whats\s*app|\bwa|\bwsap|วอทส์แอพ|วอทสแอป)\W{0,6}$/iu, 'wa'],
  [/\bzalo\W{0,6}$/iu, 'zalo'],
  [/\bviber\W{0,6}$/iu, 'viber'],
  [/(?:\btelegram|\btg|เทเลแกรม)\W{0,6}$/iu, 'telegram'],
];

const unique = (values: readonly string[]) => [...new Set(values)];

/**
 * Phone numbers (any format; local formats read with `defaultCountries` in order, ISO 3166-1 alpha-2), links and
 * handles in free text. A number labelled with a messaging app also gives a handle (`wa:+66812345678`); a link to a
 * profile also gives its handle (`t.me/abc` → `@abc`, `telegram:@abc`). E-mail addresses are neither links nor
 * handles.
 *
 * ```ts
 * findContacts('Apply now! WhatsApp 081-234-5678, TG: @hr_team, t.me/jobs_asia', ['TH']);
 * // { phones: ['+66812345678'],
 * //   urls: ['t.me/jobs_asia'],
 * //   handles: ['wa:+66812345678', '@hr_team', 'telegram:@hr_team', '@jobs_asia', 'telegram:@jobs_asia'] }
 * ```
 */
export function findContacts(text: string, defaultCountries?: readonly string[]): ContactMentions {
  const prepared = preparePhoneText(text.normalize('NFKC'));
  const links = findLinks(prepared);
  const phones = findPhonesInPreparedText(prepared, defaultCountries, links);
  const phoneHandles = phones.flatMap((phone) => {
    const before = prepared.slice(Math.max(0, phone.start - 24), phone.start);
    const platform = phonePlatformLabels.find(([label]) => label.test(before))?.[1];
    return platform ? [`${platform}:${phone.number}`] : [];
  });
  return {
    phones: unique(phones.map((phone) => phone.number)),
    urls: unique(links.map((link) => link.url)),
    handles: unique([...phoneHandles, ...findHandles(prepared, links)]),
  };
}
