// The language to answer a request in: the one the request names, else the best of Accept-Language that
// we translate, else English. Text the server writes (explanations, advice) follows it.
import { type Language, languages } from '@homeward/domain';

// Primary subtags that mean one of our languages under another code.
const aliases: ReadonlyMap<string, Language> = new Map([
  // Filipino is the standardised form of Tagalog; many phones still report tl-PH.
  ['tl', 'fil'],
  // The withdrawn ISO 639 code for Indonesian, still sent by older Android and Java runtimes.
  ['in', 'id'],
  ['zsm', 'ms'],
]);

/** Our language for one BCP 47 tag, if we have it. Every Chinese tag gets simplified Chinese. */
export function matchLanguage(tag: string): Language | undefined {
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  const code = aliases.get(primary) ?? primary;
  return (languages as readonly string[]).includes(code) ? (code as Language) : undefined;
}

/**
 * ```ts
 * requestLanguage(undefined, 'de-DE,th;q=0.8,en;q=0.5'); // 'th'
 * requestLanguage('vi', 'th');                           // 'vi'
 * ```
 */
export function requestLanguage(asked: string | undefined, acceptLanguage: string | undefined): Language {
  const named = asked === undefined ? undefined : matchLanguage(asked);
  if (named) return named;
  for (const tag of preferredTags(acceptLanguage ?? '')) {
    const match = matchLanguage(tag);
    if (match) return match;
  }
  return 'en';
}

/** The tags of an Accept-Language header, most preferred first; `q=0` means "not this one". */
function preferredTags(header: string): string[] {
  return header
    .split(',')
    .slice(0, 20)
    .map((part, position) => {
      const [tag = '', ...parameters] = part.split(';').map((piece) => piece.trim());
      const q = parameters.find((parameter) => parameter.startsWith('q='));
      const weight = q === undefined ? 1 : Number(q.slice(2));
      return { tag, weight: Number.isFinite(weight) ? weight : 0, position };
    })
    .filter((entry) => entry.tag !== '' && entry.tag !== '*' && entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.position - b.position)
    .map((entry) => entry.tag);
}
