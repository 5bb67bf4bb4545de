// docs/problems.md is the reference clients read: every problem type the server can send must be in it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

const sourceRoot = fileURLToPath(new URL('..', import.meta.url));
const problemsDoc = readFileSync(fileURLToPath(new URL('../../../../docs/problems.md', import.meta.url)), 'utf8');

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === 'test-support' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Slugs passed to `new Problem(status, 'slug', …)`, plus those chosen in a ternary right before one. */
function problemSlugs(source: string): string[] {
  const direct = [...source.matchAll(/new Problem\(\s*[\w.]+\s*,\s*'([a-z-]+)'/g)].map((match) => match[1] as string);
  const chosen = [...source.matchAll(/const slug = [^;]*?'([a-z-]+)'\s*:\s*'([a-z-]+)'/g)].flatMap((match) => [
    match[1] as string,
    match[2] as string,
  ]);
  return [...direct, ...chosen];
}

test('every problem type the server sends is documented in docs/problems.md', () => {
  const slugs = new Set(sourceFiles(sourceRoot).flatMap((file) => problemSlugs(readFileSync(file, 'utf8'))));
  expect(slugs.size).toBeGreaterThan(20);
  const undocumented = [...slugs].filter((slug) => !problemsDoc.includes(`/problems/${slug}\``));
  expect(undocumented).toEqual([]);
});
