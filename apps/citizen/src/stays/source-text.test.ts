// The English the stay screens and the check-in and trusted-contact pages show before they translate must be the
// English catalogue's, in the scripts and in check-in.html and contact.html, so a key renamed or reworded in one
// place and not the other fails here, not on a phone.
import { describe, expect, test } from 'vitest';
import english from '../locales/en.json';

const sources = import.meta.glob<string>(['./*.ts', '!./*.test.ts'], { eager: true, query: '?raw', import: 'default' });
const pages = import.meta.glob<string>(['../../check-in.html', '../../contact.html'], {
  eager: true,
  query: '?raw',
  import: 'default',
});
const catalogue: Readonly<Record<string, string>> = english;

/** Every (key, English) pair the scripts hold: t(tag, key, english), [key, english], 'key': english and { key, english }. */
function pairsIn(source: string): [string, string][] {
  const patterns = [
    /\bt\(\s*'[a-z0-9]+',\s*'([^']+)',\s*(['"])((?:(?!\2).)*)\2/gs,
    /[[{,]\s*'((?:stay|checkIn|stayActions|contacts|checkInPage|contactPage|quickExit)\.[\w.]+)'[,:]\s*(['"])((?:(?!\2).)*)\2/gs,
    /\[(linkNotFoundKey)\]:\s*(['"])((?:(?!\2).)*)\2/gs,
    /key:\s*'([^']+)',\s*english:\s*(['"])((?:(?!\2).)*)\2/gs,
  ];
  return patterns.flatMap((pattern) =>
    [...source.matchAll(pattern)].map((match): [string, string] => [
      match[1] === 'linkNotFoundKey' ? 'contactPage.error.notFound' : (match[1] ?? ''),
      match[3] ?? '',
    ]),
  );
}

describe('the stay screens’ English', () => {
  test('every message in the scripts is the English catalogue’s', () => {
    const found = Object.entries(sources).flatMap(([path, source]) =>
      pairsIn(source).map(([key, text]) => ({ path, key, text })),
    );
    expect(found.length).toBeGreaterThan(100);
    for (const { path, key, text } of found) expect(text, `${key} in ${path}`).toBe(catalogue[key]);
  });

  test.each(Object.keys(pages))('%s shows the English catalogue text before the script runs', (path) => {
    const html = pages[path] ?? '';
    const translated = [...html.matchAll(/<(\w+)[^>]*\sdata-i18n="([^"]+)"[^>]*>([^<]*)<\/\1>/g)];
    expect(translated.length).toBeGreaterThan(2);
    for (const [, , key = '', text] of translated) expect(text, `data-i18n="${key}"`).toBe(catalogue[key]);
  });

  test('both public pages are checked', () => {
    expect(Object.keys(pages)).toHaveLength(2);
  });
});
