// The "log in with phone and passport" part of the login screen: for citizens who cannot use the
// national digital ID, so it is the second path, folded away under a one-line question. Two steps:
// phone and passport number, then the code from the text message. All text is translated by
// `data-i18n` keys (phoneLogin.*).
import './phone-login.css';
import {
  type Answer,
  type PhoneLoggedIn,
  type PhoneLoginMessage,
  phoneLoginMessages,
  requestPhoneCode,
  verifyPhoneCode,
} from './phone-login-api';
import { createBusyGuard, createMessageArea, h, t } from './shell/dom';

const englishMessages: Readonly<Record<PhoneLoginMessage, string>> = {
  invalidPhone: 'Check the mobile number: start with + and the country code.',
  invalidPassport: 'Check the passport number: letters and digits only.',
  invalidCode: 'The code has 6 digits.',
  wrongCode: 'That is not the code we sent. Check the message and try again.',
  codeUnusable: 'This code no longer works. Ask for a new code.',
  passportMismatch: 'This passport number does not match your account. Ask for a new code and check the number.',
  tooMany: 'Too many tries. Wait a few minutes, then try again.',
  unavailable: 'Login by phone is not available here. Use your national digital ID.',
  notSent: 'We could not send the code. Try again later.',
  alreadyLoggedIn: 'You are already logged in. Log out first to log in with another account.',
  failed: 'Something went wrong. Check your connection and try again.',
};
const tooManyWaitKey = 'phoneLogin.error.tooManyWait';
const tooManyWaitEnglish = 'Too many tries. Try again in {minutes, plural, one {# minute} other {# minutes}}.';

export interface PhoneLoginOptions {
  /** Called once the citizen is logged in (the session cookie is set). */
  readonly onLoggedIn?: (session: PhoneLoggedIn) => void | Promise<void>;
  readonly fetcher?: typeof fetch;
}

export interface PhoneLogin {
  readonly element: HTMLElement;
  /** Back to the first step, empty and folded away (after a logout). */
  reset(): void;
  /** Unfolds the form, for a server that offers no digital ID. */
  unfold(): void;
}

