// Undelivered messages, for consular officers and supervisors: the messages of their embassy's stays (and those to
// the embassy itself) that used every try or found no way to their recipient. What, to whom (a kind, never an
// address), how many tries, the channel last tried and its error code; "Send again" gives a message a fresh set of
// tries on every channel. Nothing here shows a message's words: a reminder's text is the same for everyone anyway.
import './deliveries.css';
import { h, t } from '../../citizen/src/shell/dom';
import { formatClock, formatTime } from './console-format';
import { errorMessage, field, named, say, scrollingTable } from './console-ui';
import { type Delivery, deliveriesApi, type UndeliveredStatus, undeliveredStatuses } from './deliveries-api';
import { ApiProblem } from './staff-api';
import type { Words } from './welfare-model';

export interface DeliveriesScreenOptions {
  /** Translates an element made after the page started into the page's language. */
  readonly localise: (root: HTMLElement) => Promise<void>;
}

/** The templates Homeward sends (packages/server/src/notifications/message-templates.ts), as staff read them. */
export const templateNames: Readonly<Record<string, Words>> = {
  check_in_reminder: ['deliveries.template.check_in_reminder', 'Check-in reminder'],
  contact_invitation: ['deliveries.template.contact_invitation', 'Invitation to a trusted contact'],
  contact_missed_check_in: [
    'deliveries.template.contact_missed_check_in',
    'Missed check-in, told to a trusted contact',
  ],
  supervisor_escalation: ['deliveries.template.supervisor_escalation', 'Escalation to a supervisor'],
  urgent_alert: ['deliveries.template.urgent_alert', 'Urgent alert to the embassy'],
  help_alert: ['deliveries.template.help_alert', 'Call for help, to the embassy'],
  reply_received: ['deliveries.template.reply_received', 'Reply: check-in received'],
  reply_help_received: ['deliveries.template.reply_help_received', 'Reply: call for help received'],
  reply_hint: ['deliveries.template.reply_hint', 'Reply: how to check in by message'],
  reply_not_recognised: ['deliveries.template.reply_not_recognised', 'Reply: check-in not recognised'],
  reply_try_later: ['deliveries.template.reply_try_later', 'Reply: try again later'],
};

export const recipientNames: Readonly<Record<Delivery['recipientKind'], Words>> = {
  citizen: ['deliveries.recipient.citizen', 'Citizen'],
  trusted_contact: ['deliveries.recipient.trusted_contact', 'Trusted contact'],
  organisation: ['deliveries.recipient.organisation', 'Embassy or organisation'],
};

export const deliveryChannelNames: Readonly<Record<string, Words>> = {
  sms: ['deliveries.channel.sms', 'SMS'],
  whatsapp: ['deliveries.channel.whatsapp', 'WhatsApp'],
  email: ['deliveries.channel.email', 'Email'],
  push: ['deliveries.channel.push', 'Browser notification'],
};

export const undeliveredStatusNames: Readonly<Record<UndeliveredStatus, Words>> = {
  dead: ['deliveries.status.dead', 'Gave up after every try'],
  failed: ['deliveries.status.failed', 'No way to reach the recipient'],
};

/** Our words for the refusals of "Send again"; anything else as the console says it elsewhere. */
const retryProblems: Readonly<Record<string, Words>> = {
  'delivery-not-retryable': [
    'deliveries.error.notRetryable',
    'This message is already being sent again. Reload the list.',
  ],
  'delivery-not-found': [
    'deliveries.error.notFound',
    'This message is not in your embassy’s list any more. Reload it.',
  ],
};

