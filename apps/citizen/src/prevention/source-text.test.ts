// The English the check page shows before it translates must be the English catalogue's, in the page's
// scripts and in check.html, so a key renamed or reworded in one place and not the other fails here.
import { describe, expect, test } from 'vitest';
import english from '../locales/en.json';

const sources = import.meta.glob<string>(['./*.ts', '!./*.test.ts'], { eager: true, query: '?raw', import: 'default' });
const checkPage = import.meta.glob<string>('../../check.html', { eager: true, query: '?raw', import: 'default' });
const catalogue: Readonly<Record<string, string>> = english;

/** Every (key, English) pair the scripts hold: t(tag, key, english), [.., key, english] and { key, english }. */
function pairsIn(source: string): [string, string][] {
  const patterns = [
    /\bt\(\s*'[a-z0-9]+',\s*'([^']+)',\s*(['"])((?:(?!\2).)*)\2/gs,
    /[[{,]\s*'((?:check|registry|report|removal|prevention)\.[\w.]+)'[,:]\s*(['"])((?:(?!\2).)*)\2/gs,
    /key:\s*'([^']+)',\s*english:\s*(['"])((?:(?!\2).)*)\2/gs,
  ];
  return patterns.flatMap((pattern) =>
    [...source.matchAll(pattern)].map((match): [string, string] => [match[1] ?? '', match[3] ?? '']),
  );
}

describe('the check page’s English', () => {
  test('every message in the scripts is the English catalogue’s', () => {
    const found = Object.entries(sources).flatMap(([path, source]) =>
      pairsIn(source).map(([key, text]) => ({ path, key, text })),
    );
    expect(found.length).toBeGreaterThan(100);
    for (const { path, key, text } of found) expect(text, `${key} in ${path}`).toBe(catalogue[key]);
  });

  test('check.html shows the English catalogue text before the script runs', () => {
    const html = Object.values(checkPage)[0] ?? '';
    const translated = [...html.matchAll(/<(\w+)[^>]*\sdata-i18n="([^"]+)"[^>]*>([^<]*)<\/\1>/g)];
    expect(translated.length).toBeGreaterThan(5);
    for (const [, , key = '', text] of translated) expect(text, `data-i18n="${key}"`).toBe(catalogue[key]);
  });
});
