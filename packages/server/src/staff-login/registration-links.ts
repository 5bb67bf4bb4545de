// Single-use registration links: an invitation, or a recovery an admin issues. The link's token is
// the secret; only its SHA-256 is stored, so a copy of the database cannot be turned into links.
// The token travels in the URL fragment (#/invitation/<token>), which browsers never send to a server
// or put in a Referer header. See docs/decisions/0010-staff-login.md.
import { createHash, randomBytes } from 'node:crypto';
import type { RegistrationLinkPurpose } from './staff-login-tables.js';

/** How long a link stays usable: long enough for a weekend, short enough that a forgotten email goes stale. */
export const registrationLinkLifetimeHours: Readonly<Record<RegistrationLinkPurpose, number>> = {
  invitation: 72,
  // Someone locked out is usually waiting for it; a shorter window limits a stolen recovery email.
  recovery: 24,
};

/** 32 random bytes, base64url: 256 bits, beyond guessing. */
export function newRegistrationToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Tokens carry 256 bits of entropy, so a plain SHA-256 (no key, no salt) is enough to look them up safely. */
export function hashRegistrationToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

export function registrationLinkExpiry(purpose: RegistrationLinkPurpose, now: Date): Date {
  return new Date(now.getTime() + registrationLinkLifetimeHours[purpose] * 3_600_000);
}

/** The console page that registers a passkey with the token. */
export function registrationLinkUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/$/, '')}/console/#/invitation/${token}`;
}
