// Changing a stay with the PIN: pause check-ins ("I will be offline until …"), resume them, and end the stay
// ("I am home"). Each is folded away under one line, so the check-in buttons stay the first thing on screen.
import type { ApiAnswer } from '../account/api';
import { createBusyGuard, createMessageArea, h, t } from '../shell/dom';
import { pauseUntil } from './stay-request';
import { field, pinInput, requestMessages, showRequestProblem } from './stay-ui';
import type { Stay, StaysApi } from './stays-api';

export interface StayActionsOptions {
  readonly api: StaysApi;
  readonly onChanged: (stay: Stay) => void;
}

export interface StayActions {
  readonly element: HTMLElement;
  show(stay: Stay): void;
  reset(): void;
}

export function createStayActions({ api, onChanged }: StayActionsOptions): StayActions {
  let stay: Stay | undefined;

  const until = h('input', { id: 'pause-until', name: 'until', type: 'datetime-local', 'data-testid': 'pause-until' });
  const pausePin = pinInput('pause-pin', 'pause-pin');
  const pauseButton = t('button', 'stayActions.pause', 'Pause check-ins', {
    type: 'submit',
    'data-testid': 'pause-submit',
  });
  const pauseForm = h(
    'form',
    { class: 'action-form', novalidate: true, autocomplete: 'off' },
    t('p', 'stayActions.pauseIntro', 'Going somewhere without a signal? Pause your check-ins, for up to 30 days.'),
    field(until, { key: 'stayActions.until', english: 'I will be offline until' }),
    field(pausePin, { key: 'checkIn.pin', english: 'Your PIN' }),
    pauseButton,
  );
  const pauseDetails = h(
    'details',
    { class: 'stay-action', 'data-testid': 'pause' },
    t('summary', 'stayActions.pauseTitle', 'I will be offline'),
    pauseForm,
  );

  const resumePin = pinInput('resume-pin', 'resume-pin');
  const resumeButton = t('button', 'stayActions.resume', 'Resume check-ins now', {
    type: 'submit',
    class: 'primary',
    'data-testid': 'resume-submit',
  });
  const resumeForm = h(
    'form',
    { class: 'action-form resume-form', novalidate: true, autocomplete: 'off', 'data-testid': 'resume', hidden: true },
    field(resumePin, { key: 'checkIn.pin', english: 'Your PIN' }),
    resumeButton,
  );

  const endPin = pinInput('end-pin', 'end-pin');
  const endButton = t('button', 'stayActions.end', 'I am home: end my stay', {
    type: 'submit',
    'data-testid': 'end-submit',
  });
  const endForm = h(
    'form',
    { class: 'action-form', novalidate: true, autocomplete: 'off' },
    t('p', 'stayActions.endIntro', 'Back home safely? End your stay, and check-ins stop.'),
    field(endPin, { key: 'checkIn.pin', english: 'Your PIN' }),
    endButton,
  );
  const endDetails = h(
    'details',
    { class: 'stay-action', 'data-testid': 'end' },
    t('summary', 'stayActions.endTitle', 'I am home'),
    endForm,
  );

  const alert = createMessageArea(
    {
      ...requestMessages,
      'stayActions.error.until': 'Choose a time in the next 30 days.',
      'checkIn.error.pinMissing': 'Type your PIN.',
    },
    { class: 'form-error', 'data-testid': 'stay-action-error' },
  );

  const whileBusy = createBusyGuard(pauseButton, resumeButton, endButton);
  const submitWithPin = (
    form: HTMLFormElement,
    pin: HTMLInputElement,
    /** The call to make, or undefined when the form is not ready (its message already shown). */
    prepare: (stayId: string, pin: string) => (() => Promise<ApiAnswer<Stay>>) | undefined,
  ) => {
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (stay === undefined) return;
      if (pin.value.trim() === '') {
        alert.show('checkIn.error.pinMissing');
        return;
      }
      const call = prepare(stay.id, pin.value.trim());
      if (call === undefined) return;
      void whileBusy(async () => {
        alert.show(undefined);
        const answer = await call();
        pin.value = '';
        if (!answer.ok) return showRequestProblem(alert, answer.problem);
        reset();
        onChanged(answer.value);
      });
    });
  };
  submitWithPin(pauseForm, pausePin, (stayId, pin) => {
    const at = pauseUntil(until.value, new Date());
    if (at === undefined) {
      alert.show('stayActions.error.until');
      return undefined;
    }
    return () => api.pause(stayId, pin, at);
  });
  submitWithPin(resumeForm, resumePin, (stayId, pin) => () => api.resume(stayId, pin));
  submitWithPin(endForm, endPin, (stayId, pin) => () => api.end(stayId, pin));

  const reset = () => {
    for (const form of [pauseForm, resumeForm, endForm]) form.reset();
    pauseDetails.open = false;
    endDetails.open = false;
    alert.show(undefined);
  };

  return {
    element: h('div', { class: 'stay-actions' }, resumeForm, pauseDetails, endDetails, alert.element),
    show(shown) {
      stay = shown;
      const isPaused = shown.status === 'paused';
      resumeForm.hidden = !isPaused;
      pauseDetails.hidden = isPaused;
    },
    reset,
  };
}
