// The welfare-check queue, for consular officers and supervisors: the alerts of stays in their embassy's
// jurisdiction, highest risk first, each with its explained score, age and contact attempts; filters by
// status and source; one alert opened below (alert-detail.ts). The queue reads itself again every 30 seconds
// while the page is visible, keeping the filters, the pages shown and the open alert.
import { h, t } from '../../citizen/src/shell/dom';
import { alertPanel } from './alert-detail';
import { factorList, sourceCell } from './alert-parts';
import { type AlertSummary, alertSorts, alertSources, alertStatuses, alertsApi } from './alerts-api';
import { countryName, formatClock, formatTime } from './console-format';
import { errorMessage, field, named, say, scrollingTable } from './console-ui';
import {
  alertAge,
  isUrgentSource,
  queueFilter,
  refreshIntervalMs,
  shouldRefresh,
  sortNames,
  sourceNames,
  statusNames,
} from './welfare-model';

export interface WelfareScreenOptions {
  /** Translates an element made after the page started into the page's language. */
  readonly localise: (root: HTMLElement) => Promise<void>;
  /** The signed-in officer, so the contact log can say "you". */
  readonly ownStaffId: string;
}

/** Alerts per page: a shift's worth at a glance; "Show more" reads the next. */
const pageSize = 25;

export function welfareScreen(options: WelfareScreenOptions): HTMLElement {
  const { localise, ownStaffId } = options;
  const outcome = h('div', { role: 'status', class: 'welfare-outcome', 'data-testid': 'welfare-outcome' });
  const queue = h('tbody', { 'data-testid': 'alert-queue' });
  const queueError = h('div', { class: 'error', role: 'alert', 'data-testid': 'alert-queue-error' });
  const readAt = h('p', { class: 'queue-read-at', 'data-testid': 'queue-read-at' });
  const detail = h('div', { class: 'alert-detail', 'data-testid': 'alert-detail' });
  const more = t('button', 'welfare.more', 'Show more', { type: 'button', hidden: true, 'data-testid': 'alert-more' });
  const statusFilter = h(
    'select',
    { id: 'alert-status', name: 'status', 'data-testid': 'filter-status' },
    t('option', 'welfare.filter.activeStatuses', 'Open and contacting', { value: '' }),
    ...alertStatuses.map((status) => t('option', statusNames[status][0], statusNames[status][1], { value: status })),
  );
  const sourceFilter = h(
    'select',
    { id: 'alert-source', name: 'source', 'data-testid': 'filter-source' },
    t('option', 'welfare.filter.allSources', 'Every source', { value: '' }),
    ...alertSources.map((source) => t('option', sourceNames[source][0], sourceNames[source][1], { value: source })),
  );
  const sortControl = h(
    'select',
    { id: 'alert-sort', name: 'sort', 'data-testid': 'filter-sort' },
    ...alertSorts.map((sort) => t('option', sortNames[sort][0], sortNames[sort][1], { value: sort })),
  );

  let nextCursor: string | null = null;
  let pagesShown = 0;
  let lastReadAt = 0;
  let openAlertId: string | undefined;
  let isReading = false;

  const show = async (target: HTMLElement, ...content: HTMLElement[]) => {
    for (const element of content) await localise(element);
    target.replaceChildren(...content);
  };

  /**
   * Reads the queue: from the first page (a filter change), the next page ("Show more"), or again as many
   * pages as are shown (a refresh, or after an action), so neither loses the reader's place.
   */
  const load = async (how: 'first' | 'next' | 'again') => {
    if (isReading) return;
    isReading = true;
    more.disabled = true;
    const filter = queueFilter({ status: statusFilter.value, source: sourceFilter.value, sort: sortControl.value });
    try {
      const pages = how === 'again' ? Math.max(pagesShown, 1) : 1;
      let cursor = how === 'next' ? (nextCursor ?? undefined) : undefined;
      const items: AlertSummary[] = [];
      let read = 0;
      let reply: { items: AlertSummary[]; nextCursor: string | null } | undefined;
      do {
        reply = await alertsApi.list({ ...filter, limit: pageSize, ...(cursor !== undefined && { cursor }) });
        items.push(...reply.items);
        cursor = reply.nextCursor ?? undefined;
        read += 1;
      } while (read < pages && cursor !== undefined);
      const now = new Date();
      const rows = items.map((alert) => queueRow(alert, now, () => void openAlert(alert.id)));
      for (const row of rows) await localise(row);
      if (how === 'next') queue.append(...rows);
      else queue.replaceChildren(...rows);
      if (queue.childElementCount === 0) {
        await show(
          queue,
          h(
            'tr',
            {},
            h(
              'td',
              { colspan: '7', 'data-testid': 'alert-queue-empty' },
              t('span', 'welfare.queueEmpty', 'No alerts match these filters.'),
            ),
          ),
        );
      }
      pagesShown = how === 'next' ? pagesShown + 1 : pages;
      nextCursor = reply.nextCursor;
      more.hidden = nextCursor === null;
      markOpenRow();
      lastReadAt = Date.now();
      const line = say('span', {
        words: ['welfare.readAt', 'List read at {time}'],
        values: { time: formatClock(now) },
      });
      await show(readAt, line);
      queueError.replaceChildren();
    } catch (failure) {
      await show(queueError, errorMessage(failure));
    } finally {
      isReading = false;
      more.disabled = false;
    }
  };

  const markOpenRow = () => {
    for (const row of queue.querySelectorAll<HTMLElement>('tr[data-alert-id]')) {
      if (row.dataset.alertId === openAlertId) row.setAttribute('aria-current', 'true');
      else row.removeAttribute('aria-current');
    }
  };

  const openAlert = async (alertId: string, focus = true) => {
    openAlertId = alertId;
    markOpenRow();
    try {
      const alert = await alertsApi.alert(alertId);
      await show(detail, alertPanel(alert, { localise, ownStaffId, onChanged: afterAction, onClose: closeAlert }));
      if (focus) detail.querySelector<HTMLElement>('h4')?.focus();
    } catch (failure) {
      await show(detail, errorMessage(failure));
    }
  };

  const closeAlert = () => {
    openAlertId = undefined;
    detail.replaceChildren();
    markOpenRow();
  };

  /** After an action on the open alert: read it and the queue again, so both show what changed; then say so. */
  const afterAction = async (message: HTMLElement) => {
    if (openAlertId !== undefined) await openAlert(openAlertId, false);
    await load('again');
    await show(outcome, message);
  };

  const refreshIfDue = () => {
    // Rows are rebuilt on a refresh: not while the keyboard is on one of them, so its focus is not lost.
    if (!screen.isConnected || queue.contains(document.activeElement)) return;
    if (shouldRefresh(document.visibilityState, lastReadAt, Date.now())) void load('again');
  };

  for (const control of [statusFilter, sourceFilter, sortControl]) {
    control.addEventListener('change', () => {
      outcome.replaceChildren();
      void load('first');
    });
  }
  more.addEventListener('click', () => void load('next'));

  const screen = h(
    'section',
    { class: 'welfare', 'aria-labelledby': 'welfare-heading', 'data-testid': 'welfare-screen' },
    t('h3', 'welfare.heading', 'Welfare checks', { id: 'welfare-heading' }),
    t(
      'p',
      'welfare.explain',
      'Alerts from stays in your jurisdiction: missed check-ins, calls for help, SOS and duress check-ins, and concerns from family. The list reads itself again every 30 seconds while this page is open.',
    ),
    h(
      'div',
      { class: 'filters' },
      field(statusFilter.id, 'welfare.filter.status', 'Status', statusFilter),
      field(sourceFilter.id, 'welfare.filter.source', 'Source', sourceFilter),
      field(sortControl.id, 'welfare.filter.sort', 'Order', sortControl),
    ),
    outcome,
    readAt,
    scrollingTable(
      [
        t('th', 'welfare.column.source', 'Source', { scope: 'col' }),
        t('th', 'welfare.column.risk', 'Risk and why', { scope: 'col' }),
        t('th', 'welfare.column.raised', 'Raised', { scope: 'col' }),
        t('th', 'welfare.column.destination', 'Destination', { scope: 'col' }),
        t('th', 'welfare.column.attempts', 'Contact attempts', { scope: 'col', class: 'number' }),
        t('th', 'welfare.column.status', 'Status', { scope: 'col' }),
        h('th', { scope: 'col' }, t('span', 'welfare.column.open', 'Open', { class: 'visually-hidden' })),
      ],
      queue,
    ),
    queueError,
    more,
    detail,
  );

  // Every 30 seconds while visible, and at once on coming back to a tab whose list has grown old. Both stop
  // once the screen has left the page (another screen, sign-out).
  const timer = window.setInterval(() => {
    if (!screen.isConnected && lastReadAt > 0) stop();
    else refreshIfDue();
  }, refreshIntervalMs);
  const onVisibility = () => {
    if (!screen.isConnected && lastReadAt > 0) stop();
    else refreshIfDue();
  };
  const stop = () => {
    window.clearInterval(timer);
    document.removeEventListener('visibilitychange', onVisibility);
  };
  document.addEventListener('visibilitychange', onVisibility);

  void load('first');
  return screen;
}

