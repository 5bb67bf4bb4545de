// The actions on an open welfare-check alert: record a contact attempt, resolve it with a reason, escalate it to
// a case. Each form checks what it sends first (welfare-model.ts); a refusal shows on the panel's error line, and
// an alert another officer closed meanwhile is shown as it now is.
import { createBusyGuard, h, t } from '../../citizen/src/shell/dom';
import type { AlertPanelOptions } from './alert-detail';
import { type AlertDetails, alertsApi, contactChannels, contactOutcomes, resolutionReasons } from './alerts-api';
import { errorMessage, field, say, showFailure } from './console-ui';
import { ApiProblem } from './staff-api';
import {
  channelNames,
  contactAttemptToSend,
  lookUp,
  type Message,
  outcomeNames,
  reasonNames,
  resolutionToSend,
  type Words,
} from './welfare-model';

const formMessages = {
  choiceNeeded: ['welfare.error.choiceNeeded', 'Choose from each list first.'],
  noteNeeded: ['welfare.error.noteNeeded', 'Write a note saying what happened.'],
} as const;

/** A select whose first option asks for a choice, then one option per value, named from the table. */
function choice(
  id: string,
  testId: string,
  values: readonly string[],
  names: Readonly<Record<string, Words>>,
): HTMLSelectElement {
  return h(
    'select',
    { id, 'data-testid': testId },
    t('option', 'welfare.choose', 'Choose…', { value: '' }),
    ...values.map((value) => {
      const words = lookUp(names, value);
      return words ? t('option', words[0], words[1], { value }) : h('option', { value }, value);
    }),
  );
}

/** The three actions on an open alert, each its own form with its own error line. */
export function actionForms(alert: AlertDetails, options: AlertPanelOptions): HTMLElement[] {
  const { localise, onChanged } = options;
  const id = (name: string) => `alert-${alert.id}-${name}`;
  const error = h('div', { class: 'error', role: 'alert', 'data-testid': 'alert-action-error' });
  const say_ = async (message: Message) => {
    const element = say('p', message);
    await localise(element);
    error.replaceChildren(element);
  };

  const channel = choice(id('channel'), 'attempt-channel', contactChannels, channelNames);
  const outcome = choice(id('outcome'), 'attempt-outcome', contactOutcomes, outcomeNames);
  const attemptNote = h('textarea', {
    id: id('attempt-note'),
    rows: '2',
    maxlength: '2000',
    'data-testid': 'attempt-note',
  });
  const record = t('button', 'welfare.recordAttempt', 'Record the attempt', {
    type: 'submit',
    class: 'primary',
    'data-testid': 'record-attempt',
  });

  const reason = choice(id('reason'), 'resolution-reason', resolutionReasons, reasonNames);
  const resolutionNote = h('textarea', {
    id: id('resolution-note'),
    rows: '2',
    maxlength: '2000',
    'data-testid': 'resolution-note',
  });
  const resolve = t('button', 'welfare.resolve', 'Resolve the alert', {
    type: 'submit',
    class: 'primary',
    'data-testid': 'resolve-alert',
  });

  const escalationNote = h('textarea', {
    id: id('escalation-note'),
    rows: '2',
    maxlength: '2000',
    'data-testid': 'escalation-note',
  });
  const escalate = t('button', 'welfare.escalate', 'Open a case', {
    type: 'submit',
    class: 'primary danger',
    'data-testid': 'escalate-alert',
  });

  const busy = createBusyGuard(record, resolve, escalate);
  const act = (work: () => Promise<HTMLElement | undefined>) =>
    busy(async () => {
      error.replaceChildren();
      try {
        const message = await work();
        if (message) await onChanged(message);
      } catch (failure) {
        // Another officer closed it meanwhile: show it as it now is, with the reason this action did not happen.
        if (failure instanceof ApiProblem && failure.slug === 'alert-closed') {
          const message = errorMessage(failure);
          message.classList.add('error');
          await onChanged(message);
        } else {
          await showFailure(error, failure, localise);
        }
      }
    });

  const attemptForm = h(
    'form',
    { class: 'alert-action', 'data-testid': 'attempt-form' },
    t('h5', 'welfare.attemptHeading', 'Record a contact attempt'),
    h(
      'div',
      { class: 'filters' },
      field(channel.id, 'welfare.attemptChannel', 'How', channel),
      field(outcome.id, 'welfare.attemptOutcome', 'Outcome', outcome),
    ),
    field(attemptNote.id, 'welfare.note', 'Note (optional; kept in the record)', attemptNote),
    record,
  );
  attemptForm.addEventListener('submit', (event) => {
    event.preventDefault();
    void act(async () => {
      const checked = contactAttemptToSend(channel.value, outcome.value, attemptNote.value);
      if (!checked.ok) return void (await say_({ words: formMessages[checked.message] }));
      await alertsApi.recordContactAttempt(alert.id, checked.value);
      return t('p', 'welfare.attemptRecorded', 'Contact attempt recorded.', {
        class: 'success',
        'data-testid': 'attempt-recorded',
      });
    });
  });

  const resolutionForm = h(
    'form',
    { class: 'alert-action', 'data-testid': 'resolution-form' },
    t('h5', 'welfare.resolveHeading', 'Resolve'),
    field(reason.id, 'welfare.reason', 'Reason', reason),
    field(resolutionNote.id, 'welfare.note', 'Note (optional; kept in the record)', resolutionNote),
    resolve,
  );
  resolutionForm.addEventListener('submit', (event) => {
    event.preventDefault();
    void act(async () => {
      const checked = resolutionToSend(reason.value, resolutionNote.value);
      if (!checked.ok) return void (await say_({ words: formMessages[checked.message] }));
      await alertsApi.resolve(alert.id, checked.value);
      return t('p', 'welfare.resolved', 'Alert resolved.', {
        class: 'success',
        'data-testid': 'alert-resolved',
      });
    });
  });

  const escalationForm = h(
    'form',
    { class: 'alert-action escalation', 'data-testid': 'escalation-form' },
    t('h5', 'welfare.escalateHeading', 'Escalate to a case'),
    t(
      'p',
      'welfare.escalateExplain',
      'Opens a case record for screening and assistance, with this alert as its intake.',
      { class: 'hint' },
    ),
    field(escalationNote.id, 'welfare.note', 'Note (optional; kept in the record)', escalationNote),
    escalate,
  );
  escalationForm.addEventListener('submit', (event) => {
    event.preventDefault();
    void act(async () => {
      const note = escalationNote.value.trim();
      const { caseId } = await alertsApi.escalate(alert.id, note === '' ? undefined : note);
      return h(
        'p',
        { class: 'success', 'data-testid': 'case-opened' },
        t('span', 'welfare.caseOpened', 'Case opened:'),
        ' ',
        h('strong', { class: 'case-id', 'data-testid': 'case-opened-id' }, caseId),
      );
    });
  });

  return [h('div', { class: 'alert-actions' }, attemptForm, resolutionForm, escalationForm), error];
}
