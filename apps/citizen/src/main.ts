// Entry point of the citizen app: shows the page in the reader's language.
import './shell/shell.css';
import { mountAccountArea } from './account/login-screen';
import type { Catalogue } from './i18n/translator';
import english from './locales/en.json';
import { startPage } from './shell/start-page';

// Built before the page translates, so its [data-i18n] text is translated with the rest.
const accountSlot = document.querySelector<HTMLElement>('[data-account-area]');
if (accountSlot) mountAccountArea(accountSlot);

void startPage({
  english,
  catalogues: import.meta.glob<Catalogue>(['./locales/*.json', '!./locales/en.json'], { import: 'default' }),
});
