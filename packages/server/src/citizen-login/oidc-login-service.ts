// Logging a citizen in through the national digital ID: the redirect to the provider (PKCE, state,
// nonce; PAR and a fresh DPoP key for FAPI 2.0), and the callback (single-use attempt, code exchange
// with private_key_jwt, ID token verified and decrypted, userinfo, keyed hash of the national id,
// account, session, audit). Every refusal is audited with a reason code and creates no session.
// See docs/decisions/0009-citizen-login-oidc.md.
import { randomBytes } from 'node:crypto';
import { exportJWK, importJWK, type JWK } from 'jose';
import type { Kysely } from 'kysely';
import * as client from 'openid-client';
import { findOrCreateCitizenByProvider } from '../accounts/account-repository.js';
import { recordAudit } from '../audit/audit-log.js';
import type { Database } from '../database/database-schema.js';
import type { AppConfig } from '../http/app.js';
import type { KeyRing } from '../keys/key-ring.js';
import { createSession } from '../sessions/session-service.js';
import { type ClaimOutcome, claimLoginAttempt, createLoginAttempt } from './oidc-login-attempts.js';
import { type LoginFailureReason, LoginRefused, reasonForClientError } from './oidc-login-failures.js';
import { findClaim } from './oidc-profiles.js';
import type { OfferedProvider, ProviderConfigurations } from './oidc-providers.js';

export interface OidcLoginDependencies {
  readonly db: Kysely<Database>;
  readonly keys: KeyRing;
  readonly config: AppConfig;
  readonly configurations: ProviderConfigurations;
  readonly now: () => Date;
}

export interface StartedLogin {
  readonly authorizationUrl: string;
  /** Set as an HttpOnly cookie: ties the callback to the browser that started the login. */
  readonly browserToken: string;
}

/** Prepares the redirect to `provider`; `redirectUri` is our callback's absolute URL. */
export async function startOidcLogin(
  deps: OidcLoginDependencies,
  provider: OfferedProvider,
  redirectUri: string,
): Promise<StartedLogin> {
  const configuration = await reachProvider(deps, provider);
  const codeVerifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const browserToken = randomBytes(32).toString('base64url');
  const parameters: Record<string, string> = {
    redirect_uri: redirectUri,
    response_type: 'code',
    scope: provider.scope,
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
    ...(provider.acrValues !== undefined && { acr_values: provider.acrValues }),
  };

  let dpopKey: JWK | undefined;
  let authorizationUrl: URL;
  if (provider.profile.usesPushedAuthorization) {
    // A fresh DPoP key per login: the code and tokens are bound to it, and it dies with the attempt.
    const keyPair = provider.profile.usesDpop
      ? await client.randomDPoPKeyPair('ES256', { extractable: true })
      : undefined;
    if (keyPair !== undefined) dpopKey = await exportJWK(keyPair.privateKey);
    authorizationUrl = await client
      .buildAuthorizationUrlWithPAR(configuration, parameters, {
        ...(keyPair !== undefined && { DPoP: client.getDPoPHandle(configuration, keyPair) }),
      })
      .catch((error: unknown) => {
        throw new LoginRefused('pushed_authorization_refused', error);
      });
  } else {
    authorizationUrl = client.buildAuthorizationUrl(configuration, parameters);
  }

  await createLoginAttempt(deps.db, deps.keys, {
    providerKey: provider.key,
    state,
    browserToken,
    secrets: { codeVerifier, nonce, dpopKey },
    now: deps.now(),
  });
  return { authorizationUrl: authorizationUrl.href, browserToken };
}

export interface CallbackInput {
  /** The absolute URL the provider redirected to, query included. */
  readonly currentUrl: URL;
  readonly browserToken: string | undefined;
  readonly requestId: string;
}

export interface LoggedIn {
  readonly citizenId: string;
  readonly session: { readonly token: string; readonly csrfToken: string; readonly expiresAt: Date };
}

/**
 * Completes the login the provider redirected back about. Throws {@link LoginRefused} (already
 * audited) for anything it will not accept.
 */
export async function completeOidcLogin(
  deps: OidcLoginDependencies,
  providers: readonly OfferedProvider[],
  input: CallbackInput,
): Promise<LoggedIn> {
  try {
    return await completeOrRefuse(deps, providers, input);
  } catch (error) {
    const refusal = error instanceof LoginRefused ? error : refusalFor(error);
    await recordAudit(deps.db, {
      actor: { kind: 'anonymous' },
      action: 'citizen.login',
      resource: { type: 'oidc_login', ...(refusal.attemptId !== undefined && { id: refusal.attemptId }) },
      outcome: 'failure',
      reason: refusal.reason,
      requestId: input.requestId,
    });
    throw refusal;
  }
}

function refusalFor(error: unknown): LoginRefused {
  return new LoginRefused(reasonForClientError(error), error);
}

