// The registry moderation screen, for the roles that may `registry.moderate`: the queue of pending
// reports, one report in full with its screenshots, approval (with the subject list the public entry
// will show, editable) or rejection with a reason; and pending removal requests (removal-queue.ts).
// Everything a reporter or requester wrote is shown as text, never as markup.
import { createBusyGuard, h, t } from '../../citizen/src/shell/dom';
import { countryName, formatTime } from './console-format';
import { errorMessage, field, scrollingTable, showFailure } from './console-ui';
import { kindNames } from './moderation-kinds';
import { draftSubjects, reportDecision, type SubjectDraft } from './moderation-model';
import { type ReportDetails, type ReportSummary, registryApi, screenshotPath, subjectKinds } from './registry-api';
import { removalQueue } from './removal-queue';

export interface ModerationScreenOptions {
  /** Translates an element made after the page started into the page's language. */
  readonly localise: (root: HTMLElement) => Promise<void>;
}

const decisionMessages = {
  reasonNeeded: ['moderation.error.reasonNeeded', 'Write the reason for your decision.'],
  subjectNeeded: ['moderation.error.subjectNeeded', 'Keep at least one subject with a value, or reject the report.'],
} as const;

export function moderationScreen(options: ModerationScreenOptions): HTMLElement {
  const { localise } = options;
  const outcome = h('div', { role: 'status', class: 'moderation-outcome', 'data-testid': 'moderation-outcome' });
  const queue = h('tbody', { 'data-testid': 'report-queue' });
  const queueError = h('div', { class: 'error', role: 'alert' });
  const detail = h('div', { class: 'report-detail', 'data-testid': 'report-detail' });

  const show = async (target: HTMLElement, ...content: HTMLElement[]) => {
    for (const element of content) await localise(element);
    target.replaceChildren(...content);
  };

  const loadQueue = async () => {
    queueError.replaceChildren();
    try {
      const page = await registryApi.pendingReports();
      const rows = page.items.map((report) => queueRow(report, () => void openReport(report.id)));
      if (rows.length === 0) {
        rows.push(
          h('tr', {}, h('td', { colspan: '4' }, t('span', 'moderation.queueEmpty', 'No reports are waiting.'))),
        );
      }
      await show(queue, ...rows);
    } catch (failure) {
      await show(queueError, errorMessage(failure));
    }
  };

  const openReport = async (reportId: string) => {
    outcome.replaceChildren();
    for (const row of queue.querySelectorAll<HTMLElement>('tr[data-report-id]')) {
      if (row.dataset.reportId === reportId) row.setAttribute('aria-current', 'true');
      else row.removeAttribute('aria-current');
    }
    try {
      const report = await registryApi.report(reportId);
      await show(detail, reportPanel(report, localise, finish));
      detail.querySelector<HTMLElement>('h4')?.focus();
    } catch (failure) {
      await show(detail, errorMessage(failure));
    }
  };

  /** After a decision: close the report, read the queue again, then say so (the queue is current by then). */
  const finish = async (message: HTMLElement) => {
    detail.replaceChildren();
    await loadQueue();
    await show(outcome, message);
  };

  void loadQueue();
  return h(
    'section',
    { class: 'moderation', 'aria-labelledby': 'moderation-heading', 'data-testid': 'moderation-screen' },
    t('h3', 'moderation.heading', 'Registry moderation', { id: 'moderation-heading' }),
    t(
      'p',
      'moderation.explain',
      'Reports from the public wait here. Only approved subjects become public, without the reporter, the description or the screenshots.',
    ),
    outcome,
    t('h4', 'moderation.queueHeading', 'Reports waiting'),
    scrollingTable(
      [
        t('th', 'moderation.column.received', 'Received', { scope: 'col' }),
        t('th', 'moderation.column.subjects', 'Reported', { scope: 'col' }),
        t('th', 'moderation.column.screenshots', 'Screenshots', { scope: 'col', class: 'number' }),
        h('th', { scope: 'col' }, t('span', 'moderation.column.open', 'Open', { class: 'visually-hidden' })),
      ],
      queue,
    ),
    queueError,
    detail,
    t('h4', 'moderation.removalsHeading', 'Removal requests waiting', { class: 'removals-heading' }),
    removalQueue(localise),
  );
}

