// Entry point of the staff console: shows the page in the reader's language, then the sign-in or
// the signed-in screens (console-app.ts).
// The page shell and i18n live in the citizen app and are shared by relative path, so there is one copy of each.
import '../../citizen/src/shell/shell.css';
import './console.css';
import { translateTree } from '../../citizen/src/i18n/live-translation';
import type { Catalogue } from '../../citizen/src/i18n/translator';
import { startPage } from '../../citizen/src/shell/start-page';
import { startConsole } from './console-app';
import english from './locales/en.json';

const catalogues = import.meta.glob<Catalogue>(['./locales/*.json', '!./locales/en.json'], { import: 'default' });

void startPage({ english, catalogues }).then(() => {
  const root = document.querySelector<HTMLElement>('main.page');
  // startPage has set the page's translator by now, and sets it again on every language change.
  if (root) startConsole({ root, localise: async (element) => translateTree(element) });
});
