// Who is logged in, how sure the server is of who they are (in plain words), and a logout button:
// the same whichever login path was used. The name comes from the server and is shown as it is; a
// phone account has none, so it says "You are logged in" without one.

import { createBusyGuard, createMessageArea, h, t } from '../shell/dom';
import { logOut, type SessionInfo } from './api';

const assuranceMessages = {
  high: ['account.assurance.high', 'Your identity was confirmed with your national digital ID.'],
  substantial: ['account.assurance.substantial', 'Your identity was confirmed with your digital ID.'],
  low: [
    'account.assurance.low',
    'You logged in with a phone code, so your identity is only partly confirmed. Some services will ask you to log in with your digital ID.',
  ],
} as const;

export interface AccountStatus {
  readonly element: HTMLElement;
  show(session: SessionInfo): void;
  /** Moves focus to the heading, so a screen reader announces the new state. */
  focus(): void;
}

export interface AccountStatusOptions {
  readonly fetcher: typeof fetch;
  /** Called once logged out (or the session turned out to be over already). */
  readonly onLoggedOut: () => void | Promise<void>;
}

export function createAccountStatus({ fetcher, onLoggedOut }: AccountStatusOptions): AccountStatus {
  const name = h('strong', { 'data-testid': 'logged-in-name' });
  const withName = h(
    'p',
    { 'data-testid': 'logged-in-with-name' },
    t('span', 'account.loggedInAs', 'You are logged in as'),
    ' ',
    name,
  );
  const withoutName = t('p', 'account.loggedIn', 'You are logged in.', { 'data-testid': 'logged-in-without-name' });
  const assurance = Object.fromEntries(
    Object.entries(assuranceMessages).map(([level, [key, english]]) => [
      level,
      t('p', key, english, { class: 'assurance', hidden: true }),
    ]),
  );
  const logoutButton = t('button', 'account.logout', 'Log out', {
    type: 'button',
    'data-testid': 'logout-button',
  });
  const alert = createMessageArea(
    { 'account.error.logoutFailed': 'You are still logged in. Check your connection and try again.' },
    { class: 'form-error', 'data-testid': 'logout-error' },
  );
  const heading = t('h2', 'account.title', 'Your account', { id: 'account-status-title', tabindex: '-1' });
  const element = h(
    'section',
    {
      class: 'account-status',
      'data-testid': 'account-status',
      'aria-labelledby': heading.id,
      hidden: true,
    },
    heading,
    withName,
    withoutName,
    ...Object.values(assurance),
    logoutButton,
    alert.element,
  );

  let csrfToken = '';
  const whileBusy = createBusyGuard(logoutButton);
  logoutButton.addEventListener('click', () => {
    void whileBusy(async () => {
      alert.show(undefined);
      const answer = await logOut(fetcher, csrfToken);
      // 401: the session had already ended (expired, or logged out in another tab): that is logged out too.
      if (answer.ok || answer.problem.status === 401) return onLoggedOut();
      alert.show('account.error.logoutFailed');
    });
  });

  return {
    element,
    show(session) {
      csrfToken = session.csrfToken;
      const hasName = session.displayName.trim() !== '';
      name.textContent = session.displayName;
      withName.hidden = !hasName;
      withoutName.hidden = hasName;
      for (const [level, paragraph] of Object.entries(assurance)) paragraph.hidden = level !== session.assurance;
      element.dataset.assurance = session.assurance ?? '';
      alert.show(undefined);
      element.hidden = false;
    },
    focus() {
      heading.focus();
    },
  };
}