/** One alert in the queue: the source (SOS and duress in the danger colour, and said in words), the score and why. */
function queueRow(alert: AlertSummary, now: Date, open: () => void): HTMLTableRowElement {
  const isUrgent = isUrgentSource(alert.source);
  const button = t('button', 'welfare.open', 'Open', { type: 'button', 'data-testid': 'open-alert' });
  button.addEventListener('click', open);
  return h(
    'tr',
    {
      class: isUrgent ? 'alert-row urgent' : 'alert-row',
      'data-testid': 'alert-row',
      'data-alert-id': alert.id,
      'data-source': alert.source,
      'data-status': alert.status,
    },
    h('td', {}, sourceCell(alert)),
    h(
      'td',
      { 'data-testid': 'alert-risk' },
      h('strong', { class: 'risk-score', 'data-testid': 'alert-risk-score' }, String(alert.riskScore)),
      factorList(alert),
    ),
    h(
      'td',
      { class: 'alert-age', title: formatTime(alert.raisedAt), 'data-testid': 'alert-age' },
      say('span', alertAge(alert.raisedAt, now)),
    ),
    h('td', {}, countryName(alert.stay.destinationCountry)),
    h('td', { class: 'number', 'data-testid': 'alert-attempts' }, String(alert.contactAttempts)),
    h('td', { 'data-testid': 'alert-status' }, named(statusNames[alert.status], alert.status)),
    h('td', { class: 'staff-actions' }, button),
  );
}