function queueRow(report: ReportSummary, open: () => void): HTMLTableRowElement {
  const button = t('button', 'moderation.open', 'Open', { type: 'button', 'data-testid': 'open-report' });
  button.addEventListener('click', open);
  return h(
    'tr',
    { 'data-testid': 'report-row', 'data-report-id': report.id },
    h('td', {}, formatTime(report.createdAt)),
    h('td', {}, subjectSummary(report)),
    h('td', { class: 'number' }, String(report.screenshotCount)),
    h('td', { class: 'staff-actions' }, button),
  );
}

/** "Phone number: +66 81 234 5678" per subject, one a line. */
function subjectSummary(report: ReportSummary): HTMLElement {
  return h(
    'ul',
    { class: 'plain-list' },
    ...report.subjects.map((subject) =>
      h(
        'li',
        {},
        t('span', kindNames[subject.kind][0], kindNames[subject.kind][1], { class: 'kind' }),
        ' ',
        h('span', { class: 'subject-value' }, subject.value),
      ),
    ),
  );
}

/** One report in full: what was reported, what the reporter wrote, the screenshots, and the decision. */
function reportPanel(
  report: ReportDetails,
  localise: (root: HTMLElement) => Promise<void>,
  finish: (message: HTMLElement) => Promise<void>,
): HTMLElement {
  const drafts = draftSubjects(report.subjects);
  // Each row's controls are labelled by the column headings.
  const columnId = (name: string) => `subjects-${report.id}-${name}`;
  const subjectRows = h('tbody', { 'data-testid': 'decision-subjects' });
  const renderSubjects = () => {
    subjectRows.replaceChildren(...drafts.map((draft, index) => subjectRow(columnId, draft, index, remove)));
    void localise(subjectRows);
  };
  const remove = (draft: SubjectDraft) => {
    drafts.splice(drafts.indexOf(draft), 1);
    renderSubjects();
  };
  renderSubjects();

  const reason = h('textarea', {
    id: `decision-reason-${report.id}`,
    rows: '3',
    maxlength: '1000',
    'data-testid': 'decision-reason',
  });
  const approve = t('button', 'moderation.approve', 'Approve and publish', {
    type: 'button',
    class: 'primary',
    'data-testid': 'approve-report',
  });
  const reject = t('button', 'moderation.reject', 'Reject', {
    type: 'button',
    class: 'danger',
    'data-testid': 'reject-report',
  });
  const error = h('div', { class: 'error', role: 'alert', 'data-testid': 'decision-error' });
  const busy = createBusyGuard(approve, reject);
  const decide = (decision: 'approve' | 'reject') =>
    busy(async () => {
      error.replaceChildren();
      const checked = reportDecision(decision, reason.value, drafts);
      if (!checked.ok) {
        const [key, english] = decisionMessages[checked.message];
        const message = t('p', key, english);
        await localise(message);
        error.replaceChildren(message);
        return;
      }
      try {
        await registryApi.decideReport(report.id, checked.decision);
        await finish(
          decision === 'approve'
            ? t('p', 'moderation.approved', 'Approved: the subjects are now searchable.', { class: 'success' })
            : t('p', 'moderation.rejected', 'Rejected: nothing was published.', { class: 'success' }),
        );
      } catch (failure) {
        await showFailure(error, failure, localise);
      }
    });
  approve.addEventListener('click', () => void decide('approve'));
  reject.addEventListener('click', () => void decide('reject'));

  const screenshots = Array.from({ length: report.screenshotCount }, (_, index) => {
    const image = h('img', {
      src: screenshotPath(report.id, index),
      alt: '',
      loading: 'lazy',
      'data-testid': 'report-screenshot',
    });
    const caption = t('figcaption', 'moderation.screenshotNumber', 'Screenshot {number}');
    caption.dataset.i18nValues = JSON.stringify({ number: index + 1 });
    return h(
      'figure',
      { class: 'screenshot' },
      h('a', { href: image.src, target: '_blank', rel: 'noopener' }, image),
      caption,
    );
  });

  return h(
    'article',
    { class: 'report', 'data-testid': 'report-panel', 'data-report-id': report.id },
    h(
      'h4',
      { tabindex: '-1' },
      t('span', 'moderation.reportHeading', 'Report received'),
      ' ',
      h('span', {}, formatTime(report.createdAt)),
    ),
    h(
      'dl',
      { class: 'facts' },
      t('dt', 'moderation.country', 'Country'),
      h('dd', {}, countryName(report.country)),
      t('dt', 'moderation.description', 'What the reporter wrote'),
      h('dd', { class: 'reporter-text', 'data-testid': 'report-description' }, report.description ?? '—'),
    ),
    ...(screenshots.length > 0 ? [h('div', { class: 'screenshots' }, ...screenshots)] : []),
    h(
      'fieldset',
      { class: 'decision' },
      t('legend', 'moderation.subjectsLegend', 'What the public entry will show'),
      t(
        'p',
        'moderation.subjectsExplain',
        'Correct a value, or leave out a subject that names a victim or an innocent person. The registry shows each value in its standard form, such as a phone number in international format.',
        { class: 'hint' },
      ),
      h(
        'div',
        { class: 'table-scroll' },
        h(
          'table',
          { class: 'staff-table subjects-table' },
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              t('th', 'moderation.column.kind', 'Kind', { scope: 'col', id: columnId('kind') }),
              t('th', 'moderation.column.value', 'Value', { scope: 'col', id: columnId('value') }),
              t('th', 'moderation.column.normalised', 'Matched as', { scope: 'col', id: columnId('normalised') }),
              h('th', { scope: 'col' }, t('span', 'moderation.column.remove', 'Remove', { class: 'visually-hidden' })),
            ),
          ),
          subjectRows,
        ),
      ),
      field(reason.id, 'moderation.reason', 'Reason for the decision (kept in the record)', reason),
      h('div', { class: 'button-row' }, approve, reject),
      error,
    ),
  );
}

