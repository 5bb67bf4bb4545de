// The admin's staff screen: the staff list (filtered by organisation and status, a page at a time), the
// invitation form, and per member a recovery link or disabling, each behind a confirmation step because
// both end the member's sessions at once. Only admins are shown it; the API refuses everyone else anyway.
import type { StaffRole } from '@homeward/domain';
import { createBusyGuard, h, t } from '../../citizen/src/shell/dom';
import { deliveryMessage, errorMessage, field, roleLabel, roleNames, scrollingTable, staffRoles } from './console-ui';
import { type Organisation, type StaffListItem, type StaffStatus, staffApi } from './staff-api';

export interface StaffScreenOptions {
  /** Translates an element made after the page started into the page's language. */
  readonly localise: (root: HTMLElement) => Promise<void>;
  /** The signed-in admin: their own row offers no recovery or disabling (the server refuses the latter). */
  readonly ownStaffId: string;
}

const statusNames: Readonly<Record<StaffStatus, string>> = {
  invited: 'Invited',
  active: 'Active',
  disabled: 'Disabled',
};

export function staffScreen(options: StaffScreenOptions): HTMLElement {
  const { localise, ownStaffId } = options;
  const result = h('div', { role: 'status', class: 'staff-result', 'data-testid': 'staff-action-result' });
  const tableBody = h('tbody', { 'data-testid': 'staff-rows' });
  const listError = h('div', { class: 'error', role: 'alert', 'data-testid': 'staff-list-error' });
  const more = t('button', 'staff.more', 'Show more', { type: 'button', hidden: true, 'data-testid': 'staff-more' });
  const organisationFilter = h(
    'select',
    { id: 'staff-organisation', name: 'organisationId' },
    t('option', 'staff.allOrganisations', 'All organisations', { value: '' }),
  );
  const statusFilter = h(
    'select',
    { id: 'staff-status', name: 'status' },
    t('option', 'staff.allStatuses', 'Every status', { value: '' }),
    ...(Object.keys(statusNames) as StaffStatus[]).map((status) =>
      t('option', `staff.status.${status}`, statusNames[status], { value: status }),
    ),
  );
  let nextCursor: string | null = null;

  const show = async (target: HTMLElement, content: HTMLElement) => {
    await localise(content);
    target.replaceChildren(content);
  };

  /** Reads the first page again (after a filter change or an action) or appends the next one. */
  const load = async (page: 'first' | 'next') => {
    listError.replaceChildren();
    more.disabled = true;
    try {
      const reply = await staffApi.listStaff({
        organisationId: organisationFilter.value,
        status: (statusFilter.value || undefined) as StaffStatus | undefined,
        ...(page === 'next' && nextCursor !== null && { cursor: nextCursor }),
      });
      const rows = reply.items.map(memberRow);
      if (page === 'first') tableBody.replaceChildren(...rows);
      else tableBody.append(...rows);
      if (tableBody.childElementCount === 0) {
        tableBody.append(
          h('tr', {}, h('td', { colspan: '6' }, t('span', 'staff.none', 'No staff members match these filters.'))),
        );
      }
      await localise(tableBody);
      nextCursor = reply.nextCursor;
      more.hidden = nextCursor === null;
    } catch (failure) {
      await show(listError, errorMessage(failure));
    } finally {
      more.disabled = false;
    }
  };

  const memberRow = (member: StaffListItem): HTMLTableRowElement => {
    const actions = h('td', { class: 'staff-actions' });
    const showActions = () => {
      if (member.status === 'disabled' || member.id === ownStaffId) return actions.replaceChildren();
      const recover = t('button', 'staff.recover', 'Send a recovery link', {
        type: 'button',
        'data-testid': 'recover-staff',
      });
      const disable = t('button', 'staff.disable', 'Disable', {
        type: 'button',
        class: 'danger',
        'data-testid': 'disable-staff',
      });
      recover.addEventListener('click', () => void confirm('recover'));
      disable.addEventListener('click', () => void confirm('disable'));
      actions.replaceChildren(h('div', { class: 'button-row' }, recover, disable));
    };
    const confirm = async (action: 'recover' | 'disable') => {
      const values = JSON.stringify({ name: member.displayName });
      const question =
        action === 'recover'
          ? t(
              'p',
              'staff.confirmRecover',
              'Send {name} a new sign-in link? Their passkeys and sessions stop working now.',
            )
          : t('p', 'staff.confirmDisable', 'Disable {name}? They are signed out now and cannot sign in again.');
      question.dataset.i18nValues = values;
      question.textContent = question.textContent?.replace('{name}', member.displayName) ?? '';
      const yes =
        action === 'recover'
          ? t('button', 'staff.confirmRecoverYes', 'Yes, send the link', {
              type: 'button',
              class: 'primary',
              'data-testid': 'confirm-action',
            })
          : t('button', 'staff.confirmDisableYes', 'Yes, disable', {
              type: 'button',
              class: 'primary danger',
              'data-testid': 'confirm-action',
            });
      const no = t('button', 'staff.cancel', 'Cancel', { type: 'button', 'data-testid': 'cancel-action' });
      const busy = createBusyGuard(yes, no);
      no.addEventListener('click', () => showActions());
      yes.addEventListener('click', () =>
        busy(async () => {
          result.replaceChildren();
          try {
            if (action === 'recover') {
              await show(result, outcome(member, deliveryMessage(await staffApi.recover(member.id), 'recovery')));
            } else {
              await staffApi.disable(member.id);
              await show(
                result,
                outcome(member, t('p', 'staff.disabled', 'Disabled. Their sessions have ended.', { class: 'success' })),
              );
            }
            await load('first');
          } catch (failure) {
            const message = errorMessage(failure);
            message.classList.add('error');
            await show(result, outcome(member, message, 'failed'));
            showActions();
          }
        }),
      );
      const box = h('div', { class: 'confirm', role: 'group' }, question, h('div', { class: 'button-row' }, yes, no));
      await localise(box);
      actions.replaceChildren(box);
      no.focus();
    };
    showActions();
    return h(
      'tr',
      { 'data-testid': 'staff-row', 'data-staff-id': member.id },
      h(
        'td',
        {},
        h('span', { class: 'staff-name' }, member.displayName),
        ...(member.isDemo ? [' ', t('span', 'home.demoAccount', '(demo account)', { class: 'demo-tag' })] : []),
        h('br'),
        h('span', { class: 'staff-email' }, member.email),
      ),
      h('td', {}, roleLabel(member.role)),
      h('td', {}, member.organisationName),
      h('td', { 'data-testid': 'staff-status' }, statusCell(member)),
      h('td', { class: 'number', 'data-testid': 'staff-passkeys' }, String(member.activePasskeys)),
      actions,
    );
  };

  organisationFilter.addEventListener('change', () => void load('first'));
  statusFilter.addEventListener('change', () => void load('first'));
  more.addEventListener('click', () => void load('next'));

  const organisations = staffApi.organisations().then(
    ({ items }) => items,
    (): Organisation[] => [],
  );
  void organisations.then((items) => organisationFilter.append(...items.map(organisationOption)));

  const screen = h(
    'section',
    { class: 'staff', 'aria-labelledby': 'staff-heading', 'data-testid': 'staff-screen' },
    t('h3', 'staff.heading', 'Staff', { id: 'staff-heading' }),
    h(
      'div',
      { class: 'filters' },
      field('staff-organisation', 'staff.filterOrganisation', 'Organisation', organisationFilter),
      field('staff-status', 'staff.filterStatus', 'Status', statusFilter),
    ),
    result,
    scrollingTable(
      [
        t('th', 'staff.column.member', 'Name and email', { scope: 'col' }),
        t('th', 'account.role', 'Role', { scope: 'col' }),
        t('th', 'account.organisation', 'Organisation', { scope: 'col' }),
        t('th', 'staff.column.status', 'Status', { scope: 'col' }),
        t('th', 'staff.column.passkeys', 'Passkeys', { scope: 'col', class: 'number' }),
        h('th', { scope: 'col' }, t('span', 'staff.column.actions', 'Actions', { class: 'visually-hidden' })),
      ],
      tableBody,
    ),
    listError,
    more,
    invitationForm(organisations, localise, () => load('first')),
  );
  void load('first');
  return screen;
}

