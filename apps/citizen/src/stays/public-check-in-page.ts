// Entry point of the public check-in page (check-in.html, served at /check-in.html), for a citizen whose phone
// was taken: national ID number, PIN and a signal, from any browser, without logging in. Nothing is kept on the
// device (no storage, no autofill), the answer reads the same whichever PIN was typed, and the form is emptied
// once the check-in is received. A check-in that could not be sent waits in memory only, while the page is open.
import '../shell/shell.css';
import './stays.css';
import type { Catalogue } from '../i18n/translator';
import english from '../locales/en.json';
import { createBusyGuard, createMessageArea, h, t } from '../shell/dom';
import { startPage } from '../shell/start-page';
import { createCheckInSender, type SendOutcome } from './check-in-sender';
import {
  createQuickExit,
  field,
  instantValues,
  messageElement,
  pinInput,
  receivedMessage,
  receivedNoDueMessage,
  requestMessages,
  setMessageValues,
  showRequestProblem,
} from './stay-ui';
import { type CheckInBody, type CheckInReceipt, publicCheckIn, type Signal, signals } from './stays-api';

const signalChoices: Readonly<Record<Signal, readonly [string, string]>> = {
  ok: ['checkInPage.signal.ok', 'I’m OK'],
  need_help: ['checkInPage.signal.need_help', 'I need help'],
  sos: ['checkInPage.signal.sos', 'SOS: I am in danger'],
};

type PublicCheckInBody = CheckInBody & { readonly nationalId: string };

