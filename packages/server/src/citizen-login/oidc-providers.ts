// The identity providers a citizen may log in with: the national digital ID named by HOMEWARD_OIDC_*
// and, when enabled, the built-in demo provider in both its profiles. Each provider's discovery
// document is fetched once and kept (openid-client then caches its JWKS and re-fetches it on an unknown
// kid); a failed discovery is retried on the next login.
import { importJWK, type JWK } from 'jose';
import * as client from 'openid-client';
import type { AppConfig } from '../http/app.js';
import type { KeyRing } from '../keys/key-ring.js';
import { type OidcProfile, oidcProfile } from './oidc-profiles.js';

export const providerKeys = ['national', 'demo', 'demo-plain'] as const;
export type ProviderKey = (typeof providerKeys)[number];

export interface OfferedProvider {
  readonly key: ProviderKey;
  readonly profile: OidcProfile;
  /** A function: the demo's issuer is known only once the server listens. */
  readonly issuer: () => string;
  readonly clientId: string;
  readonly scope: string;
  readonly acrValues: string | undefined;
  /** Plain http is allowed only to our own demo provider. */
  readonly isDemo: boolean;
}

export interface DemoProviderFacts {
  readonly issuer: () => string;
  readonly fapiClientId: string;
  readonly plainClientId: string;
}

/** Every provider this server offers, the configured national one first. */
export function offeredProviders(config: AppConfig, demo: DemoProviderFacts | undefined): OfferedProvider[] {
  const providers: OfferedProvider[] = [];
  if (config.oidc !== undefined) {
    const { oidc } = config;
    const profile = oidcProfile(oidc.profile);
    providers.push({
      key: 'national',
      profile,
      issuer: () => oidc.issuer,
      clientId: oidc.clientId,
      scope: oidc.scope ?? profile.scope,
      acrValues: oidc.acrValues ?? profile.acrValues,
      isDemo: false,
    });
  }
  if (demo !== undefined) {
    const singpassLike = oidcProfile('singpass');
    const generic = oidcProfile('generic');
    providers.push(
      {
        key: 'demo',
        profile: singpassLike,
        issuer: demo.issuer,
        clientId: demo.fapiClientId,
        scope: singpassLike.scope,
        acrValues: singpassLike.acrValues,
        isDemo: true,
      },
      {
        key: 'demo-plain',
        profile: generic,
        issuer: demo.issuer,
        clientId: demo.plainClientId,
        scope: generic.scope,
        acrValues: undefined,
        isDemo: true,
      },
    );
  }
  return providers;
}

/** A client assertion as Singpass wants it: typ JWT, aud the issuer (openid-client's default), one minute. */
const assertionOptions: Parameters<typeof client.PrivateKeyJwt>[1] = {
  [client.modifyAssertion]: (header, payload) => {
    header.typ = 'JWT';
    payload.exp = (payload.iat as number) + 60;
  },
};

/** openid-client configurations, one per provider, made on first use and kept. */
export class ProviderConfigurations {
  readonly #cache = new Map<ProviderKey, Promise<client.Configuration>>();

  constructor(private readonly keys: KeyRing) {}

  get(provider: OfferedProvider): Promise<client.Configuration> {
    let pending = this.#cache.get(provider.key);
    if (pending === undefined) {
      pending = this.#discover(provider);
      // A provider that was down must be asked again next time, not remembered as down.
      pending.catch(() => this.#cache.delete(provider.key));
      this.#cache.set(provider.key, pending);
    }
    return pending;
  }

  async #discover(provider: OfferedProvider): Promise<client.Configuration> {
    const signingJwk = first(this.keys.signingKeys, 'signing');
    const signingKey = { key: (await importJWK(signingJwk, 'ES256')) as client.CryptoKey, kid: signingJwk.kid };
    const metadata: Partial<client.ClientMetadata> = {
      token_endpoint_auth_method: 'private_key_jwt',
      token_endpoint_auth_signing_alg: 'ES256',
      ...(provider.profile.expectsEncryptedResponses && { userinfo_signed_response_alg: 'ES256' }),
    };
    const configuration = await client.discovery(
      new URL(provider.issuer()),
      provider.clientId,
      metadata,
      client.PrivateKeyJwt(signingKey, assertionOptions),
      {
        timeout: 10,
        // Our own demo provider runs on plain http in demo mode; a real provider never may.
        ...(provider.isDemo && { execute: [client.allowInsecureRequests] }),
      },
    );
    // ID tokens come straight from the token endpoint over TLS, so openid-client would skip their
    // signature by default (OIDC Core 3.1.3.7); we check it anyway against the provider's JWKS.
    client.enableNonRepudiationChecks(configuration);
    if (provider.profile.expectsEncryptedResponses) {
      const decryptionKeys = await Promise.all(
        this.keys.encryptionKeys.map(async (jwk: JWK) => ({
          key: (await importJWK(jwk, 'ECDH-ES+A256KW')) as client.CryptoKey,
          alg: 'ECDH-ES+A256KW',
          ...(jwk.kid !== undefined && { kid: jwk.kid }),
        })),
      );
      client.enableDecryptingResponses(configuration, ['A256CBC-HS512', 'A256GCM'], ...decryptionKeys);
    }
    return configuration;
  }
}

function first<T>(list: readonly T[], kind: string): T {
  const entry = list[0];
  if (entry === undefined) throw new Error(`the key ring has no ${kind} key`);
  return entry;
}
