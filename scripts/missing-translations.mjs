// Lists the translation keys each language lacks, compared with English, in every locales/ folder of the repository.
// Usage: node scripts/missing-translations.mjs [--strict] [root]
// Prints keys only, never messages. Exits 1 with --strict when anything is missing, else 0 (2 for bad usage).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const searchedFolders = ['apps', 'packages'];
const skippedFolders = new Set(['node_modules', 'dist', '.git']);

const args = process.argv.slice(2);
const isStrict = args.includes('--strict');
const positional = args.filter((arg) => !arg.startsWith('--'));
const unknownFlags = args.filter((arg) => arg.startsWith('--') && arg !== '--strict');
if (unknownFlags.length > 0 || positional.length > 1) {
  process.stderr.write('Usage: node scripts/missing-translations.mjs [--strict] [root]\n');
  process.exit(2);
}
const root = positional[0] ?? fileURLToPath(new URL('..', import.meta.url));

/** Every folder named `locales` holding an en.json, below the searched folders. */
function findCatalogueFolders(folder) {
  let entries;
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch {
    return [];
  }
  const found = [];
  for (const entry of entries) {
    if (!entry.isDirectory() || skippedFolders.has(entry.name)) continue;
    const path = join(folder, entry.name);
    if (entry.name === 'locales' && readdirSync(path).includes('en.json')) found.push(path);
    found.push(...findCatalogueFolders(path));
  }
  return found;
}

/** The keys of a catalogue that hold a non-empty message, or undefined if the file is not a JSON object. */
function readKeys(path) {
  try {
    const catalogue = JSON.parse(readFileSync(path, 'utf8'));
    if (typeof catalogue !== 'object' || catalogue === null || Array.isArray(catalogue)) return undefined;
    return new Set(Object.keys(catalogue).filter((key) => typeof catalogue[key] === 'string' && catalogue[key] !== ''));
  } catch {
    return undefined;
  }
}

function languagesIn(folder) {
  return readdirSync(folder)
    .filter((name) => name.endsWith('.json'))
    .map((name) => name.slice(0, -'.json'.length));
}

const folders = searchedFolders.flatMap((folder) => findCatalogueFolders(join(root, folder))).sort();
// A language is expected everywhere once any catalogue has it, so a file absent from one folder is noticed.
const expectedLanguages = [...new Set(folders.flatMap(languagesIn))].filter((code) => code !== 'en').sort();

const totals = { files: 0, complete: 0, missingKeys: 0, absentFiles: 0, unreadableFiles: 0, extraKeys: 0 };
const lines = [];
const list = (keys) => keys.sort().join(', ');

for (const folder of folders) {
  const english = readKeys(join(folder, 'en.json'));
  const name = relative(root, folder) || folder;
  if (!english) {
    lines.push(`${name}: en.json is not a JSON object of messages; skipped`, '');
    totals.unreadableFiles += 1;
    continue;
  }
  lines.push(`${name} (${english.size} English keys)`);
  const present = new Set(languagesIn(folder));
  for (const code of expectedLanguages) {
    totals.files += 1;
    if (!present.has(code)) {
      totals.absentFiles += 1;
      totals.missingKeys += english.size;
      lines.push(`  ${code}: file absent (all ${english.size} keys missing)`);
      continue;
    }
    const keys = readKeys(join(folder, `${code}.json`));
    if (!keys) {
      totals.unreadableFiles += 1;
      totals.missingKeys += english.size;
      lines.push(`  ${code}: not a JSON object of messages (all ${english.size} keys missing)`);
      continue;
    }
    const missing = [...english].filter((key) => !keys.has(key));
    const extra = [...keys].filter((key) => !english.has(key));
    totals.missingKeys += missing.length;
    totals.extraKeys += extra.length;
    if (missing.length === 0 && extra.length === 0) totals.complete += 1;
    const parts = [];
    if (missing.length > 0) parts.push(`missing ${missing.length}: ${list(missing)}`);
    if (extra.length > 0) parts.push(`not in English ${extra.length}: ${list(extra)}`);
    lines.push(`  ${code}: ${parts.length > 0 ? parts.join('; ') : 'complete'}`);
  }
  lines.push('');
}

// The job-offer check's explanations live in the domain package as TypeScript, not JSON: ask the built package.
const domainEntry = join(root, 'packages/domain/dist/index.js');
try {
  const { missingPreventionTranslations } = await import(pathToFileURL(domainEntry).href);
  const missing = missingPreventionTranslations();
  lines.push('packages/domain/src/prevention/rules/explanations (the job-offer check)');
  for (const code of new Set(missing.map((entry) => entry.language))) {
    const keys = missing.filter((entry) => entry.language === code).map((entry) => entry.key);
    lines.push(`  ${code}: missing ${keys.length}: ${list(keys)}`);
  }
  if (missing.length === 0) lines.push('  every language complete');
  totals.missingKeys += missing.length;
} catch {
  lines.push('packages/domain/src/prevention/rules/explanations: not checked (run `npm run build` first)');
}
lines.push('');

const isMissingAnything = totals.missingKeys > 0 || totals.unreadableFiles > 0;
lines.push(
  `Summary: ${folders.length} catalogue folder(s), ${totals.files} language file(s) compared with English, ` +
    `${totals.complete} complete; ${totals.missingKeys} missing key(s), ${totals.absentFiles} absent file(s), ` +
    `${totals.unreadableFiles} unreadable file(s), ${totals.extraKeys} key(s) not in English.`,
);
process.stdout.write(`${lines.join('\n')}\n`);
process.exit(isStrict && isMissingAnything ? 1 : 0);
