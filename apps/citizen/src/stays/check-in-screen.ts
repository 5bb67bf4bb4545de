// The check-in screen of a registered stay: one big "I'm OK", "I need help" (with a short message) and "SOS",
// each sent with the PIN. Its answer reads the same whichever of the two PINs was typed: the server answers a
// duress check-in exactly like an ok one, and this screen shows nothing that could tell them apart.
import type { ProblemAnswer } from '../account/api';
import { translateTree } from '../i18n/live-translation';
import { createBusyGuard, createMessageArea, h, t } from '../shell/dom';
import { createCheckInSender, type SendOutcome } from './check-in-sender';
import { createStayActions } from './stay-actions';
import {
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
import type { CheckInBody, CheckInReceipt, Signal, Stay, StaysApi } from './stays-api';
import { createTrustedContacts } from './trusted-contacts';

const signalMessages: Readonly<Record<Signal, readonly [string, string]>> = {
  ok: ['checkIn.sendingOk', 'Check in: I’m OK'],
  need_help: ['checkIn.sendingHelp', 'Ask for help'],
  sos: ['checkIn.sendingSos', 'SOS: I am in danger'],
};

export interface CheckInScreenOptions {
  readonly api: StaysApi;
  /** The stay changed (paused, resumed, a contact added); `undefined` once it has ended. */
  readonly onStayChanged: (stay: Stay | undefined) => void;
}

export interface CheckInScreen {
  readonly element: HTMLElement;
  show(stay: Stay): void;
  /** Forgets everything typed and anything waiting to be sent (a logout). */
  reset(): void;
}

export function createCheckInScreen({ api, onStayChanged }: CheckInScreenOptions): CheckInScreen {
  let stay: Stay | undefined;
  let signal: Signal = 'ok';

  const dueLine = messageElement(
    'p',
    { key: 'checkIn.nextDue', english: 'Next check-in due {at, date, medium}, {at, time, short}.' },
    { class: 'next-due', 'data-testid': 'next-due', hidden: true },
    { at: 0 },
  );
  const pausedLine = messageElement(
    'p',
    { key: 'checkIn.pausedUntil', english: 'Check-ins are paused until {at, date, medium}, {at, time, short}.' },
    { class: 'next-due', 'data-testid': 'paused-until', hidden: true },
    { at: 0 },
  );
  const overdueLine = t(
    'p',
    'checkIn.overdue',
    'Your check-in is late. Check in now so your embassy knows you are safe.',
    {
      class: 'overdue',
      'data-testid': 'overdue',
      hidden: true,
    },
  );
  const embassyName = h('strong', { 'data-testid': 'stay-embassy' });
  const embassyLine = h(
    'p',
    { class: 'hint', hidden: true },
    t('span', 'checkIn.embassy', 'Your embassy:'),
    ' ',
    embassyName,
  );

  const okButton = t('button', 'checkIn.ok', 'I’m OK', {
    type: 'button',
    class: 'signal-ok',
    'data-testid': 'check-in-ok',
  });
  const helpButton = t('button', 'checkIn.help', 'I need help', {
    type: 'button',
    class: 'signal-help',
    'data-testid': 'check-in-help',
  });
  const sosButton = t('button', 'checkIn.sos', 'SOS', {
    type: 'button',
    class: 'signal-sos',
    'data-testid': 'check-in-sos',
  });
  const signalButtons = h(
    'div',
    { class: 'signal-buttons' },
    okButton,
    h('div', { class: 'signal-row' }, helpButton, sosButton),
  );

  const signalTitle = (value: Signal) => {
    const [key, english] = signalMessages[value];
    return t('h4', key, english, { hidden: true, 'data-testid': `pin-step-${value}` });
  };
  const signalTitles: Readonly<Record<Signal, HTMLElement>> = {
    ok: signalTitle('ok'),
    need_help: signalTitle('need_help'),
    sos: signalTitle('sos'),
  };
  const pin = pinInput('check-in-pin', 'check-in-pin');
  const message = h('textarea', {
    id: 'check-in-message',
    name: 'message',
    rows: '3',
    maxlength: '500',
    'data-testid': 'check-in-message',
  });
  const messageField = field(message, { key: 'checkIn.message', english: 'What is happening? (optional, short)' });
  const sendButton = t('button', 'checkIn.send', 'Send', {
    type: 'submit',
    class: 'primary',
    'data-testid': 'check-in-send',
  });
  const cancelButton = t('button', 'checkIn.cancel', 'Cancel', { type: 'button' });
  const pinStep = h(
    'form',
    { class: 'pin-step', 'data-testid': 'check-in-pin-step', hidden: true, novalidate: true, autocomplete: 'off' },
    ...Object.values(signalTitles),
    field(pin, { key: 'checkIn.pin', english: 'Your PIN' }),
    messageField,
    h('div', { class: 'actions' }, sendButton, cancelButton),
  );

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
    { class: 'waiting', 'data-testid': 'check-in-waiting', hidden: true },
    t(
      'p',
      'checkIn.waiting',
      'Not sent yet: there is no connection. It will be sent when you are back online, if this page stays open.',
    ),
    retryButton,
  );
  const outcome = h('div', { role: 'status', class: 'check-in-outcome' }, received, receivedNoDue, waiting);
  const alert = createMessageArea(
    { ...requestMessages, 'checkIn.error.pinMissing': 'Type your PIN.' },
    { class: 'form-error', 'data-testid': 'check-in-error' },
  );
  const hideOutcome = () => {
    received.hidden = true;
    receivedNoDue.hidden = true;
    waiting.hidden = true;
  };
  hideOutcome();

  const sender = createCheckInSender<CheckInBody, CheckInReceipt>((body, key) => {
    if (stay === undefined) return Promise.resolve({ ok: false, problem: { status: 0, slug: '', errors: [] } });
    return api.checkIn(stay.id, body, key);
  });

  const showOutcome = (sent: SendOutcome<CheckInReceipt>) => {
    hideOutcome();
    if (sent.kind === 'waiting') {
      waiting.hidden = false;
      outcome.scrollIntoView({ block: 'center' });
      return;
    }
    if (sent.kind === 'refused') return showProblem(sent.problem);
    alert.show(undefined);
    const due = instantValues(sent.receipt.nextCheckInDueAt);
    if (due === undefined) receivedNoDue.hidden = false;
    else {
      setMessageValues(received, due);
      received.hidden = false;
    }
    if (stay !== undefined) {
      stay = { ...stay, isOverdue: false, nextCheckInDueAt: sent.receipt.nextCheckInDueAt };
      showStanding(stay);
    }
    outcome.scrollIntoView({ block: 'center' });
  };
  const showProblem = (problem: ProblemAnswer) => showRequestProblem(alert, problem);

  const openPinStep = (chosen: Signal) => {
    signal = chosen;
    for (const [value, title] of Object.entries(signalTitles)) title.hidden = value !== chosen;
    messageField.hidden = chosen === 'ok';
    pinStep.hidden = false;
    signalButtons.hidden = true;
    hideOutcome();
    alert.show(undefined);
    pin.focus();
  };
  const closePinStep = () => {
    pin.value = '';
    message.value = '';
    pinStep.hidden = true;
    signalButtons.hidden = false;
  };
  okButton.addEventListener('click', () => openPinStep('ok'));
  helpButton.addEventListener('click', () => openPinStep('need_help'));
  sosButton.addEventListener('click', () => openPinStep('sos'));
  cancelButton.addEventListener('click', () => {
    closePinStep();
    alert.show(undefined);
    okButton.focus();
  });

  const whileBusy = createBusyGuard(sendButton, cancelButton, retryButton);
  pinStep.addEventListener('submit', (event) => {
    event.preventDefault();
    if (pin.value.trim() === '') {
      alert.show('checkIn.error.pinMissing');
      return;
    }
    const text = message.value.trim();
    const body: CheckInBody = {
      pin: pin.value.trim(),
      signal,
      ...(signal !== 'ok' && text !== '' && { message: text }),
    };
    void whileBusy(async () => {
      alert.show(undefined);
      const sent = await sender.send(body);
      showOutcome(sent);
      // Refused (a wrong PIN): the citizen types it again. Otherwise the PIN leaves the screen at once.
      if (sent.kind === 'refused') {
        pin.value = '';
        pin.focus();
        return;
      }
      closePinStep();
      okButton.focus();
    });
  });
  const retry = () =>
    whileBusy(async () => {
      const sent = await sender.retry();
      if (sent !== undefined) showOutcome(sent);
    });
  retryButton.addEventListener('click', () => void retry());
  // Back online: send what waits, with its key, so it is counted once even if the first try got through.
  window.addEventListener('online', () => {
    if (sender.isWaiting()) void retry();
  });

  const actions = createStayActions({
    api,
    onChanged: (changed) => {
      if (changed.status === 'ended') {
        reset();
        onStayChanged(undefined);
        return;
      }
      stay = changed;
      showStanding(changed);
      onStayChanged(changed);
    },
  });
  const contacts = createTrustedContacts({
    api,
    onChanged: (changed) => {
      stay = changed;
      onStayChanged(changed);
    },
  });

  const showStanding = (shown: Stay) => {
    const isPaused = shown.status === 'paused';
    const due = instantValues(shown.nextCheckInDueAt);
    const pausedUntil = instantValues(shown.pausedUntil);
    dueLine.hidden = isPaused || due === undefined;
    if (due !== undefined) setMessageValues(dueLine, due);
    pausedLine.hidden = !isPaused || pausedUntil === undefined;
    if (pausedUntil !== undefined) setMessageValues(pausedLine, pausedUntil);
    overdueLine.hidden = !shown.isOverdue || isPaused;
    embassyName.textContent = shown.embassy?.name ?? '';
    embassyLine.hidden = shown.embassy === undefined;
    actions.show(shown);
  };

  const element = h(
    'section',
    { class: 'check-in-screen', 'data-testid': 'check-in-screen', 'aria-labelledby': 'check-in-title', hidden: true },
    t('h3', 'checkIn.title', 'Check in', { id: 'check-in-title' }),
    overdueLine,
    dueLine,
    pausedLine,
    embassyLine,
    signalButtons,
    pinStep,
    outcome,
    alert.element,
    actions.element,
    contacts.element,
  );

  const reset = () => {
    sender.discard();
    closePinStep();
    hideOutcome();
    alert.show(undefined);
    actions.reset();
    contacts.reset();
    stay = undefined;
  };

  return {
    element,
    show(shown) {
      if (stay?.id !== shown.id) {
        reset();
      }
      stay = shown;
      showStanding(shown);
      contacts.show(shown);
      element.hidden = false;
      translateTree(element);
    },
    reset,
  };
}
