// One welfare-check alert in full, below the queue: who, the stay, what they wrote, recent check-ins (a duress
// check-in shown as such to staff, though the citizen's screen said ok), the contact log and, while it is open, the
// actions (alert-actions.ts). Everything a citizen, recruiter or family member wrote is shown as text, never as markup.
import { h, t } from '../../citizen/src/shell/dom';
import { actionForms } from './alert-actions';
import { factorList, sourceCell } from './alert-parts';
import type { AlertDetails, StayDetails } from './alerts-api';
import { countryName, formatDay, formatTime } from './console-format';
import { named, say, scrollingTable } from './console-ui';
import {
  alertAge,
  channelNames,
  checkInChannelName,
  durationParts,
  isActionable,
  lookUp,
  outcomeNames,
  reasonNames,
  signalNames,
  statusNames,
  type Words,
} from './welfare-model';

export interface AlertPanelOptions {
  readonly localise: (root: HTMLElement) => Promise<void>;
  readonly ownStaffId: string;
  /** Called after an action succeeded, with the message saying what happened. */
  readonly onChanged: (message: HTMLElement) => Promise<void>;
  readonly onClose: () => void;
}

const stayStatusNames: Readonly<Record<StayDetails['status'], Words>> = {
  active: ['welfare.stayStatus.active', 'Active'],
  paused: ['welfare.stayStatus.paused', 'Paused'],
  ended: ['welfare.stayStatus.ended', 'Ended: home'],
};

const visaNames: Readonly<Record<string, Words>> = {
  work: ['welfare.visa.work', 'Work visa'],
  tourist: ['welfare.visa.tourist', 'Tourist visa'],
  business: ['welfare.visa.business', 'Business visa'],
  student: ['welfare.visa.student', 'Student visa'],
  none: ['welfare.visa.none', 'No visa'],
  other: ['welfare.visa.other', 'Other visa'],
};

const foundThroughNames: Readonly<Record<string, Words>> = {
  social_media: ['welfare.foundThrough.social_media', 'Social media'],
  friend_or_relative: ['welfare.foundThrough.friend_or_relative', 'A friend or relative'],
  licensed_agency: ['welfare.foundThrough.licensed_agency', 'A licensed agency'],
  unlicensed_agent: ['welfare.foundThrough.unlicensed_agent', 'An unlicensed agent'],
  job_site: ['welfare.foundThrough.job_site', 'A job site'],
  other: ['welfare.foundThrough.other', 'Other'],
};

const contactStatusNames: Readonly<Record<string, Words>> = {
  invited: ['welfare.contactStatus.invited', 'invited, not yet confirmed'],
  confirmed: ['welfare.contactStatus.confirmed', 'confirmed'],
};

export function alertPanel(alert: AlertDetails, options: AlertPanelOptions): HTMLElement {
  const close = t('button', 'welfare.close', 'Close', { type: 'button', 'data-testid': 'close-alert' });
  close.addEventListener('click', options.onClose);
  const stay = alert.stayDetails;
  return h(
    'article',
    {
      class: 'alert',
      'data-testid': 'alert-panel',
      'data-alert-id': alert.id,
      'data-status': alert.status,
    },
    h(
      'div',
      { class: 'alert-heading' },
      h('h4', { tabindex: '-1', 'data-testid': 'alert-citizen' }, alert.citizen.displayName),
      close,
    ),
    sourceCell(alert),
    h(
      'dl',
      { class: 'facts' },
      t('dt', 'welfare.column.status', 'Status'),
      h('dd', { 'data-testid': 'alert-detail-status' }, named(statusNames[alert.status], alert.status)),
      t('dt', 'welfare.column.raised', 'Raised'),
      h('dd', {}, formatTime(alert.raisedAt), ' · ', say('span', alertAge(alert.raisedAt, new Date()))),
      ...(alert.caseId
        ? [
            t('dt', 'welfare.caseId', 'Case'),
            h('dd', { class: 'case-id', 'data-testid': 'alert-case-id' }, alert.caseId),
          ]
        : []),
      ...(alert.resolution
        ? [
            t('dt', 'welfare.resolution', 'Resolved'),
            h(
              'dd',
              { 'data-testid': 'alert-resolution' },
              named(reasonNames[alert.resolution.reason], alert.resolution.reason),
              ' · ',
              formatTime(alert.resolution.at),
              ...(alert.resolution.note ? [h('br'), h('span', { class: 'reporter-text' }, alert.resolution.note)] : []),
            ),
          ]
        : []),
    ),
    ...(alert.message
      ? [
          h(
            'div',
            { class: 'citizen-message' },
            t('h5', 'welfare.message', 'What they wrote'),
            h('p', { class: 'reporter-text', 'data-testid': 'alert-message' }, alert.message),
          ),
        ]
      : []),
    h(
      'div',
      { class: 'alert-columns' },
      h(
        'section',
        {},
        h(
          'h5',
          {},
          t('span', 'welfare.riskHeading', 'Risk score'),
          ' ',
          h('strong', { class: 'risk-score' }, String(alert.riskScore)),
        ),
        factorList(alert),
      ),
      h('section', {}, t('h5', 'welfare.stayHeading', 'The stay'), stayFacts(stay)),
    ),
    t('h5', 'welfare.checkInsHeading', 'Recent check-ins'),
    checkInTable(alert),
    t('h5', 'welfare.attemptsHeading', 'Contact attempts'),
    attemptTable(alert, options.ownStaffId),
    ...(isActionable(alert.status) ? actionForms(alert, options) : []),
  );
}

