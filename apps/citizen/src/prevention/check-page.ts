// Entry point of the public "Check a job offer" page (check.html, served at /check.html): check an
// offer, search the registry of reported recruiters, report one. No login, and none of the account
// code is loaded, so the page stays small on a slow phone connection.
import '../shell/shell.css';
import './prevention.css';
import type { Catalogue } from '../i18n/translator';
import english from '../locales/en.json';
import { startPage } from '../shell/start-page';
import { createOfferCheck } from './offer-check';
import { createPreventionApi } from './prevention-api';
import { createRegistrySearch } from './registry-search';
import { createReportForm } from './report-form';

const root = document.querySelector<HTMLElement>('[data-prevention]');
if (root) {
  // One client, so a session's CSRF token (for a reader who is also logged in) is fetched at most once.
  const api = createPreventionApi((input, init) => fetch(input, init));
  // Built before the page translates, so their [data-i18n] text is translated with the rest.
  root.append(createOfferCheck({ api }), createRegistrySearch({ api }), createReportForm({ api }));
}

void startPage({
  english,
  catalogues: import.meta.glob<Catalogue>(['../locales/*.json', '!../locales/en.json'], { import: 'default' }),
});