async function completeOrRefuse(
  deps: OidcLoginDependencies,
  providers: readonly OfferedProvider[],
  input: CallbackInput,
): Promise<LoggedIn> {
  const query = input.currentUrl.searchParams;
  const state = query.get('state');
  if (state === null || state === '') throw new LoginRefused('state_missing');
  const claimed = await claimLoginAttempt(deps.db, deps.keys, {
    state,
    browserToken: input.browserToken,
    now: deps.now(),
  });
  if (claimed.kind !== 'claimed') throw new LoginRefused(reasonForUnclaimed(claimed));
  const { attempt } = claimed;
  const fail = (reason: LoginFailureReason, cause?: unknown) => new LoginRefused(reason, cause, attempt.id);
  if (!attempt.isSameBrowser) throw fail('browser_mismatch');
  if (query.has('error')) throw fail('provider_refused');

  const provider = providers.find((candidate) => candidate.key === attempt.providerKey);
  if (provider === undefined) throw fail('provider_not_offered');
  const configuration = await reachProvider(deps, provider).catch((error: unknown) => {
    throw fail('provider_unreachable', error);
  });
  const dpop = await dpopHandleFor(configuration, attempt.secrets.dpopKey);
  if (provider.profile.usesDpop && dpop === undefined) throw fail('dpop_key_missing');

  const tokens = await client
    .authorizationCodeGrant(
      configuration,
      input.currentUrl,
      {
        pkceCodeVerifier: attempt.secrets.codeVerifier,
        expectedState: state,
        expectedNonce: attempt.secrets.nonce,
        idTokenExpected: true,
      },
      undefined,
      dpop === undefined ? undefined : { DPoP: dpop },
    )
    .catch((error: unknown) => {
      throw fail(reasonForClientError(error), error);
    });
  // A provider that should encrypt but sent a bare JWS is refused, not trusted a little less.
  if (provider.profile.expectsEncryptedResponses && tokens.id_token?.split('.').length !== 5) {
    throw fail('id_token_not_encrypted');
  }
  const idClaims = tokens.claims();
  if (idClaims === undefined) throw fail('id_token_missing');

  let claims: Record<string, unknown> = { ...idClaims };
  const hasName = findClaim(claims, provider.profile.nameClaims) !== undefined;
  const wantsUserinfo =
    provider.profile.userinfo === 'always' || (provider.profile.userinfo === 'if-name-missing' && !hasName);
  if (wantsUserinfo && configuration.serverMetadata().userinfo_endpoint !== undefined) {
    const userinfo = await client
      .fetchUserInfo(configuration, tokens.access_token, idClaims.sub, dpop === undefined ? undefined : { DPoP: dpop })
      .catch((error: unknown) => {
        throw fail('userinfo_refused', error);
      });
    claims = { ...userinfo, ...idClaims };
  }

  const acr = typeof idClaims.acr === 'string' ? idClaims.acr : undefined;
  const amr = Array.isArray(idClaims.amr) ? idClaims.amr.filter((value) => typeof value === 'string') : undefined;
  const assurance = provider.profile.assuranceOf(acr, amr);
  const nationalId = findClaim(claims, provider.profile.nationalIdClaims);
  const displayName = findClaim(claims, provider.profile.nameClaims) ?? 'Citizen';

  return deps.db.transaction().execute(async (trx) => {
    const { citizen } = await findOrCreateCitizenByProvider(trx, deps.keys, {
      issuer: idClaims.iss,
      subject: idClaims.sub,
      nationalId,
      displayName,
      assurance,
      assuranceSource: acr ?? (amr?.join(' ') || 'none'),
      now: deps.now(),
    });
    const session = await createSession(trx, deps.config, { kind: 'citizen', citizenId: citizen.id, assurance });
    await recordAudit(trx, {
      actor: { kind: 'citizen', id: citizen.id },
      action: 'citizen.login',
      resource: { type: 'citizen', id: citizen.id },
      outcome: 'success',
      requestId: input.requestId,
    });
    return { citizenId: citizen.id, session };
  });
}

function reasonForUnclaimed(outcome: Exclude<ClaimOutcome, { kind: 'claimed' }>): LoginFailureReason {
  switch (outcome.kind) {
    case 'used':
      return 'login_attempt_used';
    case 'expired':
      return 'login_attempt_expired';
    default:
      return 'state_mismatch';
  }
}

async function reachProvider(deps: OidcLoginDependencies, provider: OfferedProvider): Promise<client.Configuration> {
  return deps.configurations.get(provider).catch((error: unknown) => {
    throw new LoginRefused('provider_unreachable', error);
  });
}

async function dpopHandleFor(
  configuration: client.Configuration,
  privateJwk: JWK | undefined,
): Promise<client.DPoPHandle | undefined> {
  if (privateJwk === undefined) return undefined;
  const { d: _private, ...publicJwk } = privateJwk;
  const keyPair = {
    privateKey: (await importJWK({ ...privateJwk, alg: 'ES256' }, 'ES256')) as client.CryptoKey,
    publicKey: (await importJWK({ ...publicJwk, alg: 'ES256' }, 'ES256', { extractable: true })) as client.CryptoKey,
  };
  return client.getDPoPHandle(configuration, keyPair);
}
