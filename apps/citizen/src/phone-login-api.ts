// The citizen app's calls to the phone login API, and which message each answer shows.
// No phone or passport number is kept beyond the call; the session lives in an HttpOnly cookie.
import { callApi, type ProblemAnswer, problemText, readProblem } from './account/api';

const startPath = '/api/v1/citizen-login/phone/start';
const verifyPath = '/api/v1/citizen-login/phone/verify';

/** The catalogue keys of the messages the phone login can show (phoneLogin.error.*). */
export const phoneLoginMessages = [
  'invalidPhone',
  'invalidPassport',
  'invalidCode',
  'wrongCode',
  'codeUnusable',
  'passportMismatch',
  'tooMany',
  'unavailable',
  'notSent',
  'alreadyLoggedIn',
  'failed',
] as const;
export type PhoneLoginMessage = (typeof phoneLoginMessages)[number];

export interface CodeRequested {
  readonly challengeId: string;
  readonly expiresAt: string;
  /** Demo mode only: the code, shown clearly marked as a demo. */
  readonly demoCode?: string;
}

export interface PhoneLoggedIn {
  readonly citizenId: string;
  readonly assurance: string;
  readonly csrfToken: string;
}

export type Answer<T> =
  | { readonly ok: true; readonly value: T }
  | {
      readonly ok: false;
      readonly message: PhoneLoginMessage;
      /** For `tooMany`: when to try again, from the Retry-After header. */
      readonly retryAfterSeconds?: number;
      /** For `failed` on a problem we have no words for: what the server said, in English. */
      readonly serverText?: string;
    };

const problemMessages: Readonly<Record<string, PhoneLoginMessage>> = {
  'one-time-code-wrong': 'wrongCode',
  'one-time-code-unusable': 'codeUnusable',
  'passport-mismatch': 'passportMismatch',
  'too-many-requests': 'tooMany',
  'phone-login-unavailable': 'unavailable',
  'one-time-code-not-sent': 'notSent',
  // A browser with a live session must send its CSRF token on writes; this form is for logged-out visitors.
  'csrf-token-invalid': 'alreadyLoggedIn',
};

const fieldMessages: Readonly<Record<string, PhoneLoginMessage>> = {
  'body/phone': 'invalidPhone',
  'body/passportNumber': 'invalidPassport',
  'body/code': 'invalidCode',
  'body/challengeId': 'codeUnusable',
};

/** The message for a problem answer: by its type, or for a validation problem by the first field at fault. */
export function messageForProblem(body: unknown): PhoneLoginMessage {
  return messageFor(readProblem(400, body));
}

function messageFor(problem: ProblemAnswer): PhoneLoginMessage {
  if (problem.status === 429) return 'tooMany';
  if (problem.slug === 'validation-failed') {
    for (const error of problem.errors) {
      const message = fieldMessages[error.field];
      if (message) return message;
    }
  }
  return problemMessages[problem.slug] ?? 'failed';
}

/** The answer a screen shows: our own message, with the wait for `tooMany` and the server's words otherwise. */
export function answerForProblem(problem: ProblemAnswer): Answer<never> {
  const message = messageFor(problem);
  const serverText = message === 'failed' && problem.status !== 0 ? problemText(problem) : undefined;
  return {
    ok: false,
    message,
    ...(message === 'tooMany' &&
      problem.retryAfterSeconds !== undefined && {
        retryAfterSeconds: problem.retryAfterSeconds,
      }),
    ...(serverText !== undefined && { serverText }),
  };
}

export function requestPhoneCode(
  input: { readonly phone: string; readonly passportNumber: string; readonly language: string },
  fetcher: typeof fetch = fetch,
): Promise<Answer<CodeRequested>> {
  return post<CodeRequested>(fetcher, startPath, input);
}

export function verifyPhoneCode(
  input: { readonly challengeId: string; readonly code: string },
  fetcher: typeof fetch = fetch,
): Promise<Answer<PhoneLoggedIn>> {
  return post<PhoneLoggedIn>(fetcher, verifyPath, input);
}

async function post<T>(fetcher: typeof fetch, path: string, body: unknown): Promise<Answer<T>> {
  const answer = await callApi<T>(fetcher, path, { method: 'POST', body });
  return answer.ok ? answer : answerForProblem(answer.problem);
}