/** Builds the phone login part and wires it up. */
export function createPhoneLogin(options: PhoneLoginOptions = {}): PhoneLogin {
  const phone = h('input', {
    id: 'phone-login-phone',
    name: 'phone',
    type: 'tel',
    inputmode: 'tel',
    autocomplete: 'tel',
    required: true,
    maxlength: '40',
    placeholder: '+66 81 234 5678',
    'aria-describedby': 'phone-login-phone-hint',
  });
  const passport = h('input', {
    id: 'phone-login-passport',
    name: 'passportNumber',
    type: 'text',
    autocomplete: 'off',
    autocapitalize: 'characters',
    spellcheck: 'false',
    required: true,
    maxlength: '40',
  });
  const sendButton = t('button', 'phoneLogin.sendCode', 'Send me a code', {
    type: 'submit',
    class: 'primary',
    'data-testid': 'phone-login-send',
  });
  const startForm = h(
    'form',
    { class: 'phone-login-step', 'data-testid': 'phone-login-start', novalidate: true },
    // Part of the first step: on the code step, "we sent a code" says it.
    t('p', 'phoneLogin.intro', 'We send a code to your phone by text message.', { class: 'phone-login-intro' }),
    t('label', 'phoneLogin.phoneLabel', 'Mobile number, with country code', { for: phone.id }),
    phone,
    t('p', 'phoneLogin.phoneHint', 'For example +66 81 234 5678', { id: 'phone-login-phone-hint', class: 'hint' }),
    t('label', 'phoneLogin.passportLabel', 'Passport number', { for: passport.id }),
    passport,
    sendButton,
  );

  const code = h('input', {
    id: 'phone-login-code',
    name: 'code',
    type: 'text',
    inputmode: 'numeric',
    autocomplete: 'one-time-code',
    pattern: '[0-9 ]*',
    maxlength: '7',
    required: true,
  });
  const demoCode = h('strong', { 'data-testid': 'phone-login-demo-code' });
  const demoNote = h(
    'p',
    { class: 'phone-login-demo', hidden: true },
    t('span', 'phoneLogin.demoCode', 'Demo: your code is'),
    ' ',
    demoCode,
  );
  const logInButton = t('button', 'phoneLogin.logIn', 'Log in', {
    type: 'submit',
    class: 'primary',
    'data-testid': 'phone-login-verify-button',
  });
  const newCodeButton = t('button', 'phoneLogin.newCode', 'Send a new code', { type: 'button' });
  const verifyForm = h(
    'form',
    { class: 'phone-login-step', 'data-testid': 'phone-login-verify', hidden: true, novalidate: true },
    t('p', 'phoneLogin.codeSent', 'We sent a 6-digit code to your phone. It works for 10 minutes.'),
    demoNote,
    t('label', 'phoneLogin.codeLabel', 'Code from the text message', { for: code.id }),
    code,
    h('div', { class: 'phone-login-actions' }, logInButton, newCodeButton),
  );

  const alert = createMessageArea(
    {
      ...Object.fromEntries(
        phoneLoginMessages.map((message) => [`phoneLogin.error.${message}`, englishMessages[message]]),
      ),
      [tooManyWaitKey]: tooManyWaitEnglish,
    },
    { class: 'form-error', 'data-testid': 'phone-login-error' },
  );

  const summary = t('summary', 'phoneLogin.toggle', "Can't use your digital ID? Log in with your phone and passport", {
    'data-testid': 'phone-login-toggle',
  });
  const element = h(
    'details',
    { class: 'phone-login', 'data-testid': 'phone-login' },
    summary,
    h('div', { class: 'phone-login-body' }, startForm, verifyForm, alert.element),
  );

  let challengeId: string | undefined;
  const showProblem = (answer: Extract<Answer<unknown>, { ok: false }>) => {
    if (answer.message === 'tooMany' && answer.retryAfterSeconds !== undefined) {
      alert.show(tooManyWaitKey, { minutes: Math.max(1, Math.ceil(answer.retryAfterSeconds / 60)) });
    } else if (answer.serverText !== undefined) {
      alert.showText(answer.serverText);
    } else {
      alert.show(`phoneLogin.error.${answer.message}`);
    }
  };
  const startAgain = (clearMessage: boolean) => {
    challengeId = undefined;
    if (clearMessage) alert.show(undefined);
    verifyForm.hidden = true;
    startForm.hidden = false;
  };
  // One request at a time: the buttons are disabled while it runs, and a second submit is ignored.
  const whileBusy = createBusyGuard(sendButton, logInButton, newCodeButton);

  startForm.addEventListener('submit', (event) => {
    event.preventDefault();
    void whileBusy(async () => {
      alert.show(undefined);
      const answer = await requestPhoneCode(
        { phone: phone.value, passportNumber: passport.value, language: document.documentElement.lang || 'en' },
        options.fetcher,
      );
      if (!answer.ok) return showProblem(answer);
      challengeId = answer.value.challengeId;
      demoCode.textContent = answer.value.demoCode ?? '';
      demoNote.hidden = answer.value.demoCode === undefined;
      startForm.hidden = true;
      verifyForm.hidden = false;
      code.value = '';
      code.focus();
    });
  });

  verifyForm.addEventListener('submit', (event) => {
    event.preventDefault();
    if (challengeId === undefined) return;
    const id = challengeId;
    void whileBusy(async () => {
      alert.show(undefined);
      const answer = await verifyPhoneCode({ challengeId: id, code: code.value }, options.fetcher);
      if (!answer.ok) {
        showProblem(answer);
        // A spent code cannot be retried: go back to asking for a new one.
        if (answer.message === 'codeUnusable' || answer.message === 'passportMismatch') startAgain(false);
        else code.select();
        return;
      }
      reset();
      await options.onLoggedIn?.(answer.value);
    });
  });

  newCodeButton.addEventListener('click', () => {
    startAgain(true);
    sendButton.focus();
  });

  // Neither number stays on screen once it has served, nor after a logout.
  const reset = () => {
    startAgain(true);
    phone.value = '';
    passport.value = '';
    code.value = '';
    demoCode.textContent = '';
    demoNote.hidden = true;
    element.open = false;
  };

  return {
    element,
    reset,
    unfold() {
      element.open = true;
    },
  };
}
