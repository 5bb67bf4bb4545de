// The citizen's account area: one login screen (the digital ID first, phone and passport second)
// while nobody is logged in, and one logged-in state whichever path was used, with "My stay" below it.
// It asks the server who is logged in at the start, after a phone login and after a logout, so the page
// never shows both.
import './account.css';
import { createDigitalIdLogin } from '../digital-id-login';
import { createPhoneLogin } from '../phone-login';
import { h, t } from '../shell/dom';
import { createMyStay } from '../stays/my-stay';
import { createAccountStatus } from './account-status';
import { fetchProviders, fetchSession } from './api';

export interface AccountAreaOptions {
  readonly fetcher?: typeof fetch;
}

/**
 * Builds the account area into `container` and asks the server who is logged in. Mount it before the
 * page starts translating, so its [data-i18n] text is translated with the rest.
 */
export function mountAccountArea(container: HTMLElement, options: AccountAreaOptions = {}): HTMLElement {
  const fetcher = options.fetcher ?? ((input, init) => fetch(input, init));
  const digitalId = createDigitalIdLogin();
  const phone = createPhoneLogin({ fetcher, onLoggedIn: () => refresh({ moveFocus: true }) });
  const loginHeading = t('h2', 'login.title', 'Log in', { id: 'login-title', tabindex: '-1' });
  const login = h(
    'section',
    { class: 'login-screen', 'data-testid': 'login-screen', 'aria-labelledby': loginHeading.id, hidden: true },
    loginHeading,
    digitalId.element,
    phone.element,
  );
  const status = createAccountStatus({
    fetcher,
    onLoggedOut: async () => {
      phone.reset();
      await refresh({ moveFocus: true });
    },
  });
  const myStay = createMyStay({ fetcher });
  const area = h(
    'div',
    { class: 'account-area', 'data-testid': 'account-area' },
    login,
    status.element,
    myStay.element,
  );
  container.append(area);

  const refresh = async ({ moveFocus }: { moveFocus: boolean }) => {
    const [session, providers] = await Promise.all([fetchSession(fetcher), fetchProviders(fetcher)]);
    if (session?.kind === 'citizen') {
      login.hidden = true;
      status.show(session);
      if (moveFocus) status.focus();
      await myStay.show(session.csrfToken);
      return;
    }
    status.element.hidden = true;
    myStay.hide();
    // With no digital ID on offer, the phone path is the only one: show it unfolded.
    if (!digitalId.offer(providers)) phone.unfold();
    login.hidden = false;
    if (moveFocus) loginHeading.focus();
  };

  void refresh({ moveFocus: false });
  return area;
}