/** What the citizen told the embassy about the stay; rows left blank are left out. */
function stayFacts(stay: StayDetails): HTMLElement {
  const rows: [Words, (Node | string)[]][] = [];
  const add = (words: Words, ...content: (Node | string | null | undefined)[]) => {
    const present = content.filter((part): part is Node | string => part !== null && part !== undefined && part !== '');
    if (present.length > 0) rows.push([words, present]);
  };
  const city = stay.destination.city ? `${stay.destination.city}, ` : '';
  add(['welfare.stay.destination', 'Destination'], `${city}${countryName(stay.destination.country)}`);
  add(['welfare.stay.embassy', 'Embassy'], stay.embassy.name);
  add(
    ['welfare.stay.status', 'Stay'],
    named(stayStatusNames[stay.status], stay.status),
    ...(stay.isOverdue ? [' · ', t('strong', 'welfare.stay.overdue', 'overdue', { class: 'overdue' })] : []),
    ...(stay.pausedUntil
      ? [
          ' · ',
          say('span', {
            words: ['welfare.stay.pausedUntil', 'paused until {time}'],
            values: { time: formatTime(stay.pausedUntil) },
          }),
        ]
      : []),
  );
  add(
    ['welfare.stay.dates', 'Dates'],
    formatDay(stay.startsOn),
    stay.expectedReturnOn ? ` – ${formatDay(stay.expectedReturnOn)}` : '',
  );
  add(['welfare.stay.interval', 'Checks in every'], ...durations(stay.schedule.interval));
  add(['welfare.stay.grace', 'Grace period'], ...durations(stay.schedule.grace));
  if (stay.schedule.quietHours) {
    add(
      ['welfare.stay.quietHours', 'Quiet hours'],
      `${stay.schedule.quietHours.start}–${stay.schedule.quietHours.end} (${stay.schedule.timeZone})`,
    );
  }
  add(
    ['welfare.stay.lastCheckIn', 'Last check-in'],
    stay.lastCheckInAt ? formatTime(stay.lastCheckInAt) : t('span', 'welfare.stay.never', 'none yet'),
  );
  add(['welfare.stay.nextDue', 'Next check-in due'], stay.nextCheckInDueAt ? formatTime(stay.nextCheckInDueAt) : '');
  add(
    ['welfare.stay.employer', 'Employer'],
    [stay.employer?.name, stay.employer?.address].filter((part) => part).join(', '),
  );
  add(
    ['welfare.stay.recruiter', 'Recruiter'],
    [stay.recruiter?.name, stay.recruiter?.phone, ...(stay.recruiter?.links ?? [])].filter((part) => part).join(', '),
  );
  const offer = stay.jobOffer;
  const salary = offer?.salary ? formatMoney(offer.salary.amount, offer.salary.currency) : '';
  const foundThrough = offer?.foundThrough ? lookUp(foundThroughNames, offer.foundThrough) : undefined;
  add(
    ['welfare.stay.jobOffer', 'Job offer'],
    [offer?.title, salary].filter((part) => part).join(', '),
    ...(foundThrough ? [' · ', t('span', foundThrough[0], foundThrough[1])] : []),
  );
  add(['welfare.stay.route', 'Route'], stay.route ?? '');
  if (stay.visaType) add(['welfare.stay.visa', 'Visa'], named(lookUp(visaNames, stay.visaType), stay.visaType));
  const contacts = stay.trustedContacts ?? [];
  if (contacts.length > 0) {
    add(
      ['welfare.stay.trustedContacts', 'Trusted contacts'],
      h(
        'ul',
        { class: 'plain-list' },
        ...contacts.map((contact) =>
          h(
            'li',
            {},
            contact.name,
            ' (',
            named(lookUp(channelNames, contact.channel), contact.channel),
            ', ',
            named(lookUp(contactStatusNames, contact.status), contact.status),
            ')',
          ),
        ),
      ),
    );
  }
  return h(
    'dl',
    { class: 'facts stay-facts', 'data-testid': 'stay-facts' },
    ...rows.flatMap(([words, content]) => [
      t('dt', words[0], words[1]),
      h('dd', { class: 'reporter-text' }, ...content),
    ]),
  );
}

