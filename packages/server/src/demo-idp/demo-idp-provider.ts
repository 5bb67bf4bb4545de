// The demo identity provider itself: an oidc-provider configured like a national digital ID, with
// Homeward registered twice as a client. `homeward-demo` is plain OIDC (code + PKCE + private_key_jwt);
// `homeward-demo-fapi` is FAPI 2.0 like Singpass (PAR required, DPoP-bound tokens, ID token and userinfo
// encrypted with ECDH-ES+A256KW / A256CBC-HS512, an opaque sub with the national id in sub_attributes).
// Everything lives in memory: it is a demo and a test peer. See docs/decisions/0009-citizen-login-oidc.md.
import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import { CompactEncrypt, importJWK, type JWK, SignJWT } from 'jose';
import Provider, {
  type ClientMetadata,
  type Configuration,
  errors,
  interactionPolicy,
  type KoaContextWithOIDC,
} from 'oidc-provider';
import { findDemoCitizen } from './demo-citizens.js';
import {
  type DemoIdentityProviderTestHooks,
  demoFapiClientId,
  demoPlainAcr,
  demoPlainClientId,
  supportedAcrValues,
} from './demo-idp-clients.js';

export interface DemoProviderOptions {
  /** Where the provider is reached, e.g. http://localhost:3000/demo-idp. */
  readonly issuer: string;
  /** The relying party's redirect URI (Homeward's callback). */
  readonly redirectUri: string;
  /** The relying party's public keys: it signs client assertions with them and receives JWEs to them. */
  readonly clientJwks: { keys: JWK[] };
  /** Believe X-Forwarded-Proto/Host, as the rest of the server does. */
  readonly trustProxy: boolean;
  readonly testHooks: DemoIdentityProviderTestHooks;
}

function newSigningKey(kid: string): JWK {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return { ...(privateKey.export({ format: 'jwk' }) as JWK), kid, use: 'sig', alg: 'ES256' };
}

/**
 * Builds the provider. Its keys are made here and die with the instance: a new instance signs under a
 * new kid and no longer publishes the old key (how the test hook `rotateSigningKey` rotates).
 */