/** The member's status, and the open link if there is one, with the time it stops working. */
function statusCell(member: StaffListItem): HTMLElement {
  const cell = h('span', {}, t('strong', `staff.status.${member.status}`, statusNames[member.status]));
  if (member.registrationLink) {
    // The page's language, in the reader's regional form when the browser has one (en-GB: 24 Nov 2026).
    const language = document.documentElement.lang || 'en';
    const locales = [navigator.language, language].filter((locale) => locale.split('-')[0] === language.split('-')[0]);
    const until = new Intl.DateTimeFormat(locales, {
      dateStyle: 'medium',
      timeStyle: 'short',
    }).format(new Date(member.registrationLink.expiresAt));
    const note =
      member.registrationLink.purpose === 'invitation'
        ? t('span', 'staff.invitationOpen', 'Invitation link open until {until}', { class: 'staff-link' })
        : t('span', 'staff.recoveryOpen', 'Recovery link open until {until}', { class: 'staff-link' });
    note.dataset.i18nValues = JSON.stringify({ until });
    note.textContent = note.textContent?.replace('{until}', until) ?? '';
    cell.append(h('br'), note);
  }
  return cell;
}

/** The outcome of an action, under the name of the member it was about. */
function outcome(member: StaffListItem, message: HTMLElement, kind: 'done' | 'failed' = 'done'): HTMLElement {
  return h(
    'div',
    { class: kind === 'failed' ? 'staff-outcome failed' : 'staff-outcome' },
    h('p', {}, h('strong', {}, member.displayName)),
    message,
  );
}

