// The console's screens: sign in with a passkey (and, on a demo, the marked demo sign-in), register a
// passkey from an invitation or recovery link (#/invitation/<token>), and once signed in, who you are,
// sign out and the role's screens: for consular staff the welfare-check queue (welfare-screen.ts) first, for admins
// the staff screen (staff-screen.ts). The link's token lives in the URL fragment, which the
// browser never sends to a server; it is wiped from the address bar once used.
// Types only: the apps depend on the API at run time, never on the domain package (docs/ARCHITECTURE.md).
import { startAuthentication, startRegistration } from '@simplewebauthn/browser';
import { h, t } from '../../citizen/src/shell/dom';
import { errorMessage, problemMessages, roleLabel } from './console-ui';
import { deliveriesScreen } from './deliveries-screen';
import { type ConsoleScreen, chooseScreen, screensFor } from './moderation-model';
import { moderationScreen } from './moderation-screen';
import { type LoginReply, rememberCsrfToken, type SessionInfo, type StaffProfile, staffApi } from './staff-api';
import { staffScreen } from './staff-screen';
import { welfareScreen } from './welfare-screen';

export interface ConsoleOptions {
  /** Where the screens go (the page's <main>). */
  readonly root: HTMLElement;
  /** Translates an element made after the page started, and its `[data-i18n]` descendants, into the page's language. */
  readonly localise: (root: HTMLElement) => Promise<void>;
}