function createPublicCheckIn(fetcher: typeof fetch): HTMLElement {
  const nationalId = h('input', {
    id: 'public-national-id',
    name: 'public-national-id',
    type: 'text',
    autocomplete: 'off',
    autocapitalize: 'characters',
    spellcheck: 'false',
    maxlength: '40',
    required: true,
    'data-testid': 'public-national-id',
  });
  const pin = pinInput('public-pin', 'public-pin');
  const signalInputs = signals.map((value) =>
    h('input', {
      type: 'radio',
      name: 'signal',
      value,
      id: `public-signal-${value}`,
      checked: value === 'ok',
      'data-testid': `public-signal-${value}`,
    }),
  );
  const signalFieldset = h(
    'fieldset',
    { class: 'signal-choices' },
    t('legend', 'checkInPage.signalLegend', 'How are you?'),
    ...signalInputs.map((input) => {
      const [key, english] = signalChoices[input.value as Signal];
      return h(
        'div',
        { class: `checkbox signal-choice-${input.value}` },
        input,
        t('label', key, english, { for: input.id }),
      );
    }),
  );
  const message = h('textarea', {
    id: 'public-message',
    name: 'public-message',
    rows: '3',
    maxlength: '500',
    autocomplete: 'off',
    'data-testid': 'public-message',
  });
  const messageField = field(message, { key: 'checkIn.message', english: 'What is happening? (optional, short)' });
  messageField.hidden = true;
  for (const input of signalInputs) {
    input.addEventListener('change', () => {
      messageField.hidden = chosenSignal() === 'ok';
    });
  }
  const chosenSignal = (): Signal => (signalInputs.find((input) => input.checked)?.value as Signal | undefined) ?? 'ok';

  const send = t('button', 'checkIn.send', 'Send', {
    type: 'submit',
    class: 'primary big',
    'data-testid': 'public-send',
  });
  const received = messageElement(
    'p',
    receivedMessage,
    { class: 'success', 'data-testid': 'check-in-received' },
    { at: 0 },
  );
  const receivedNoDue = messageElement('p', receivedNoDueMessage, {
    class: 'success',
    'data-testid': 'check-in-received',
  });
  const retryButton = t('button', 'checkIn.retry', 'Try again now', {
    type: 'button',
    'data-testid': 'check-in-retry',
  });
  const waiting = h(
    'div',
    { class: 'waiting', 'data-testid': 'check-in-waiting' },
    t(
      'p',
      'checkIn.waiting',
      'Not sent yet: there is no connection. It will be sent when you are back online, if this page stays open.',
    ),
    retryButton,
  );
  const hideOutcome = () => {
    received.hidden = true;
    receivedNoDue.hidden = true;
    waiting.hidden = true;
  };
  hideOutcome();
  const outcome = h('div', { role: 'status', class: 'check-in-outcome' }, received, receivedNoDue, waiting);
  const alert = createMessageArea(
    {
      ...requestMessages,
      'checkInPage.error.notRecognised': 'The ID number or the PIN was not recognised. Check them and try again.',
      'checkInPage.error.missing': 'Fill in your ID number and your PIN.',
    },
    { class: 'form-error', 'data-testid': 'public-check-in-error' },
  );

  const form = h(
    'form',
    { class: 'public-check-in', novalidate: true, autocomplete: 'off', 'data-testid': 'public-check-in' },
    field(nationalId, { key: 'checkInPage.nationalId', english: 'Your national ID number' }),
    field(pin, { key: 'checkIn.pin', english: 'Your PIN' }),
    signalFieldset,
    messageField,
    send,
    alert.element,
  );

  const sender = createCheckInSender<PublicCheckInBody, CheckInReceipt>((body, key) =>
    publicCheckIn(fetcher, body, key),
  );
  // Empties every box, so the next person to hold this device finds nothing.
  const clearForm = () => {
    form.reset();
    messageField.hidden = true;
  };
  const showOutcome = (sent: SendOutcome<CheckInReceipt>) => {
    hideOutcome();
    if (sent.kind === 'waiting') {
      waiting.hidden = false;
      clearForm();
      outcome.scrollIntoView({ block: 'center' });
      return;
    }
    if (sent.kind === 'refused') {
      pin.value = '';
      return showRequestProblem(alert, sent.problem, { 'check-in-not-recognised': 'checkInPage.error.notRecognised' });
    }
    alert.show(undefined);
    clearForm();
    const due = instantValues(sent.receipt.nextCheckInDueAt);
    if (due === undefined) receivedNoDue.hidden = false;
    else {
      setMessageValues(received, due);
      received.hidden = false;
    }
    // Below the form, where the quick-exit button could cover it: bring it up into view.
    outcome.scrollIntoView({ block: 'center' });
  };

  const whileBusy = createBusyGuard(send, retryButton);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (nationalId.value.trim() === '' || pin.value.trim() === '') {
      alert.show('checkInPage.error.missing');
      return;
    }
    const signal = chosenSignal();
    const text = message.value.trim();
    const body: PublicCheckInBody = {
      nationalId: nationalId.value.trim(),
      pin: pin.value.trim(),
      signal,
      ...(signal !== 'ok' && text !== '' && { message: text }),
    };
    void whileBusy(async () => {
      alert.show(undefined);
      hideOutcome();
      showOutcome(await sender.send(body));
    });
  });
  const retry = () =>
    whileBusy(async () => {
      const sent = await sender.retry();
      if (sent !== undefined) showOutcome(sent);
    });
  retryButton.addEventListener('click', () => void retry());
  window.addEventListener('online', () => {
    if (sender.isWaiting()) void retry();
  });
  // Leaving the page (or the quick exit) forgets anything that waits; a page restored from the back-forward
  // cache starts empty too.
  window.addEventListener('pageshow', (event) => {
    if (event.persisted) {
      sender.discard();
      clearForm();
      hideOutcome();
    }
  });

  return h('div', {}, form, outcome);
}

const root = document.querySelector<HTMLElement>('[data-public-check-in]');
if (root) {
  // Built before the page translates, so its [data-i18n] text is translated with the rest.
  root.append(
    createPublicCheckIn((input, init) => fetch(input, init)),
    createQuickExit(),
  );
}

void startPage({
  english,
  catalogues: import.meta.glob<Catalogue>(['../locales/*.json', '!../locales/en.json'], { import: 'default' }),
  remembersLanguage: false,
});