const organisationOption = (item: Organisation) => h('option', { value: item.id }, item.name);

function invitationForm(
  organisations: Promise<Organisation[]>,
  localise: (root: HTMLElement) => Promise<void>,
  onInvited: () => Promise<void>,
): HTMLElement {
  const organisation = h('select', { id: 'invite-organisation', name: 'organisationId', required: true });
  const role = h(
    'select',
    { id: 'invite-role', name: 'role', required: true },
    ...staffRoles.map((value) => {
      const option = h('option', { value, 'data-i18n': `role.${value}` }, roleNames[value]);
      if (value === 'consular_officer') option.selected = true;
      return option;
    }),
  );
  const email = h('input', { id: 'invite-email', name: 'email', type: 'email', required: true, autocomplete: 'off' });
  const name = h('input', { id: 'invite-name', name: 'displayName', required: true, autocomplete: 'off' });
  const result = h('div', { 'data-testid': 'invitation-result', role: 'status' });
  const submit = t('button', 'invite.submit', 'Send invitation', { type: 'submit', class: 'primary' });
  const form = h(
    'form',
    { class: 'invite', 'data-testid': 'invite-form' },
    t('h3', 'invite.heading', 'Invite a staff member'),
    field('invite-email', 'invite.email', 'Email', email),
    field('invite-name', 'invite.name', 'Name', name),
    field('invite-role', 'invite.role', 'Role', role),
    field('invite-organisation', 'invite.organisation', 'Organisation', organisation),
    submit,
    result,
  );
  void organisations.then((items) => organisation.append(...items.map(organisationOption)));
  const busy = createBusyGuard(submit);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void busy(async () => {
      result.replaceChildren();
      try {
        const delivery = await staffApi.invite({
          email: email.value,
          displayName: name.value,
          role: role.value as StaffRole,
          organisationId: organisation.value,
        });
        const shown = deliveryMessage(delivery, 'invitation');
        await localise(shown);
        result.replaceChildren(shown);
        form.reset();
        await onInvited();
      } catch (failure) {
        const shown = errorMessage(failure);
        shown.classList.add('error');
        await localise(shown);
        result.replaceChildren(shown);
      }
    });
  });
  return form;
}
