// The pending removal requests of the registry moderation screen: which entry, who asks and why, and
// the two answers, remove or keep, each with a reason the requester is told. What the requester wrote
// is shown as text, never as markup.
import { createBusyGuard, h, t } from '../../citizen/src/shell/dom';
import { formatTime } from './console-format';
import { errorMessage, field, showFailure } from './console-ui';
import { kindNames } from './moderation-kinds';
import { type RemovalRequest, registryApi } from './registry-api';

/** The list of pending removal requests, read at once and again after each decision. */
export function removalQueue(localise: (root: HTMLElement) => Promise<void>): HTMLElement {
  const removals = h('div', { class: 'removal-queue', 'data-testid': 'removal-queue' });
  const show = async (content: HTMLElement) => {
    await localise(content);
    removals.replaceChildren(content);
  };
  const loadRemovals = async () => {
    try {
      const page = await registryApi.pendingRemovalRequests();
      const items = page.items.map((request) => removalItem(request, localise, loadRemovals));
      await show(
        items.length === 0
          ? t('p', 'moderation.removalsEmpty', 'No removal requests are waiting.')
          : h('ul', { class: 'removal-list' }, ...items),
      );
    } catch (failure) {
      await show(errorMessage(failure));
    }
  };

  void loadRemovals();
  return removals;
}

/** A removal request: which entry, who asks and why, and the two answers (each with a reason). */
function removalItem(
  request: RemovalRequest,
  localise: (root: HTMLElement) => Promise<void>,
  reload: () => Promise<void>,
): HTMLElement {
  const reason = h('textarea', { id: `removal-reason-${request.id}`, rows: '2', maxlength: '1000' });
  const removeButton = t('button', 'moderation.removeEntry', 'Remove the entry', {
    type: 'button',
    class: 'primary danger',
    'data-testid': 'remove-entry',
  });
  const keepButton = t('button', 'moderation.keepEntry', 'Keep the entry', {
    type: 'button',
    'data-testid': 'keep-entry',
  });
  const error = h('div', { class: 'error', role: 'alert' });
  const busy = createBusyGuard(removeButton, keepButton);
  const decide = (decision: 'remove' | 'keep') =>
    busy(async () => {
      error.replaceChildren();
      if (reason.value.trim() === '') {
        const message = t('p', 'moderation.error.removalReason', 'Write the reason; the requester is told it.');
        await localise(message);
        error.replaceChildren(message);
        return;
      }
      try {
        await registryApi.decideRemoval(request.id, { decision, reason: reason.value.trim() });
        await reload();
      } catch (failure) {
        await showFailure(error, failure, localise);
      }
    });
  removeButton.addEventListener('click', () => void decide('remove'));
  keepButton.addEventListener('click', () => void decide('keep'));
  const entry = request.entry;
  return h(
    'li',
    { class: 'removal', 'data-testid': 'removal-request', 'data-request-id': request.id },
    h(
      'dl',
      { class: 'facts' },
      t('dt', 'moderation.removalEntry', 'Entry'),
      h(
        'dd',
        {},
        t('span', kindNames[entry.kind][0], kindNames[entry.kind][1], { class: 'kind' }),
        ' ',
        h('strong', {}, entry.display),
      ),
      t('dt', 'moderation.column.received', 'Received'),
      h('dd', {}, formatTime(request.createdAt)),
      t('dt', 'moderation.requester', 'Asked by'),
      h('dd', {}, request.requesterName, ' · ', h('span', { class: 'staff-email' }, request.contactEmail)),
      t('dt', 'moderation.statement', 'Their statement'),
      h('dd', { class: 'reporter-text' }, request.statement),
    ),
    field(reason.id, 'moderation.removalReasonLabel', 'Reason for the decision', reason),
    h('div', { class: 'button-row' }, removeButton, keepButton),
    error,
  );
}
