// Entry point of the citizen app: shows the page in the reader's language.
import './shell/shell.css';
import type { Catalogue } from './i18n/translator';
import english from './locales/en.json';
import { startPage } from './shell/start-page';

void startPage({
  english,
  catalogues: import.meta.glob<Catalogue>(['./locales/*.json', '!./locales/en.json'], { import: 'default' }),
});