export function createDemoProvider(options: DemoProviderOptions): Provider {
  const signingKey = newSigningKey(`demo-idp-${randomBytes(4).toString('hex')}`);
  const strangerKey = newSigningKey(signingKey.kid as string);
  const commonClient: Omit<ClientMetadata, 'client_id'> = {
    redirect_uris: [options.redirectUri],
    response_types: ['code'],
    grant_types: ['authorization_code'],
    token_endpoint_auth_method: 'private_key_jwt',
    token_endpoint_auth_signing_alg: 'ES256',
    id_token_signed_response_alg: 'ES256',
    jwks: options.clientJwks as ClientMetadata['jwks'],
  };

  const policy = interactionPolicy.base();
  // A demo is shared by people trying it one after another: always ask who is logging in, instead of
  // silently reusing the previous person's provider session.
  policy
    .get('login')
    ?.checks.add(
      new interactionPolicy.Check('demo_always_asks', 'the demo asks who logs in every time', (ctx) =>
        ctx.oidc.result?.login ? interactionPolicy.Check.NO_NEED_TO_PROMPT : interactionPolicy.Check.REQUEST_PROMPT,
      ),
    );

  const configuration: Configuration = {
    clients: [
      {
        ...commonClient,
        client_id: demoPlainClientId,
        client_name: 'Homeward (plain OIDC)',
        // Asserted even when the relying party asks for no level, so it can record one.
        default_acr_values: [demoPlainAcr],
      },
      {
        ...commonClient,
        client_id: demoFapiClientId,
        client_name: 'Homeward (FAPI 2.0)',
        require_pushed_authorization_requests: true,
        dpop_bound_access_tokens: true,
        id_token_encrypted_response_alg: 'ECDH-ES+A256KW',
        id_token_encrypted_response_enc: 'A256CBC-HS512',
        userinfo_signed_response_alg: 'ES256',
        userinfo_encrypted_response_alg: 'ECDH-ES+A256KW',
        userinfo_encrypted_response_enc: 'A256CBC-HS512',
      },
    ],
    jwks: { keys: [signingKey] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    clientAuthMethods: ['private_key_jwt'],
    responseTypes: ['code'],
    scopes: ['openid', 'profile', 'name', 'user.identity'],
    claims: {
      acr: null,
      auth_time: null,
      openid: ['sub'],
      profile: ['name'],
      name: ['name'],
      'user.identity': ['sub_attributes', 'sub_type'],
    },
    // Identity claims in the ID token too, as Singpass does; claims() below decides per client.
    conformIdTokenClaims: false,
    acrValues: supportedAcrValues,
    allowOmittingSingleRegisteredRedirectUri: false,
    pkce: { required: () => true },
    features: {
      devInteractions: { enabled: false },
      encryption: { enabled: true },
      jwtUserinfo: { enabled: true },
      userinfo: { enabled: true },
      dPoP: { enabled: true },
      pushedAuthorizationRequests: { enabled: true, requirePushedAuthorizationRequests: false },
      resourceIndicators: { enabled: false },
      rpInitiatedLogout: { enabled: false },
      fapi: {
        enabled: true,
        profile: (_ctx: KoaContextWithOIDC, client: { clientId: string } | undefined) =>
          client?.clientId === demoFapiClientId ? '2.0' : undefined,
      } as NonNullable<Configuration['features']>['fapi'],
    },
    enabledJWA: {
      idTokenEncryptionAlgValues: ['ECDH-ES+A256KW'],
      userinfoEncryptionAlgValues: ['ECDH-ES+A256KW'],
      idTokenEncryptionEncValues: ['A256CBC-HS512', 'A256GCM'],
      userinfoEncryptionEncValues: ['A256CBC-HS512', 'A256GCM'],
      idTokenSigningAlgValues: ['ES256'],
      userinfoSigningAlgValues: ['ES256'],
      clientAuthSigningAlgValues: ['ES256'],
      dPoPSigningAlgValues: ['ES256'],
    },
    ttl: { AuthorizationCode: 60, AccessToken: 300, IdToken: 300, Interaction: 600, Session: 600, Grant: 600 },
    interactions: {
      policy,
      url: (_ctx, interaction) => `${new URL(options.issuer).pathname}/interaction/${interaction.uid}`,
    },
    // Checked like Singpass checks them: typ JWT, audience exactly the issuer, at most two minutes long.
    assertJwtClientAuthClaimsAndHeader: (_ctx, claims, header) => {
      if (header.typ !== 'JWT') throw new errors.InvalidClientAuth('client assertion typ must be JWT');
      if (claims.aud !== options.issuer) {
        throw new errors.InvalidClientAuth('client assertion audience must be the issuer identifier');
      }
      const lifetime = Number(claims.exp) - Number(claims.iat);
      if (!Number.isFinite(lifetime) || lifetime > 120) {
        throw new errors.InvalidClientAuth('client assertion must live at most two minutes');
      }
    },
    loadExistingGrant: async (ctx) => {
      const client = ctx.oidc.client;
      const session = ctx.oidc.session;
      if (client === undefined || session?.accountId === undefined) return undefined;
      const grantId = ctx.oidc.result?.consent?.grantId ?? session.grantIdFor(client.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      // Homeward is the demo's only client: consent is implied, as for a first-party client.
      const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope(String(ctx.oidc.params?.scope ?? 'openid'));
      await grant.save();
      return grant;
    },
    findAccount: (ctx, subject) => {
      const citizen = findDemoCitizen(subject);
      if (citizen === undefined) return undefined;
      const isFapiClient = ctx.oidc.client?.clientId === demoFapiClientId;
      return {
        accountId: citizen.subject,
        claims: (use, scope) => {
          const scopes = new Set(scope.split(' '));
          const claims: Record<string, unknown> = { sub: citizen.subject };
          // The FAPI client gets the name from userinfo only, so its DPoP-bound userinfo call is exercised.
          const mayHaveName = !isFapiClient || use === 'userinfo';
          if (mayHaveName && (scopes.has('profile') || scopes.has('name'))) claims.name = citizen.name;
          if (scopes.has('user.identity')) {
            claims.sub_type = 'user';
            claims.sub_attributes = {
              identity_number: citizen.nationalId,
              identity_coi: citizen.country,
              account_type: 'standard',
            };
          }
          return claims as { sub: string };
        },
      };
    },
  };

  const provider = new Provider(options.issuer, configuration);
  provider.proxy = options.trustProxy;
  rewriteIdTokensWhenTestsAsk(provider, options, signingKey, strangerKey);
  return provider;
}

type IdTokenInstance = {
  client: { clientId: string; idTokenEncryptedResponseAlg?: string; idTokenEncryptedResponseEnc?: string };
  payload(): Promise<Record<string, unknown>>;
};

/**
 * When a test hook is set, ID tokens are built here instead of by oidc-provider: same claims, then
 * rewritten by the hook, signed (by the provider's key or a stranger's) and encrypted as the client asks.
 */
function rewriteIdTokensWhenTestsAsk(
  provider: Provider,
  options: DemoProviderOptions,
  signingKey: JWK,
  strangerKey: JWK,
): void {
  const prototype = (provider as unknown as { IdToken: { prototype: Record<string, unknown> } }).IdToken.prototype;
  const issue = prototype.issue as (this: IdTokenInstance, ...args: unknown[]) => Promise<string>;
  prototype.issue = async function (this: IdTokenInstance, ...args: unknown[]) {
    const hook = options.testHooks.idToken;
    const use = (args[0] as { use?: string } | undefined)?.use;
    if (hook === undefined || use !== 'idtoken') return issue.apply(this, args);
    const now = Math.floor(Date.now() / 1000);
    const payload = await this.payload();
    for (const claim of ['at_hash', 'c_hash', 's_hash']) {
      const value = payload[claim];
      if (typeof value === 'string')
        payload[claim] = createHash('sha256').update(value).digest().subarray(0, 16).toString('base64url');
    }
    const rewritten = hook({ ...payload, iss: options.issuer, aud: this.client.clientId, iat: now, exp: now + 300 });
    const key = rewritten.signWith === 'stranger' ? strangerKey : signingKey;
    const signed = await new SignJWT(rewritten.claims as Record<string, unknown>)
      .setProtectedHeader({ alg: 'ES256', kid: signingKey.kid as string, typ: 'JWT' })
      .sign(await importJWK(key, 'ES256'));
    const alg = this.client.idTokenEncryptedResponseAlg;
    if (alg === undefined) return signed;
    const encryptionKey = options.clientJwks.keys.find((jwk) => jwk.use === 'enc' && jwk.alg === alg);
    if (encryptionKey === undefined) throw new Error('the client has no encryption key');
    return new CompactEncrypt(new TextEncoder().encode(signed))
      .setProtectedHeader({
        alg,
        enc: this.client.idTokenEncryptedResponseEnc ?? 'A256CBC-HS512',
        cty: 'JWT',
        ...(encryptionKey.kid && { kid: encryptionKey.kid }),
      })
      .encrypt(await importJWK(encryptionKey, alg));
  };
}
