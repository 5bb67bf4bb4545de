// Parts of an alert that the queue row and the open alert both show: the source badge with its marks, and the
// risk factors as sentences.
import { h, t } from '../../citizen/src/shell/dom';
import type { AlertSummary } from './alerts-api';
import { countryName } from './console-format';
import { named, say } from './console-ui';
import { explainFactor, isUrgentSource, sourceNames } from './welfare-model';

/** The source badge, the supervisor mark and, for silence, how many check-ins were missed. */
export function sourceCell(alert: AlertSummary): HTMLElement {
  const badge = h(
    'span',
    { class: isUrgentSource(alert.source) ? 'source-badge urgent' : 'source-badge', 'data-testid': 'alert-source' },
    ...(isUrgentSource(alert.source) ? [h('span', { 'aria-hidden': 'true', class: 'urgent-mark' }, '!'), ' '] : []),
    named(sourceNames[alert.source], alert.source),
  );
  const cell = h('div', { class: 'source-cell' }, badge);
  if (alert.source === 'missed_check_in' && alert.missedPeriods > 1) {
    cell.append(
      say(
        'span',
        {
          words: ['welfare.missedPeriods', '{count} check-ins missed in a row'],
          values: { count: alert.missedPeriods },
        },
        { class: 'missed-periods' },
      ),
    );
  }
  if (alert.isSupervisorEscalated) {
    cell.append(
      t('span', 'welfare.supervisorEscalated', 'Supervisor alerted', {
        class: 'supervisor-tag',
        'data-testid': 'supervisor-escalated',
      }),
    );
  }
  return cell;
}

/** The score's factors as sentences, strongest first. */
export function factorList(alert: AlertSummary): HTMLElement {
  const factors = [...alert.riskFactors].sort((a, b) => b.weight - a.weight);
  return h(
    'ul',
    { class: 'risk-factors', 'data-testid': 'risk-factors' },
    ...factors.map((factor) => say('li', explainFactor(factor, countryName))),
  );
}
