// Entry point of the trusted contact's page (contact.html, opened from the link /contact.html#<token>): agree to
// be told if the citizen goes silent, and tell the embassy you are worried. The token is read from the address
// once and wiped from it (and so from the history), then kept in memory only.
import '../shell/shell.css';
import './stays.css';
import type { Catalogue } from '../i18n/translator';
import english from '../locales/en.json';
import { createBusyGuard, createMessageArea, h, t } from '../shell/dom';
import { startPage } from '../shell/start-page';
import { lastHeardAtOf, readLinkToken } from './contact-link';
import { field, messageElement, requestMessages, setMessageValues, showRequestProblem } from './stay-ui';
import { type ContactLink, createContactLinkApi } from './stays-api';

const linkNotFoundKey = 'contactPage.error.notFound';

function createContactPage(fetcher: typeof fetch, token: string | undefined): HTMLElement {
  const api = createContactLinkApi(fetcher);
  const alert = createMessageArea(
    {
      ...requestMessages,
      [linkNotFoundKey]: 'This link does not work any more. Ask the person who sent it to you for a new one.',
      'contactPage.error.messageMissing': 'Write a few words about what worries you.',
    },
    { class: 'form-error', 'data-testid': 'contact-page-error' },
  );
  const known = { 'trusted-contact-link-not-found': linkNotFoundKey };
  const retryButton = t('button', 'stay.reload', 'Try again', { type: 'button', hidden: true });

  const nameValues = { name: '' };
  const invitedText = messageElement(
    'p',
    {
      key: 'contactPage.invited',
      english:
        '{name} asks you to be their trusted contact while abroad. If {name} misses their check-ins, we will tell you, and you can tell their embassy you are worried.',
    },
    { 'data-testid': 'contact-invited' },
    nameValues,
  );
  const confirmButton = messageElement(
    'button',
    { key: 'contactPage.confirm', english: 'I agree to be told if {name} goes silent' },
    { type: 'button', class: 'primary', 'data-testid': 'contact-confirm' },
    nameValues,
  );
  const invited = h('div', { hidden: true }, invitedText, confirmButton);
  const confirmed = messageElement(
    'p',
    {
      key: 'contactPage.confirmed',
      english: 'You are {name}’s trusted contact. We will tell you if {name} misses their check-ins.',
    },
    { class: 'success', 'data-testid': 'contact-confirmed', hidden: true },
    nameValues,
  );
  const withdrawn = messageElement(
    'p',
    {
      key: 'contactPage.withdrawn',
      english: 'This invitation was withdrawn. You will not be told anything more about {name}.',
    },
    { 'data-testid': 'contact-withdrawn', hidden: true },
    nameValues,
  );

  const concernTitle = messageElement(
    'h2',
    { key: 'contactPage.concernTitle', english: 'Worried about {name}?' },
    { id: 'concern-title' },
    nameValues,
  );
  const lastHeard = h('input', { id: 'concern-since', name: 'since', type: 'date', 'data-testid': 'concern-since' });
  const message = h('textarea', {
    id: 'concern-message',
    name: 'message',
    rows: '5',
    maxlength: '1000',
    'data-testid': 'concern-message',
  });
  const sendConcern = t('button', 'contactPage.concernSend', 'Tell the embassy', {
    type: 'submit',
    class: 'primary',
    'data-testid': 'concern-send',
  });
  const concernSent = t('p', 'contactPage.concernSent', 'Thank you. The embassy has been told and will look into it.', {
    class: 'success',
    role: 'status',
    hidden: true,
    'data-testid': 'concern-sent',
  });
  const concernForm = h(
    'form',
    { class: 'concern-form', novalidate: true },
    field(lastHeard, { key: 'contactPage.since', english: 'I have not heard from them since (optional)' }),
    field(message, { key: 'contactPage.message', english: 'What worries you?' }),
    sendConcern,
  );
  const concern = h(
    'section',
    { class: 'concern', 'aria-labelledby': concernTitle.id, hidden: true, 'data-testid': 'concern' },
    concernTitle,
    concernForm,
    concernSent,
  );

  const showLink = (link: ContactLink) => {
    nameValues.name = link.citizenName;
    for (const element of [invitedText, confirmButton, confirmed, withdrawn, concernTitle]) {
      setMessageValues(element, nameValues);
    }
    invited.hidden = link.status !== 'invited';
    confirmed.hidden = link.status !== 'confirmed';
    withdrawn.hidden = link.status !== 'withdrawn';
    concern.hidden = link.status === 'withdrawn';
  };

  const lookUp = async () => {
    if (token === undefined) return alert.show(linkNotFoundKey);
    alert.show(undefined);
    retryButton.hidden = true;
    const answer = await api.lookup(token);
    if (answer.ok) return showLink(answer.value);
    showRequestProblem(alert, answer.problem, known);
    retryButton.hidden = answer.problem.status !== 0;
  };

  const whileBusy = createBusyGuard(confirmButton, sendConcern, retryButton);
  retryButton.addEventListener('click', () => void whileBusy(lookUp));
  confirmButton.addEventListener('click', () => {
    if (token === undefined) return;
    void whileBusy(async () => {
      alert.show(undefined);
      const answer = await api.confirm(token);
      if (!answer.ok) return showRequestProblem(alert, answer.problem, known);
      invited.hidden = true;
      confirmed.hidden = false;
    });
  });
  concernForm.addEventListener('submit', (event) => {
    event.preventDefault();
    if (token === undefined) return;
    const text = message.value.trim();
    if (text === '') return alert.show('contactPage.error.messageMissing');
    void whileBusy(async () => {
      alert.show(undefined);
      concernSent.hidden = true;
      const answer = await api.raiseConcern(token, text, lastHeardAtOf(lastHeard.value));
      if (!answer.ok) return showRequestProblem(alert, answer.problem, known);
      concernForm.reset();
      concernSent.hidden = false;
    });
  });

  void whileBusy(lookUp);
  return h(
    'div',
    { class: 'contact-page', 'data-testid': 'contact-page' },
    invited,
    confirmed,
    withdrawn,
    alert.element,
    retryButton,
    concern,
  );
}

const root = document.querySelector<HTMLElement>('[data-trusted-contact]');
if (root) {
  const token = readLinkToken(window.location.hash);
  // The link is a key to someone's safety alerts: take it out of the address bar and the history at once.
  if (window.location.hash !== '') {
    window.history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  // Built before the page translates, so its [data-i18n] text is translated with the rest.
  root.append(createContactPage((input, init) => fetch(input, init), token));
}

void startPage({
  english,
  catalogues: import.meta.glob<Catalogue>(['../locales/*.json', '!../locales/en.json'], { import: 'default' }),
});