/** One editable subject: kind, value and how the public sees it, with a button to leave it out. */
function subjectRow(
  columnId: (name: string) => string,
  draft: SubjectDraft,
  index: number,
  remove: (draft: SubjectDraft) => void,
): HTMLTableRowElement {
  const id = (name: string) => `${columnId(name)}-${index}`;
  const kind = h(
    'select',
    { id: id('kind'), 'aria-labelledby': columnId('kind'), 'data-testid': 'subject-kind' },
    ...subjectKinds.map((value) => {
      const option = t('option', kindNames[value][0], kindNames[value][1], { value });
      option.selected = value === draft.kind;
      return option;
    }),
  );
  const value = h('input', {
    id: id('value'),
    value: draft.value,
    maxlength: '300',
    'aria-labelledby': columnId('value'),
    'data-testid': 'subject-value',
  });
  kind.addEventListener('change', () => {
    draft.kind = kind.value as SubjectDraft['kind'];
  });
  value.addEventListener('input', () => {
    draft.value = value.value;
  });
  const removeButton = t('button', 'moderation.removeSubject', 'Leave out', {
    type: 'button',
    class: 'danger',
    'data-testid': 'remove-subject',
  });
  removeButton.addEventListener('click', () => remove(draft));
  return h(
    'tr',
    { 'data-testid': 'subject-row' },
    h('td', {}, kind),
    h('td', {}, value),
    h('td', { class: 'subject-value' }, draft.normalised),
    h('td', { class: 'staff-actions' }, removeButton),
  );
}