export function deliveriesScreen({ localise }: DeliveriesScreenOptions): HTMLElement {
  const rows = h('tbody', { 'data-testid': 'delivery-list' });
  const listError = h('div', { class: 'error', role: 'alert', 'data-testid': 'delivery-list-error' });
  const outcome = h('div', { role: 'status', class: 'welfare-outcome', 'data-testid': 'delivery-outcome' });
  const readAt = h('p', { class: 'queue-read-at', 'data-testid': 'deliveries-read-at' });
  const statusFilter = h(
    'select',
    { id: 'delivery-status', name: 'status', 'data-testid': 'delivery-filter-status' },
    ...undeliveredStatuses.map((status) =>
      t('option', undeliveredStatusNames[status][0], undeliveredStatusNames[status][1], { value: status }),
    ),
  );
  const reload = t('button', 'deliveries.reload', 'Read the list again', {
    type: 'button',
    'data-testid': 'deliveries-reload',
  });

  const show = async (target: HTMLElement, ...content: HTMLElement[]) => {
    for (const element of content) await localise(element);
    target.replaceChildren(...content);
  };

  let isReading = false;
  const load = async () => {
    if (isReading) return;
    isReading = true;
    reload.disabled = true;
    try {
      const status = statusFilter.value as UndeliveredStatus;
      const { items } = await deliveriesApi.list(status);
      const built = items.map((delivery) => deliveryRow(delivery, sendAgain));
      if (built.length === 0) {
        built.push(
          h(
            'tr',
            {},
            h(
              'td',
              { colspan: '7', 'data-testid': 'delivery-list-empty' },
              t('span', 'deliveries.empty', 'No undelivered messages of this kind.'),
            ),
          ),
        );
      }
      await show(rows, ...built);
      await show(
        readAt,
        say('span', { words: ['welfare.readAt', 'List read at {time}'], values: { time: formatClock(new Date()) } }),
      );
      listError.replaceChildren();
    } catch (failure) {
      await show(listError, errorMessage(failure));
    } finally {
      isReading = false;
      reload.disabled = false;
    }
  };

  const sendAgain = async (delivery: Delivery, button: HTMLButtonElement) => {
    button.disabled = true;
    outcome.replaceChildren();
    try {
      await deliveriesApi.retry(delivery.id);
      await show(
        outcome,
        t('p', 'deliveries.sentAgain', 'The message will be sent again now, on every channel.', {
          class: 'success',
          'data-testid': 'delivery-sent-again',
        }),
      );
      await load();
    } catch (failure) {
      const known = failure instanceof ApiProblem ? retryProblems[failure.slug] : undefined;
      await show(outcome, known ? t('p', known[0], known[1], { class: 'error' }) : errorMessage(failure));
      button.disabled = false;
    }
  };

  statusFilter.addEventListener('change', () => {
    outcome.replaceChildren();
    void load();
  });
  reload.addEventListener('click', () => void load());

  const screen = h(
    'section',
    { class: 'welfare deliveries', 'aria-labelledby': 'deliveries-heading', 'data-testid': 'deliveries-screen' },
    t('h3', 'deliveries.heading', 'Undelivered messages', { id: 'deliveries-heading' }),
    t(
      'p',
      'deliveries.explain',
      'Messages for stays in your jurisdiction, and for your embassy, that could not be delivered. Check why before sending one again: a wrong number will fail again.',
    ),
    h('div', { class: 'filters' }, field(statusFilter.id, 'deliveries.filter.status', 'Show', statusFilter), reload),
    outcome,
    readAt,
    scrollingTable(
      [
        t('th', 'deliveries.column.message', 'Message', { scope: 'col' }),
        t('th', 'deliveries.column.recipient', 'Recipient', { scope: 'col' }),
        t('th', 'deliveries.column.attempts', 'Tries', { scope: 'col', class: 'number' }),
        t('th', 'deliveries.column.channel', 'Last channel', { scope: 'col' }),
        t('th', 'deliveries.column.error', 'Last error', { scope: 'col' }),
        t('th', 'deliveries.column.updated', 'Updated', { scope: 'col' }),
        h('th', { scope: 'col' }, t('span', 'deliveries.column.actions', 'Actions', { class: 'visually-hidden' })),
      ],
      rows,
    ),
    listError,
  );
  void load();
  return screen;
}

/** One undelivered message: what and to whom in words, the error as the code the provider gave. */
function deliveryRow(
  delivery: Delivery,
  sendAgain: (delivery: Delivery, button: HTMLButtonElement) => Promise<void>,
): HTMLTableRowElement {
  const button = t('button', 'deliveries.sendAgain', 'Send again', { type: 'button', 'data-testid': 'delivery-retry' });
  button.addEventListener('click', () => void sendAgain(delivery, button));
  const updated = delivery.updatedAt ?? delivery.createdAt;
  return h(
    'tr',
    { 'data-testid': 'delivery-row', 'data-delivery-id': delivery.id, 'data-status': delivery.status },
    h('td', { 'data-testid': 'delivery-template' }, named(templateNames[delivery.template], delivery.template)),
    h(
      'td',
      { 'data-testid': 'delivery-recipient' },
      named(recipientNames[delivery.recipientKind], delivery.recipientKind),
    ),
    h('td', { class: 'number', 'data-testid': 'delivery-attempts' }, String(delivery.attempts)),
    h(
      'td',
      { 'data-testid': 'delivery-channel' },
      delivery.channel === null ? '—' : named(deliveryChannelNames[delivery.channel], delivery.channel),
    ),
    h('td', { 'data-testid': 'delivery-error' }, delivery.lastError === null ? '—' : h('code', {}, delivery.lastError)),
    h('td', { 'data-testid': 'delivery-updated' }, formatTime(updated)),
    h('td', { class: 'staff-actions' }, button),
  );
}