function durations(iso: string): (Node | string)[] {
  const parts = durationParts(iso);
  if (parts === undefined) return [iso];
  return parts.flatMap((part, index) => [...(index > 0 ? [' '] : []), say('span', part)]);
}

function formatMoney(amount: number, currency: string): string {
  try {
    return new Intl.NumberFormat(document.documentElement.lang || 'en', { style: 'currency', currency }).format(amount);
  } catch {
    return `${amount} ${currency}`;
  }
}

/** The latest check-ins, newest first as the server sends them; a duress check-in stands out. */
function checkInTable(alert: AlertDetails): HTMLElement {
  if (alert.recentCheckIns.length === 0) {
    return t('p', 'welfare.noCheckIns', 'No check-ins yet.', { 'data-testid': 'no-check-ins' });
  }
  const body = h(
    'tbody',
    { 'data-testid': 'recent-check-ins' },
    ...alert.recentCheckIns.map((checkIn) => {
      const isAlarming = checkIn.signal !== 'ok';
      const channel = checkInChannelName(checkIn.channel);
      return h(
        'tr',
        {
          'data-testid': 'check-in-row',
          'data-signal': checkIn.signal,
          ...(isAlarming && { class: `signal-${checkIn.signal}` }),
        },
        h('td', {}, formatTime(checkIn.receivedAt)),
        h(
          'td',
          {},
          isAlarming
            ? h('strong', { class: 'signal-alarm' }, named(signalNames[checkIn.signal], checkIn.signal))
            : named(signalNames[checkIn.signal], checkIn.signal),
        ),
        h('td', {}, named(channel, checkIn.channel)),
      );
    }),
  );
  return scrollingTable(
    [
      t('th', 'welfare.column.received', 'Received', { scope: 'col' }),
      t('th', 'welfare.column.signal', 'Signal', { scope: 'col' }),
      t('th', 'welfare.column.channel', 'Channel', { scope: 'col' }),
    ],
    body,
  );
}

/** Who tried to reach the citizen, how, and with what result: the next officer on shift reads this first. */
function attemptTable(alert: AlertDetails, ownStaffId: string): HTMLElement {
  if (alert.contactAttemptLog.length === 0) {
    return t('p', 'welfare.noAttempts', 'Nobody has tried to reach them yet.', { 'data-testid': 'no-attempts' });
  }
  const body = h(
    'tbody',
    { 'data-testid': 'contact-attempts' },
    ...alert.contactAttemptLog.map((attempt) =>
      h(
        'tr',
        { 'data-testid': 'attempt-row' },
        h('td', {}, formatTime(attempt.at)),
        h('td', {}, named(lookUp(channelNames, attempt.channel), attempt.channel)),
        h('td', {}, named(lookUp(outcomeNames, attempt.outcome), attempt.outcome)),
        h('td', { class: 'reporter-text' }, attempt.note ?? ''),
        h(
          'td',
          {},
          attempt.staffId === ownStaffId
            ? t('span', 'welfare.you', 'You')
            : h('span', { class: 'staff-id', title: attempt.staffId }, attempt.staffId.slice(0, 8)),
        ),
      ),
    ),
  );
  return scrollingTable(
    [
      t('th', 'welfare.column.when', 'When', { scope: 'col' }),
      t('th', 'welfare.column.channel', 'Channel', { scope: 'col' }),
      t('th', 'welfare.column.outcome', 'Outcome', { scope: 'col' }),
      t('th', 'welfare.column.note', 'Note', { scope: 'col' }),
      t('th', 'welfare.column.by', 'By', { scope: 'col' }),
    ],
    body,
  );
}