export function startConsole(options: ConsoleOptions): void {
  const show = async (screen: HTMLElement) => {
    await options.localise(screen);
    options.root.replaceChildren(screen);
    screen.querySelector<HTMLElement>('h2')?.focus();
  };

  const showError = async (target: HTMLElement, error: unknown) => {
    const text = errorMessage(error);
    await options.localise(text);
    target.replaceChildren(text);
  };

  const signedIn = async (reply: LoginReply) => {
    rememberCsrfToken(reply.csrfToken);
    // The link has done its work; keep its token out of the address bar and the history.
    if (location.hash.startsWith('#/invitation/')) history.replaceState(null, '', location.pathname);
    await show(homeScreen(reply.staff));
  };

  const loginScreen = (): HTMLElement => {
    const error = h('div', { class: 'error', role: 'alert', 'data-testid': 'login-error' });
    const button = t('button', 'login.passkey', 'Sign in with a passkey', {
      type: 'button',
      class: 'primary',
      'data-testid': 'passkey-login',
    });
    button.addEventListener('click', async () => {
      button.disabled = true;
      error.replaceChildren();
      try {
        const { ceremonyId, options: optionsJSON } = await staffApi.loginOptions();
        const response = await startAuthentication({ optionsJSON });
        await signedIn(await staffApi.login(ceremonyId, response));
      } catch (failure) {
        await showError(error, failure);
        button.disabled = false;
      }
    });
    const demo = h('div', { 'data-testid': 'demo-login-area' });
    const screen = h(
      'section',
      { class: 'panel', 'aria-labelledby': 'login-heading' },
      t('h2', 'login.heading', 'Sign in', { id: 'login-heading', tabindex: '-1' }),
      t('p', 'login.explain', 'Use the passkey on this device or your security key. You do not need a password.'),
      button,
      error,
      demo,
    );
    void addDemoLogins(demo);
    return screen;
  };

  /** On a demo installation only: sign in as a synthetic staff member, clearly marked as such. */
  const addDemoLogins = async (area: HTMLElement) => {
    const instance = await staffApi.instance().catch(() => ({ demo: false }));
    if (!instance.demo) return;
    const accounts = await staffApi.demoAccounts().catch(() => ({ items: [] }));
    if (accounts.items.length === 0) return;
    const error = h('div', { class: 'error', role: 'alert' });
    const buttons = accounts.items.map((account) => {
      const button = h(
        'button',
        { type: 'button', class: 'demo-button', 'data-testid': `demo-login-${account.role}` },
        t('span', 'demo.signInAs', 'Sign in as'),
        ' ',
        roleLabel(account.role),
        ` (${account.displayName})`,
      );
      button.addEventListener('click', async () => {
        button.disabled = true;
        try {
          await signedIn(await staffApi.demoLogin(account.role));
        } catch (failure) {
          await showError(error, failure);
          button.disabled = false;
        }
      });
      return button;
    });
    const box = h(
      'div',
      { class: 'demo-only' },
      t('h3', 'demo.loginHeading', 'Demo only: sign in without a passkey'),
      t(
        'p',
        'demo.loginExplain',
        'This installation is a demo with synthetic data. These buttons sign you in as a made-up staff member; they do not exist on a real installation.',
      ),
      h('div', { class: 'button-row' }, ...buttons),
      error,
    );
    await options.localise(box);
    area.replaceChildren(box);
  };

  const registrationScreen = async (token: string): Promise<HTMLElement> => {
    const heading = t('h2', 'registration.heading', 'Set up your passkey', { tabindex: '-1' });
    const error = h('div', { class: 'error', role: 'alert', 'data-testid': 'registration-error' });
    const screen = h('section', { class: 'panel' }, heading);
    let state: Awaited<ReturnType<typeof staffApi.inspectLink>>;
    try {
      state = await staffApi.inspectLink(token);
    } catch (failure) {
      await showError(error, failure);
      screen.append(error, backToLogin());
      return screen;
    }
    if (state.state !== 'open') {
      const [key, english] = problemMessages['registration-link-not-usable'] ?? ['error.generic', ''];
      screen.append(t('p', key, english, { class: 'error', 'data-testid': 'registration-closed' }), backToLogin());
      return screen;
    }
    const button = t('button', 'registration.create', 'Create a passkey', {
      type: 'button',
      class: 'primary',
      'data-testid': 'register-passkey',
    });
    button.addEventListener('click', async () => {
      button.disabled = true;
      error.replaceChildren();
      try {
        const { ceremonyId, options: optionsJSON } = await staffApi.registrationOptions(token);
        const response = await startRegistration({ optionsJSON });
        await signedIn(await staffApi.register(token, ceremonyId, response));
      } catch (failure) {
        await showError(error, failure);
        button.disabled = false;
      }
    });
    screen.append(
      t(
        'p',
        state.purpose === 'invitation' ? 'registration.invited' : 'registration.recovery',
        state.purpose === 'invitation'
          ? 'You have been invited to the Homeward console.'
          : 'An administrator has reset your sign-in. Your earlier passkeys no longer work.',
      ),
      h(
        'dl',
        { class: 'facts', 'data-testid': 'registration-account' },
        t('dt', 'account.name', 'Name'),
        h('dd', {}, state.displayName),
        t('dt', 'account.email', 'Email'),
        h('dd', {}, state.email),
        t('dt', 'account.role', 'Role'),
        h('dd', {}, roleLabel(state.role)),
        t('dt', 'account.organisation', 'Organisation'),
        h('dd', {}, state.organisationName),
      ),
      t(
        'p',
        'registration.explain',
        'Your device will ask for your fingerprint, face, screen lock or security key. The passkey stays on the device; this link then stops working.',
      ),
      button,
      error,
    );
    return screen;
  };

  const backToLogin = () => {
    const link = t('a', 'registration.toLogin', 'Go to sign-in', { href: '#/' });
    return h('p', {}, link);
  };

  const homeScreen = (staff: StaffProfile): HTMLElement => {
    const logout = t('button', 'home.logout', 'Sign out', { type: 'button', 'data-testid': 'logout' });
    logout.addEventListener('click', async () => {
      logout.disabled = true;
      await staffApi.logout().catch(() => undefined);
      rememberCsrfToken(undefined);
      await show(loginScreen());
    });
    const screen = h(
      'section',
      { class: 'panel', 'aria-labelledby': 'home-heading' },
      h(
        'div',
        { class: 'signed-in', 'data-testid': 'signed-in' },
        h(
          'h2',
          { id: 'home-heading', tabindex: '-1' },
          t('span', 'home.signedInAs', 'Signed in as'),
          ' ',
          h('span', { 'data-testid': 'signed-in-name' }, staff.displayName),
        ),
        h(
          'p',
          {},
          h('span', { 'data-testid': 'signed-in-role' }, roleLabel(staff.role)),
          ' · ',
          h('span', {}, staff.organisationName),
          ...(staff.isDemo ? [' ', t('strong', 'home.demoAccount', '(demo account)', { class: 'demo-tag' })] : []),
        ),
        logout,
      ),
    );
    const chosen = chooseScreen(staff.role, location.hash);
    if (chosen !== undefined) {
      screen.classList.add('wide');
      screen.append(navigation(screensFor(staff.role), chosen));
      const screens = {
        welfare: () => welfareScreen({ localise: options.localise, ownStaffId: staff.id }),
        deliveries: () => deliveriesScreen({ localise: options.localise }),
        staff: () => staffScreen({ localise: options.localise, ownStaffId: staff.id }),
        registry: () => moderationScreen({ localise: options.localise }),
      } satisfies Record<ConsoleScreen, () => HTMLElement>;
      screen.append(screens[chosen]());
    }
    return screen;
  };

  /** The screens this role has, as links (`#/welfare`, `#/deliveries`, `#/staff`, `#/registry`); the one shown is marked current. */
  const navigation = (screens: readonly ConsoleScreen[], current: ConsoleScreen): HTMLElement => {
    const names = {
      welfare: ['nav.welfare', 'Welfare checks'],
      deliveries: ['nav.deliveries', 'Undelivered messages'],
      staff: ['nav.staff', 'Staff'],
      registry: ['nav.registry', 'Registry moderation'],
    } as const;
    return h(
      'nav',
      { class: 'console-nav', 'data-testid': 'console-nav' },
      ...screens.map((screen) =>
        t('a', names[screen][0], names[screen][1], {
          href: `#/${screen}`,
          'data-testid': `nav-${screen}`,
          ...(screen === current && { 'aria-current': 'page' }),
        }),
      ),
    );
  };

  const route = async () => {
    // A session's CSRF token first: with a session cookie, every POST needs it, even the public ones.
    const session = await staffApi.readSession().catch(() => undefined);
    rememberCsrfToken(session?.csrfToken);
    const invitation = /^#\/invitation\/([A-Za-z0-9_-]+)$/.exec(location.hash);
    if (invitation?.[1]) {
      await show(await registrationScreen(invitation[1]));
      return;
    }
    const staff = session?.kind === 'staff' ? await profileOf(session) : undefined;
    await show(staff ? homeScreen(staff) : loginScreen());
  };

  window.addEventListener('hashchange', () => void route());
  void route();
}

/** The signed-in staff member as the home screen shows them, from the session and the directory. */
async function profileOf(session: SessionInfo): Promise<StaffProfile | undefined> {
  if (session.role === 'citizen' || session.organisationId === null) return undefined;
  const organisation = await staffApi.organisation(session.organisationId).catch(() => undefined);
  return {
    id: session.subjectId,
    displayName: session.displayName,
    role: session.role,
    organisationName: organisation?.name ?? '',
    isDemo: session.isDemoAccount,
  };
}
