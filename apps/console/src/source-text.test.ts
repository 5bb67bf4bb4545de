// The English the console's scripts show before they translate must be the English catalogue's, so a
// key renamed or reworded in one place and not the other fails here, not in front of staff.
import { expect, test } from 'vitest';
import english from './locales/en.json';

const sources = import.meta.glob<string>(['./*.ts', '!./*.test.ts'], { eager: true, query: '?raw', import: 'default' });
const catalogue: Readonly<Record<string, string>> = english;

test('every t(tag, key, english) and [key, english] pair in the console names an English catalogue key with that text', () => {
  const found: [string, string, string][] = [];
  for (const [path, source] of Object.entries(sources)) {
    for (const match of source.matchAll(/\bt\(\s*'[a-z0-9]+',\s*'([^'$]+)',\s*(['"])((?:(?!\2).)*)\2/gs)) {
      found.push([path, match[1] ?? '', match[3] ?? '']);
    }
    for (const match of source.matchAll(/\[\s*'([a-z]+\.[\w.]+)',\s*(['"])((?:(?!\2).)+)\2\s*\]/gs)) {
      found.push([path, match[1] ?? '', match[3] ?? '']);
    }
  }
  expect(found.length).toBeGreaterThan(90);
  for (const [path, key, text] of found) expect(text, `${key} in ${path}`).toBe(catalogue[key]);
});
