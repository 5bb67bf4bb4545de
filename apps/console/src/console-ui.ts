// What the console's screens share: role names, readable messages for the API's problems, form fields
// and the message that says how a registration link was delivered.
// Types only: the apps depend on the API at run time, never on the domain package (docs/ARCHITECTURE.md).
import type { StaffRole } from '@homeward/domain';
import { WebAuthnError } from '@simplewebauthn/browser';
import { h, t } from '../../citizen/src/shell/dom';
import { ApiProblem, type LinkDelivery } from './staff-api';
import type { Message, Words } from './welfare-model';

/** Every staff role the domain knows, by name: a role added there fails the type check here until it has one. */
export const roleNames: Readonly<Record<StaffRole, string>> = {
  consular_officer: 'Consular officer',
  consular_supervisor: 'Consular supervisor',
  partner_caseworker: 'Partner caseworker',
  partner_manager: 'Partner manager',
  law_enforcement_liaison: 'Law-enforcement liaison',
  analyst: 'Analyst',
  admin: 'Administrator',
};

/** The roles the invitation form offers, in the order above. */
export const staffRoles = Object.keys(roleNames) as StaffRole[];

export const roleLabel = (role: StaffRole) => t('span', `role.${role}`, roleNames[role]);

/** Error messages by problem type, with the catalogue key and its English. */
export const problemMessages: Readonly<Record<string, readonly [string, string]>> = {
  'passkey-not-accepted': [
    'error.passkeyNotAccepted',
    'This passkey is not accepted here. Ask an administrator to reset your sign-in.',
  ],
  'passkey-ceremony-expired': ['error.ceremonyExpired', 'That took too long. Please try again.'],
  'passkey-not-verified': ['error.passkeyNotVerified', 'The passkey could not be verified. Please try again.'],
  'registration-link-not-usable': [
    'error.linkNotUsable',
    'This link has expired or was already used. Ask an administrator for a new one.',
  ],
  'registration-link-unknown': ['error.linkUnknown', 'This link is not valid. Check that it was copied whole.'],
  'staff-email-taken': ['error.emailTaken', 'A staff member with this email already exists.'],
  'mail-not-sent': ['error.mailNotSent', 'The email could not be sent. Nothing was changed; try again later.'],
  'staff-disabled': ['error.staffDisabled', 'This staff member is disabled. Nothing was changed.'],
  'cannot-disable-self': ['error.cannotDisableSelf', 'You cannot disable your own account. Ask another administrator.'],
  'not-found': ['error.notFound', 'This staff member no longer exists. Reload the list.'],
  'not-authenticated': ['error.notAuthenticated', 'Your session has ended. Sign in again.'],
  'csrf-token-invalid': ['error.sessionChanged', 'Your session changed in another tab. Reload the page.'],
  forbidden: ['error.forbidden', 'Your role may not do this.'],
  'validation-failed': ['error.validation', 'Please check the form.'],
  'alert-not-found': [
    'error.alertNotFound',
    'This alert is not in your jurisdiction or no longer exists. Reload the list.',
  ],
  'alert-closed': [
    'error.alertClosed',
    'Someone has already resolved or escalated this alert. The list now shows it as it is.',
  ],
};

/**
 * A readable paragraph for a failure: our own words for the problems we know, the server's `detail`
 * (in English) for one we do not, and a generic line when there is neither.
 */
export function errorMessage(error: unknown): HTMLElement {
  if (error instanceof ApiProblem) {
    const known = problemMessages[error.slug];
    if (known) return t('p', known[0], known[1]);
    if (error.detail) return h('p', {}, error.detail);
  } else if (isPasskeyCancelled(error)) {
    return t('p', 'error.passkeyCancelled', 'No passkey was used. Please try again.');
  }
  return t('p', 'error.generic', 'Something went wrong. Please try again.');
}

/** Puts a failure's message, translated, in place of what `target` showed. */
export async function showFailure(
  target: HTMLElement,
  failure: unknown,
  localise: (root: HTMLElement) => Promise<void>,
): Promise<void> {
  const message = errorMessage(failure);
  await localise(message);
  target.replaceChildren(message);
}

/** An element showing a catalogue message with its values (`data-i18n-values`), translated when the screen is localised. */
export function say<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  message: Message,
  attributes: Readonly<Record<string, string | boolean | undefined>> = {},
): HTMLElementTagNameMap[K] {
  const element = t(tag, message.words[0], message.words[1], attributes);
  if (message.values !== undefined) element.dataset.i18nValues = JSON.stringify(message.values);
  return element;
}

/** A value's name from a table of words, or the value as the server sent it when the table lacks it (a newer server). */
export function named(words: Words | undefined, raw: string): HTMLElement {
  return words === undefined ? h('span', {}, raw) : t('span', words[0], words[1]);
}

export function field(id: string, key: string, english: string, control: HTMLElement): HTMLElement {
  return h('div', { class: 'field' }, t('label', key, english, { for: id }), control);
}

/** How a new invitation or recovery link reached its person: by email, or shown here to pass on. */
export function deliveryMessage(delivery: LinkDelivery, purpose: 'invitation' | 'recovery'): HTMLElement {
  const isRecovery = purpose === 'recovery';
  if (delivery.delivery === 'email' || delivery.link === undefined) {
    return isRecovery
      ? t('p', 'recovery.emailed', 'Recovery link sent. It works once and expires in 24 hours.', {
          class: 'success',
          'data-testid': 'recovery-emailed',
        })
      : t('p', 'invite.emailed', 'Invitation sent. The link works once and expires in 72 hours.', {
          class: 'success',
          'data-testid': 'invitation-emailed',
        });
  }
  const link = h('input', {
    type: 'text',
    readonly: true,
    value: delivery.link,
    'data-testid': isRecovery ? 'recovery-link' : 'invitation-link',
    'aria-label': isRecovery ? 'Recovery link' : 'Invitation link',
  });
  return h(
    'div',
    { class: 'success' },
    isRecovery
      ? t(
          'p',
          'recovery.linkOnly',
          'No mail server is configured, so nothing was emailed. Give this link to the person yourself, over a channel you trust. It works once and expires in 24 hours.',
        )
      : t(
          'p',
          'invite.linkOnly',
          'No mail server is configured, so nothing was emailed. Give this link to the person yourself, over a channel you trust. It works once and expires in 72 hours.',
        ),
    link,
  );
}

export function isPasskeyCancelled(error: unknown): boolean {
  if (error instanceof WebAuthnError) return true;
  return error instanceof DOMException && (error.name === 'NotAllowedError' || error.name === 'AbortError');
}

/**
 * A staff table that scrolls sideways on a narrow screen: the column headings (already translated elements)
 * and the body the screen fills. The last heading is usually the actions column, visually hidden.
 */
export function scrollingTable(headings: readonly HTMLElement[], body: HTMLElement): HTMLElement {
  return h(
    'div',
    { class: 'table-scroll' },
    h('table', { class: 'staff-table' }, h('thead', {}, h('tr', {}, ...headings)), body),
  );
}
