// The "log in with your digital ID" part of the login screen: a link that starts the OIDC login at the
// server (which redirects to the provider and back). The recommended path, so it comes first. Who is
// logged in, and logging out, is the account status (account/account-status.ts), whichever path was used.
import './digital-id-login.css';
import { type OfferedProvider, providersPath } from './account/api';
import { h, t } from './shell/dom';

/** The provider the main button uses: the national one when configured, else the first (the demo). */
export function pickMainProvider(providers: readonly OfferedProvider[]): OfferedProvider | undefined {
  return providers.find((provider) => !provider.isDemo) ?? providers[0];
}

export interface DigitalIdLogin {
  readonly element: HTMLElement;
  /** Shows the offered providers; answers whether there is one to log in with. */
  offer(providers: readonly OfferedProvider[]): boolean;
}

/** Builds the digital ID part; its text is translated by `data-i18n` keys (digitalIdLogin.*). */
export function createDigitalIdLogin(): DigitalIdLogin {
  const loginLink = t('a', 'digitalIdLogin.button', 'Log in with your digital ID', {
    class: 'digital-id-button',
    'data-testid': 'digital-id-login-button',
    href: providersPath,
  });
  const plainLink = t('a', 'digitalIdLogin.demoPlain', 'Demo: log in through plain OIDC instead', {
    class: 'digital-id-alternative',
    'data-testid': 'digital-id-login-plain',
  });
  const plainParagraph = h('p', { class: 'digital-id-plain' }, plainLink);
  const element = h(
    'div',
    { class: 'digital-id-login', 'data-testid': 'digital-id-login', hidden: true },
    h(
      'p',
      { class: 'digital-id-intro' },
      t('span', 'digitalIdLogin.recommended', 'Recommended', { class: 'recommended-badge' }),
      ' ',
      t(
        'span',
        'digitalIdLogin.intro',
        'Log in with your national digital ID, such as Singpass, MyDigital ID or PhilSys.',
      ),
    ),
    loginLink,
    plainParagraph,
  );

  // A second tap while the provider's page loads would start a second login and spoil the first.
  let isLeaving = false;
  for (const link of [loginLink, plainLink]) {
    link.addEventListener('click', (event) => {
      if (isLeaving) event.preventDefault();
      isLeaving = true;
      link.setAttribute('aria-disabled', 'true');
    });
  }
  // Coming back with the browser's back button restores this page as it was: make the links work again.
  window.addEventListener('pageshow', () => {
    isLeaving = false;
    loginLink.removeAttribute('aria-disabled');
    plainLink.removeAttribute('aria-disabled');
  });

  return {
    element,
    offer(providers) {
      const main = pickMainProvider(providers);
      element.hidden = main === undefined;
      if (main !== undefined) loginLink.href = main.startUrl;
      const plain = providers.find((provider) => provider.key === 'demo-plain');
      plainParagraph.hidden = plain === undefined || plain === main;
      if (plain !== undefined) plainLink.href = plain.startUrl;
      return main !== undefined;
    },
  };
}
