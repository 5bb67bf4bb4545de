// "Search the registry": a phone number in any format, a company name, a link or a handle, looked up
// among the approved entries; each found entry says how often and by how many people it was reported.
// A listed company or person may ask for an entry's removal (after the same proof of work as a report).
import { createBusyGuard, createMessageArea, h, type MessageArea, t } from '../shell/dom';
import { createPreventionApi, type PreventionApi, type RegistryEntry } from './prevention-api';
import { createProofOfWorkStep, field, messageElement, requestMessages, showProblem } from './prevention-ui';
import { describeEntry } from './result-view';

export interface RegistrySearchOptions {
  readonly api?: PreventionApi;
}

export function createRegistrySearch(options: RegistrySearchOptions = {}): HTMLElement {
  const api = options.api ?? createPreventionApi((input, init) => fetch(input, init));
  const query = h('input', {
    id: 'registry-query',
    name: 'q',
    type: 'search',
    maxlength: '200',
    autocomplete: 'off',
    spellcheck: 'false',
    'aria-describedby': 'registry-query-hint',
    'data-testid': 'registry-query',
  });
  const searchButton = t('button', 'registry.searchButton', 'Search', {
    type: 'submit',
    class: 'primary',
    'data-testid': 'registry-search-submit',
  });
  const alert = createMessageArea(
    { ...requestMessages, 'registry.error.emptyQuery': 'Type a phone number, a company name, a link or a handle.' },
    { class: 'form-error', 'data-testid': 'registry-search-error' },
  );
  const results = h('div', { class: 'registry-results', 'data-testid': 'registry-results', 'aria-live': 'polite' });
  const form = h(
    'form',
    { class: 'search-form', role: 'search', novalidate: true },
    t('label', 'registry.queryLabel', 'Phone number, company, link or handle', { for: query.id }),
    t('p', 'registry.queryHint', 'For example +66 81 234 5678, t.me/name or the company’s name.', {
      class: 'hint',
      id: 'registry-query-hint',
    }),
    h('div', { class: 'search-row' }, query, searchButton),
    alert.element,
  );

  const whileBusy = createBusyGuard(searchButton);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (query.value.trim() === '') {
      results.replaceChildren();
      alert.show('registry.error.emptyQuery');
      return;
    }
    void whileBusy(async () => {
      alert.show(undefined);
      // The last answer goes at once, so it is never read as the answer to this query.
      results.replaceChildren();
      const answer = await api.searchRegistry(query.value);
      if (!answer.ok) {
        results.replaceChildren();
        return showProblem(alert, answer.problem);
      }
      const entries = answer.value.entries;
      results.replaceChildren(
        entries.length === 0
          ? messageElement(
              'p',
              {
                key: 'registry.noneFound',
                english:
                  'Nothing like this has been reported to the registry. That does not make it safe: check the offer too.',
              },
              { class: 'note', 'data-testid': 'registry-none' },
            )
          : h('ul', { class: 'entries' }, ...entries.map((entry) => entryItem(api, entry))),
      );
    });
  });

  return h(
    'section',
    { class: 'prevention-part', id: 'search', 'aria-labelledby': 'search-heading', 'data-testid': 'registry-search' },
    t('h2', 'registry.heading', 'Search the registry of reported recruiters', { id: 'search-heading' }),
    t(
      'p',
      'registry.intro',
      'Staff check every report before it is listed here. The people who reported are never shown.',
    ),
    form,
    results,
  );
}

/** One found entry, with its "ask for removal" form folded away under a button. */
function entryItem(api: PreventionApi, entry: RegistryEntry): HTMLElement {
  const view = describeEntry(entry);
  const removalSlot = h('div', {});
  const askButton = t('button', 'removal.open', 'This is about me or my company: ask for removal', {
    type: 'button',
    class: 'link-button',
    'data-testid': 'removal-open',
  });
  askButton.addEventListener('click', () => {
    askButton.hidden = true;
    removalSlot.replaceChildren(removalForm(api, entry.id));
    removalSlot.querySelector('input')?.focus();
  });
  return h(
    'li',
    { class: 'entry', 'data-testid': 'registry-entry', 'data-entry-id': entry.id },
    messageElement('span', view.kind, { class: 'entry-kind' }),
    ' ',
    h('strong', { class: 'entry-display', 'data-testid': 'entry-display' }, view.display),
    messageElement('p', view.reported, { 'data-testid': 'entry-reported' }),
    ...(view.disputed
      ? [
          messageElement(
            'p',
            { key: 'registry.disputed', english: 'The listed party disputes this entry; staff are reviewing it.' },
            { class: 'hint' },
          ),
        ]
      : []),
    askButton,
    removalSlot,
  );
}

/** The right of reply: who asks, how to reach them, and why the entry is wrong. */
function removalForm(api: PreventionApi, entryId: string): HTMLElement {
  const id = (name: string) => `removal-${entryId}-${name}`;
  const name = h('input', { id: id('name'), name: 'requesterName', maxlength: '200', autocomplete: 'name' });
  const email = h('input', {
    id: id('email'),
    name: 'contactEmail',
    type: 'email',
    maxlength: '254',
    autocomplete: 'email',
  });
  const statement = h('textarea', { id: id('statement'), name: 'statement', rows: '5', maxlength: '4000' });
  const submit = t('button', 'removal.submit', 'Send the request', { type: 'submit', class: 'primary' });
  const proofOfWork = createProofOfWorkStep(api);
  const alert: MessageArea = createMessageArea(
    {
      ...requestMessages,
      'removal.error.incomplete': 'Fill in your name, an email address and why the entry is wrong.',
    },
    { class: 'form-error', 'data-testid': 'removal-error' },
  );
  const form = h(
    'form',
    { class: 'removal-form', 'data-testid': 'removal-form', novalidate: true },
    t(
      'p',
      'removal.intro',
      'Staff read every request and answer by email. The entry stays listed, marked as disputed, until they decide.',
    ),
    field(name.id, 'removal.name', 'Your name or your company’s', name),
    field(email.id, 'removal.email', 'Email address for the answer', email),
    field(statement.id, 'removal.statement', 'Why the entry is wrong', statement),
    submit,
    proofOfWork.element,
    alert.element,
  );
  const whileBusy = createBusyGuard(submit);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const request = {
      requesterName: name.value.trim(),
      contactEmail: email.value.trim(),
      statement: statement.value.trim(),
    };
    if (!request.requesterName || !request.contactEmail || !request.statement) {
      alert.show('removal.error.incomplete');
      return;
    }
    void whileBusy(async () => {
      alert.show(undefined);
      const solved = await proofOfWork.solve();
      if (!solved.ok) return showProblem(alert, solved.problem);
      const answer = await api.requestRemoval(entryId, solved.solved, request);
      if (!answer.ok) return showProblem(alert, answer.problem);
      const done = messageElement(
        'p',
        { key: 'removal.sent', english: 'Request sent. Staff will answer by email.' },
        { class: 'success', role: 'status', 'data-testid': 'removal-sent' },
      );
      form.replaceWith(done);
    });
  });
  return form;
}
