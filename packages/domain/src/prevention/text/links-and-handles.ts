// Links and messaging handles in recruitment ads, reduced to one form each so the registry can match them.
// Recruiters move victims off public pages into Telegram, LINE, WhatsApp and WeChat quickly; the handle is often
// the only stable trace of them.
import { normaliseRegistryPhone } from './phone-numbers.js';

/** A link found in text, normalised, and where it stood. */
export interface FoundLink {
  readonly url: string;
  readonly start: number;
  readonly end: number;
}

// Hosts short enough to look like abbreviations, which we still know to be links.
const knownShortHosts = new Set([
  't.me',
  'm.me',
  'wa.me',
  's.id',
  't.co',
  'fb.me',
  'lin.ee',
  'line.me',
  'bit.ly',
  'x.com',
]);
// Top-level domains that are not also everyday words glued to a full stop ("work.It", "ok.so"): enough on their own.
const standaloneTopLevelDomains = new Set(
  'com net org info biz xyz top vip cc asia online site shop store club live life app io ly link click work pro ai tv ee gg icu cyou fun buzz'.split(
    ' ',
  ),
);
const countrySecondLevel = /\.(?:com|co|net|org|gov|edu|ac|or|go|web|biz|info)\.[a-z]{2}$/u;
// Hosts whose paths are user names, which the platform compares without case.
const caseInsensitivePaths = new Set([
  't.me',
  'facebook.com',
  'instagram.com',
  'tiktok.com',
  'x.com',
  'twitter.com',
  'line.me',
  'wa.me',
  'm.me',
]);
const hostAliases: Readonly<Record<string, string>> = {
  'telegram.me': 't.me',
  'telegram.dog': 't.me',
  'fb.com': 'facebook.com',
  'web.facebook.com': 'facebook.com',
  'business.facebook.com': 'facebook.com',
};

const urlCharacters = String.raw`[^\s<>"'\x60{}|\\^\u3000-\u303f\uff00-\uffef]`;
const schemeLink = new RegExp(String.raw`\bhttps?:\/\/${urlCharacters}+`, 'giu');
const bareLink = new RegExp(
  String.raw`(?<![a-z0-9@._\-/])((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,24}|xn--[a-z0-9-]+))(?::\d{2,5})?(\/${urlCharacters}*)?`,
  'giu',
);
const trailingPunctuation = /[.,;:!?)\]}'"»”’…]+$/u;

function isPlausibleHost(host: string, hasPath: boolean): boolean {
  const labels = host.split('.');
  const topLevel = labels.at(-1) ?? '';
  if (labels.length < 2 || !/^(?:[a-z]{2,24}|xn--[a-z0-9-]+)$/u.test(topLevel)) return false;
  if (knownShortHosts.has(host)) return true;
  if ((labels[0]?.length ?? 0) < 2) return false;
  return hasPath || host.startsWith('www.') || standaloneTopLevelDomains.has(topLevel) || countrySecondLevel.test(host);
}

function canonicalHost(host: string): string {
  let canonical = host.toLowerCase().replace(/\.$/u, '');
  const stripped = canonical.replace(/^(?:www\d?|m|mobile)\./u, '');
  if (stripped !== canonical && stripped.includes('.')) canonical = stripped;
  return hostAliases[canonical] ?? canonical;
}

/**
 * A link as typed, normalised: no scheme, lower-case host without `www.` (or `m.`), no query or fragment, no trailing
 * slash; user-name paths of social networks in lower case. Two exceptions keep identity that lives in the query:
 * `facebook.com/profile.php?id=…` keeps its id, and WhatsApp "send?phone=" links become `wa.me/<number>`.
 * `undefined` when it is not a link.
 *
 * ```ts
 * normaliseUrl('HTTPS://www.Facebook.com/Jobs.Abroad/?ref=share'); // 'facebook.com/jobs.abroad'
 * normaliseUrl('bit.ly/3AbCdE'); // 'bit.ly/3AbCdE'
 * ```
 */
