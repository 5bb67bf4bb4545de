// The console's screens: sign in with a passkey (and, on a demo, the marked demo sign-in), register a
// passkey from an invitation or recovery link (#/invitation/<token>), and once signed in, who you are,
// sign out and, for admins, inviting staff. The link's token lives in the URL fragment, which the
// browser never sends to a server; it is wiped from the address bar once used.
// Types only: the apps depend on the API at run time, never on the domain package (docs/ARCHITECTURE.md).
import type { StaffRole } from '@homeward/domain';
import { startAuthentication, startRegistration, WebAuthnError } from '@simplewebauthn/browser';
import { h, t } from '../../citizen/src/shell/dom';
import {
  ApiProblem,
  type LinkDelivery,
  type LoginReply,
  rememberCsrfToken,
  type SessionInfo,
  type StaffProfile,
  staffApi,
} from './staff-api';

export interface ConsoleOptions {
  /** Where the screens go (the page's <main>). */
  readonly root: HTMLElement;
  /** Translates an element made after the page started, and its `[data-i18n]` descendants, into the page's language. */
  readonly localise: (root: HTMLElement) => Promise<void>;
}

/** Every staff role the domain knows, by name: a role added there fails the type check here until it has one. */
const roleNames: Readonly<Record<StaffRole, string>> = {
  consular_officer: 'Consular officer',
  consular_supervisor: 'Consular supervisor',
  partner_caseworker: 'Partner caseworker',
  partner_manager: 'Partner manager',
  law_enforcement_liaison: 'Law-enforcement liaison',
  analyst: 'Analyst',
  admin: 'Administrator',
};

/** The roles the invitation form offers, in the order above. */
const staffRoles = Object.keys(roleNames) as StaffRole[];

const roleLabel = (role: StaffRole) => t('span', `role.${role}`, roleNames[role]);

/** Error messages by problem type, with the catalogue key and its English. */
const problemMessages: Readonly<Record<string, readonly [string, string]>> = {
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
  'mail-not-sent': ['error.mailNotSent', 'The invitation email could not be sent. Nothing was saved; try again later.'],
  forbidden: ['error.forbidden', 'Your role may not do this.'],
  'validation-failed': ['error.validation', 'Please check the form.'],
};

export function startConsole(options: ConsoleOptions): void {
  const show = async (screen: HTMLElement) => {
    await options.localise(screen);
    options.root.replaceChildren(screen);
    screen.querySelector<HTMLElement>('h2')?.focus();
  };

  const showError = async (target: HTMLElement, error: unknown) => {
    let message: readonly [string, string] = ['error.generic', 'Something went wrong. Please try again.'];
    if (error instanceof ApiProblem) message = problemMessages[error.slug] ?? message;
    else if (isPasskeyCancelled(error)) message = ['error.passkeyCancelled', 'No passkey was used. Please try again.'];
    const text = t('p', message[0], message[1]);
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
    if (staff.role === 'admin') screen.append(invitationForm());
    return screen;
  };

  const invitationForm = (): HTMLElement => {
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
    void staffApi.organisations().then(
      ({ items }) => organisation.append(...items.map((item) => h('option', { value: item.id }, item.name))),
      () => undefined,
    );
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      submit.disabled = true;
      result.replaceChildren();
      try {
        const delivery = await staffApi.invite({
          email: email.value,
          displayName: name.value,
          role: role.value as StaffRole,
          organisationId: organisation.value,
        });
        const shown = deliveryMessage(delivery);
        await options.localise(shown);
        result.replaceChildren(shown);
        form.reset();
      } catch (failure) {
        await showError(result, failure);
      } finally {
        submit.disabled = false;
      }
    });
    return form;
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
    displayName: session.displayName,
    role: session.role,
    organisationName: organisation?.name ?? '',
    isDemo: session.isDemoAccount,
  };
}

function field(id: string, key: string, english: string, control: HTMLElement): HTMLElement {
  return h('div', { class: 'field' }, t('label', key, english, { for: id }), control);
}

function deliveryMessage(delivery: LinkDelivery): HTMLElement {
  if (delivery.delivery === 'email' || delivery.link === undefined) {
    return t('p', 'invite.emailed', 'Invitation sent. The link works once and expires in 72 hours.', {
      class: 'success',
      'data-testid': 'invitation-emailed',
    });
  }
  const link = h('input', {
    type: 'text',
    readonly: true,
    value: delivery.link,
    'data-testid': 'invitation-link',
    'aria-label': 'Invitation link',
  });
  return h(
    'div',
    { class: 'success' },
    t(
      'p',
      'invite.linkOnly',
      'No mail server is configured, so nothing was emailed. Give this link to the person yourself, over a channel you trust. It works once and expires in 72 hours.',
    ),
    link,
  );
}

function isPasskeyCancelled(error: unknown): boolean {
  if (error instanceof WebAuthnError) return true;
  return error instanceof DOMException && (error.name === 'NotAllowedError' || error.name === 'AbortError');
}
