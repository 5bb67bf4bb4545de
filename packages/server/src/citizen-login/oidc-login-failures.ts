// Why an OIDC login was refused: one machine code per cause (kept in the audit log), and the problem
// the browser is answered with. Never the provider's own words, which could carry personal data.
import * as client from 'openid-client';
import { Problem } from '../http/problem.js';

export const loginFailureReasons = {
  state_missing: 'The answer from the identity provider has no state.',
  state_mismatch: 'This login was not started here, or not in this browser. Start again.',
  login_attempt_used: 'This login has already been used. Start again.',
  login_attempt_expired: 'This login took too long. Start again.',
  browser_mismatch: 'This login was started in another browser. Start again here.',
  provider_refused: 'The identity provider did not log you in.',
  provider_not_offered: 'This identity provider is no longer offered. Start again.',
  provider_unreachable: 'The identity provider cannot be reached. Try again later.',
  pushed_authorization_refused: 'The identity provider refused the login request.',
  dpop_key_missing: 'This login lost its proof-of-possession key. Start again.',
  token_request_refused: 'The identity provider refused to complete the login.',
  id_token_missing: 'The identity provider sent no ID token.',
  id_token_not_encrypted: 'The identity provider sent an unencrypted ID token.',
  id_token_expired: 'The identity token has expired or is not yet valid.',
  id_token_claim_mismatch: 'The identity token is not for this login (issuer, audience or nonce differ).',
  id_token_signature_invalid: 'The identity token is not signed by the identity provider.',
  id_token_key_unknown: 'The identity token is signed with a key the identity provider does not publish.',
  response_decryption_failed: 'The identity provider’s answer cannot be decrypted with our keys.',
  response_invalid: 'The identity provider’s answer is not valid.',
  userinfo_refused: 'The identity provider refused to share the profile.',
} as const;

export type LoginFailureReason = keyof typeof loginFailureReasons;

/** A refused login: its reason code, and the attempt it belonged to when one was found. */
export class LoginRefused extends Error {
  constructor(
    readonly reason: LoginFailureReason,
    cause?: unknown,
    readonly attemptId?: string,
  ) {
    super(reason, { cause });
  }

  /** 503 when the provider is down (try later), 400 for every other refusal. */
  toProblem(): Problem {
    const status = this.reason === 'provider_unreachable' ? 503 : 400;
    const slug = status === 503 ? 'identity-provider-unavailable' : 'citizen-login-failed';
    const title = status === 503 ? 'Identity provider unavailable' : 'Login failed';
    return new Problem(status, slug, title, loginFailureReasons[this.reason]);
  }
}

/** The reason code for an error openid-client (oauth4webapi underneath) threw. */
export function reasonForClientError(error: unknown): LoginFailureReason {
  if (error instanceof LoginRefused) return error.reason;
  if (error instanceof client.ResponseBodyError) return 'token_request_refused';
  if (error instanceof client.AuthorizationResponseError) return 'provider_refused';
  if (error instanceof client.WWWAuthenticateChallengeError) return 'token_request_refused';
  const code = (error as { code?: unknown } | undefined)?.code;
  // openid-client wraps oauth4webapi's errors; the specific wording sits in the cause chain.
  const message = messagesOf(error).join(' | ');
  switch (code) {
    case 'OAUTH_JWT_TIMESTAMP_CHECK_FAILED':
      return 'id_token_expired';
    case 'OAUTH_JWT_CLAIM_COMPARISON_FAILED':
    case 'OAUTH_JSON_ATTRIBUTE_COMPARISON_FAILED':
      return 'id_token_claim_mismatch';
    case 'OAUTH_KEY_SELECTION_FAILED':
      return 'id_token_key_unknown';
  }
  if (/signature verification failed/i.test(message)) return 'id_token_signature_invalid';
  if (/decrypt/i.test(message)) return 'response_decryption_failed';
  if (error instanceof TypeError && /fetch failed/i.test(message)) return 'provider_unreachable';
  return 'response_invalid';
}

function messagesOf(error: unknown, depth = 0): string[] {
  if (!(error instanceof Error) || depth > 4) return [];
  return [error.message, ...messagesOf(error.cause, depth + 1)];
}