export function normaliseUrl(typed: string): string | undefined {
  const trimmed = typed.normalize('NFKC').trim().replace(trailingPunctuation, '');
  const match = /^(?:https?:\/\/)?(?:[^@/\s]+@)?([^/?#\s:]+)(?::(\d+))?([^?#\s]*)(\?[^#\s]*)?(#\S*)?$/iu.exec(trimmed);
  if (!match) return undefined;
  const [, rawHost = '', , rawPath = '', query = ''] = match;
  const hasScheme = /^https?:\/\//iu.test(trimmed);
  const host = canonicalHost(rawHost);
  if (!isPlausibleHost(host, hasScheme || rawPath.length > 1)) return undefined;
  const whatsAppPhone = /[?&]phone=\+?(\d{7,15})/u.exec(query)?.[1];
  if (/(?:^|\.)whatsapp\.com$/u.test(host) && whatsAppPhone) return `wa.me/${whatsAppPhone}`;
  let path = rawPath.replace(/\/{2,}/gu, '/').replace(/\/+$/u, '');
  if (caseInsensitivePaths.has(host)) path = path.toLowerCase();
  const facebookId = /[?&]id=(\d+)/u.exec(query)?.[1];
  if (host === 'facebook.com' && path === '/profile.php' && facebookId) return `${host}${path}?id=${facebookId}`;
  return `${host}${path}`;
}

/** Links read in one text at most: an ad gives a few, and a hostile text of thousands would cost time for nothing. */
const mostLinks = 64;

/** Every link in `text` (the first {@link mostLinks}), normalised, in order; e-mail addresses are not links. */
export function findLinks(text: string): FoundLink[] {
  const found: FoundLink[] = [];
  const add = (raw: string, start: number) => {
    const cleaned = raw.replace(trailingPunctuation, '');
    const url = normaliseUrl(cleaned);
    const end = start + cleaned.length;
    if (url && !found.some((other) => start < other.end && other.start < end)) found.push({ url, start, end });
  };
  for (const link of text.matchAll(schemeLink)) {
    if (found.length >= mostLinks) break;
    add(link[0], link.index);
  }
  for (const link of text.matchAll(bareLink)) {
    if (found.length >= mostLinks) break;
    add(link[0], link.index);
  }
  return found.sort((a, b) => a.start - b.start);
}

type Platform =
  | 'telegram'
  | 'line'
  | 'wechat'
  | 'wa'
  | 'zalo'
  | 'viber'
  | 'tiktok'
  | 'instagram'
  | 'facebook'
  | 'skype';

// Platforms whose user names are written "@name": the handle is given with and without the platform.
const atPlatforms = new Set<Platform>(['telegram', 'tiktok', 'instagram']);

const labelPlatforms: readonly [RegExp, Platform][] = [
  [/^(?:telegram|tele|tg|เทเลแกรม)$/iu, 'telegram'],
  [/^(?:line|line\s*id|id\s*line|ไลน์|ไลน์\s*ไอดี|ไอดี\s*ไลน์)$/iu, 'line'],
  [/^(?:wechat|weixin|微信号?|vx|wx)$/iu, 'wechat'],
  [/^(?:whats\s*app|wa|wsap)$/iu, 'wa'],
  [/^zalo$/iu, 'zalo'],
  [/^viber$/iu, 'viber'],
  [/^(?:tiktok|tik\s*tok)$/iu, 'tiktok'],
  [/^(?:instagram|ig)$/iu, 'instagram'],
  [/^(?:facebook|fb)$/iu, 'facebook'],
  [/^skype$/iu, 'skype'],
];
const labelWords =
  'telegram|tele|tg|เทเลแกรม|line\\s*id|id\\s*line|line|ไลน์\\s*ไอดี|ไอดี\\s*ไลน์|ไลน์|wechat|weixin|微信号?|vx|wx|whats\\s*app|wa|wsap|zalo|viber|tik\\s*tok|tiktok|instagram|ig|facebook|fb|skype';
// A label, then ":" (or "id", or a space before "@"), then the name. "Line ID: abc", "TG: abc", "微信：abc".
const labelledHandle = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(${labelWords})(?:\s*id)?(?:\s*[:：=]\s*|\s+(?=@))(@?[a-z0-9][a-z0-9_.\-]{1,63})`,
  'giu',
);
const atHandle = /(?<![\p{L}\p{N}_.@+\-/])@([a-z0-9_][a-z0-9_.]{1,63})/giu;

function platformOfLabel(label: string): Platform | undefined {
  return labelPlatforms.find(([pattern]) => pattern.test(label.trim()))?.[1];
}

/** The handle forms for a user name on a platform (or none): `['@name', 'telegram:@name']`, `['line:name']`. */
function handleForms(platform: Platform | undefined, rawName: string): string[] {
  const name = rawName.toLowerCase().replace(/[._-]+$/u, '');
  if (!/^@?[a-z0-9_][a-z0-9_.-]{1,63}$/u.test(name)) return [];
  const bare = name.replace(/^@/u, '');
  if (platform === undefined) return [`@${bare}`];
  if (atPlatforms.has(platform)) return [`@${bare}`, `${platform}:@${bare}`];
  return [`${platform}:${name}`];
}

function decodedPathPart(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/** The handle a platform link points to: `t.me/abc` → telegram abc. */
function handleFormsOfLink(url: string): string[] {
  const [host, first = '', second = '', third = '', fourth = ''] = url.split('/');
  if (host === 't.me' && first && !/^(?:joinchat|share|s|c|addstickers|proxy|\+.*)$/u.test(first)) {
    return handleForms('telegram', first);
  }
  if (host === 'tiktok.com' && first.startsWith('@')) return handleForms('tiktok', first);
  if (host === 'instagram.com' && first && !/^(?:p|reel|reels|stories|explore)$/u.test(first)) {
    return handleForms('instagram', first);
  }
  if (host === 'line.me') {
    const id =
      first === 'ti' && second === 'p' ? third : first === 'r' && second === 'ti' && third === 'p' ? fourth : '';
    if (id) return handleForms('line', decodedPathPart(id).replace(/^~/u, ''));
  }
  if (host === 'wa.me' && /^\d{7,15}$/u.test(first)) {
    const phone = normaliseRegistryPhone(`+${first}`);
    return phone ? [`wa:${phone}`] : [];
  }
  return [];
}

/**
 * A handle as typed, normalised: `@name` in lower case, with the platform when it is known (`telegram:@name`,
 * `line:name`, `wechat:name`, `wa:+66812345678`). Accepts "@Name", "Telegram: @Name", "TG: name", "Line ID: name",
 * "微信: name", a bare name and platform links (`t.me/name`). `undefined` for an e-mail address or anything else.
 *
 * ```ts
 * normaliseHandle('Telegram: @Job_Agent88'); // 'telegram:@job_agent88'
 * normaliseHandle('Line ID: thai.job'); // 'line:thai.job'
 * normaliseHandle('someone@example.com'); // undefined
 * ```
 */
export function normaliseHandle(typed: string): string | undefined {
  const trimmed = typed
    .normalize('NFKC')
    .replace(/[\u200b-\u200f\u2060\ufeff]/gu, '')
    .trim();
  if (/^[^@\s]+@[^@\s]+\.[a-z]{2,}$/iu.test(trimmed)) return undefined;
  const link = normaliseUrl(trimmed);
  if (link && /[./]/u.test(trimmed)) {
    const forms = handleFormsOfLink(link);
    return forms.at(-1);
  }
  const labelled = /^(.+?)(?:\s*id)?\s*[:：=]\s*(.+)$/iu.exec(trimmed) ?? /^(\S+)\s+(@\S+)$/u.exec(trimmed);
  const platform = labelled ? platformOfLabel(labelled[1] ?? '') : undefined;
  const name = (platform ? labelled?.[2] : trimmed)?.trim() ?? '';
  if (platform && ['wa', 'zalo', 'viber'].includes(platform) && /^\+?[\d\s()-]{7,}$/u.test(name)) {
    const phone = normaliseRegistryPhone(name.startsWith('+') ? name : `+${name}`);
    return phone ? `${platform}:${phone}` : undefined;
  }
  return handleForms(platform, name).at(-1);
}

/** Every handle in `text`, without repeats (links already found are passed in, so their handles count and their text is skipped). */
export function findHandles(text: string, links: readonly FoundLink[]): string[] {
  const handles: string[] = [];
  const insideLink = (position: number) => links.some((link) => position >= link.start && position < link.end);
  for (const match of text.matchAll(labelledHandle)) {
    const platform = platformOfLabel(match[1] ?? '');
    const name = match[2] ?? '';
    const nameStart = match.index + match[0].length - name.length;
    if (insideLink(match.index) || insideLink(nameStart) || /^\d/u.test(name)) continue;
    handles.push(...handleForms(platform, name));
  }
  for (const match of text.matchAll(atHandle)) {
    if (!insideLink(match.index)) handles.push(...handleForms(undefined, match[1] ?? ''));
  }
  for (const link of links) handles.push(...handleFormsOfLink(link.url));
  return [...new Set(handles)];
}
