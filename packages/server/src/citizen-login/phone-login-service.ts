// The phone login: a one-time code sent to a phone, plus the passport number, gives a low-assurance
// session to a citizen who cannot use the national digital ID abroad. Rate-limited per phone in the
// database, so the limit holds across server processes. See docs/decisions/0011-phone-one-time-code-login.md.
import { randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import {
  type Clock,
  challengeStanding,
  decidePhoneCodeRequest,
  formatOneTimeCode,
  normalisePassportNumber,
  oneTimeCodeExpiresAt,
  oneTimeCodeMaxAttempts,
  oneTimeCodeUpperBound,
  phoneCodeRateHorizonMinutes,
} from '@homeward/domain';
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/audit-log.js';
import type { Database } from '../database/database-schema.js';
import type { AppConfig } from '../http/app.js';
import type { KeyedHash, KeyRing } from '../keys/key-ring.js';
import { createSession } from '../sessions/session-service.js';
import {
  codeNotSent,
  invalidField,
  oneTimeCodeUnusable,
  oneTimeCodeWrong,
  passportMismatch,
  phoneLoginUnavailable,
  tooManyCodes,
} from './phone-login-problems.js';
import {
  consumeChallenge,
  createPhoneCitizen,
  deleteChallengesMadeBefore,
  findChallenge,
  findCitizenByPhone,
  insertChallenge,
  listCodesSentSince,
  lockPhone,
  recordPhoneLogin,
  takeGuess,
} from './phone-login-repository.js';
import type { OneTimeCodeSender } from './phone-login-sender.js';
import { normalisePhoneNumber } from './phone-number.js';

/** The purposes under which phone numbers, passport numbers and codes are hashed (KeyRing.keyedHash). */
export const phoneHashPurpose = 'phone';
export const passportHashPurpose = 'passport';
const codeHashPurpose = 'phone-login-code';

export interface PhoneLoginDependencies {
  readonly db: Kysely<Database>;
  readonly keys: KeyRing;
  readonly config: AppConfig;
  readonly clock: Clock;
  /** Undefined: no way to send a code here, so the phone login is unavailable. */
  readonly sender: OneTimeCodeSender | undefined;
}

export interface StartPhoneLoginInput {
  readonly phone: string;
  readonly passportNumber: string;
  readonly language?: string | undefined;
  readonly requestId: string;
}

export interface StartedPhoneLogin {
  readonly challengeId: string;
  readonly expiresAt: Date;
  readonly demoCode?: string;
}

interface SealedIdentity {
  readonly phone: string;
  readonly passportNumber: string;
}

const identityAssociatedData = (challengeId: string) => `phone_login_challenge:${challengeId}:identity`;
const codeHashInput = (challengeId: string, code: string) => `${challengeId}:${code}`;

/**
 * Sends a code to the phone. Answers the same whether or not a citizen has this phone: no account is
 * looked up here, so the reply cannot tell anyone whether one exists.
 */
export async function startPhoneLogin(
  deps: PhoneLoginDependencies,
  input: StartPhoneLoginInput,
): Promise<StartedPhoneLogin> {
  const { sender } = deps;
  if (sender === undefined) throw phoneLoginUnavailable();
  const phone = normalisePhoneNumber(input.phone);
  const passportNumber = normalisePassportNumber(input.passportNumber);
  const invalid = [
    ...(phone === undefined ? [invalidField.phone] : []),
    ...(passportNumber === undefined ? [invalidField.passportNumber] : []),
  ];
  if (phone === undefined || passportNumber === undefined) throw invalidField.problem(invalid);

  const phoneHash = deps.keys.keyedHash(phoneHashPurpose, phone);
  const phoneDigests = deps.keys.keyedHashes(phoneHashPurpose, phone).map((hash) => hash.digest);
  const challengeId = randomUUID();
  const code = formatOneTimeCode(randomInt(0, oneTimeCodeUpperBound));
  const horizonOf = (now: Date) => new Date(now.getTime() - phoneCodeRateHorizonMinutes * 60_000);

  const outcome = await deps.db.transaction().execute(async (trx) => {
    await lockPhone(trx, phoneHash);
    // Read after the lock: a request that waited for it must stamp its code after the one it waited for.
    const now = deps.clock.now();
    const decision = decidePhoneCodeRequest(await listCodesSentSince(trx, phoneDigests, horizonOf(now)), now);
    if (!decision.isAllowed) {
      await recordAudit(trx, {
        actor: { kind: 'anonymous' },
        action: 'citizen.phone_login.send_code',
        resource: { type: 'phone_login_challenge' },
        outcome: 'denied',
        reason: 'phone_rate_limited',
        requestId: input.requestId,
      });
      return { isAllowed: false, retryAfterSeconds: decision.retryAfterSeconds } as const;
    }
    const sealed: SealedIdentity = { phone, passportNumber };
    const expiresAt = oneTimeCodeExpiresAt(now);
    await insertChallenge(trx, {
      id: challengeId,
      phoneHash,
      identityCiphertext: deps.keys.encryptField(JSON.stringify(sealed), identityAssociatedData(challengeId)),
      codeHash: deps.keys.keyedHash(codeHashPurpose, codeHashInput(challengeId, code)),
      maxAttempts: oneTimeCodeMaxAttempts,
      createdAt: now,
      expiresAt,
    });
    await recordAudit(trx, {
      actor: { kind: 'anonymous' },
      action: 'citizen.phone_login.send_code',
      resource: { type: 'phone_login_challenge', id: challengeId },
      outcome: 'success',
      requestId: input.requestId,
    });
    return { isAllowed: true, now, expiresAt } as const;
  });
  if (!outcome.isAllowed) throw tooManyCodes(outcome.retryAfterSeconds);
  const { expiresAt } = outcome;

  // Rows older than the longest window count for nothing; forgetting them keeps the table small.
  await deleteChallengesMadeBefore(deps.db, horizonOf(outcome.now));

  let delivery: Awaited<ReturnType<OneTimeCodeSender['send']>>;
  try {
    delivery = await sender.send({ challengeId, phoneNumber: phone, code, language: input.language, expiresAt });
  } catch {
    throw codeNotSent();
  }
  return { challengeId, expiresAt, ...(delivery.demoCode !== undefined && { demoCode: delivery.demoCode }) };
}

export interface VerifyPhoneLoginInput {
  readonly challengeId: string;
  /** Six digits, already normalised. */
  readonly code: string;
  readonly requestId: string;
}

export interface VerifiedPhoneLogin {
  readonly citizenId: string;
  readonly isNewCitizen: boolean;
  readonly session: { readonly token: string; readonly csrfToken: string; readonly expiresAt: Date };
}

/**
 * Checks a code. Every guess is counted before it is compared; the right code logs in exactly once.
 * The citizen is found by phone (and must give the passport on the account, if it has one) or, on a
 * first login, created with assurance `low` from `phone_otp`.
 */
export async function verifyPhoneLogin(
  deps: PhoneLoginDependencies,
  input: VerifyPhoneLoginInput,
): Promise<VerifiedPhoneLogin> {
  const now = deps.clock.now();
  const failed = async (reason: string, resourceId: string | undefined) =>
    recordAudit(deps.db, {
      actor: { kind: 'anonymous' },
      action: 'citizen.login',
      resource: { type: 'phone_login_challenge', ...(resourceId !== undefined && { id: resourceId }) },
      outcome: 'failure',
      reason,
      requestId: input.requestId,
    });

  const challenge = await takeGuess(deps.db, input.challengeId, now);
  if (challenge === undefined) {
    const known = await findChallenge(deps.db, input.challengeId);
    const standing = known
      ? challengeStanding(
          {
            expiresAt: known.expires_at,
            attempts: known.attempts,
            maxAttempts: known.max_attempts,
            consumedAt: known.consumed_at,
          },
          now,
        )
      : 'unknown';
    await failed(`challenge_${standing}`, known?.id);
    throw oneTimeCodeUnusable();
  }
  if (!isRightCode(deps.keys, challenge.code_key_id, challenge.code_hash, codeHashInput(challenge.id, input.code))) {
    await failed('wrong_code', challenge.id);
    throw oneTimeCodeWrong(challenge.max_attempts - challenge.attempts);
  }
  if (challenge.identity_ciphertext === null) {
    await failed('challenge_used', challenge.id);
    throw oneTimeCodeUnusable();
  }
  const identity = JSON.parse(
    deps.keys.decryptField(challenge.identity_ciphertext, identityAssociatedData(challenge.id)),
  ) as SealedIdentity;

  const outcome = await deps.db.transaction().execute(async (trx) => {
    if (!(await consumeChallenge(trx, challenge.id, now))) return { kind: 'unusable' } as const;
    const phoneHash = deps.keys.keyedHash(phoneHashPurpose, identity.phone);
    const passportHash = deps.keys.keyedHash(passportHashPurpose, identity.passportNumber);
    // Two first logins of one phone at once must not make two citizens.
    await lockPhone(trx, phoneHash);
    const phoneDigests = deps.keys.keyedHashes(phoneHashPurpose, identity.phone).map((hash) => hash.digest);
    const known = await findCitizenByPhone(trx, phoneDigests);
    let citizenId: string;
    if (known === undefined) {
      citizenId = await createPhoneCitizen(trx, { phoneHash, passportHash, now });
    } else {
      const onAccount = known.passportHash;
      const passportDigests = deps.keys.keyedHashes(passportHashPurpose, identity.passportNumber);
      if (onAccount !== null && !passportDigests.some((hash) => sameBytes(hash.digest, onAccount))) {
        return { kind: 'passport_mismatch', citizenId: known.id } as const;
      }
      citizenId = known.id;
      await recordPhoneLogin(trx, citizenId, {
        phoneHash,
        passportHash: known.passportHash === null ? passportHash : undefined,
        now,
      });
    }
    const session = await createSession(
      trx,
      deps.config,
      { kind: 'citizen', citizenId, assurance: 'low' },
      { now, requestId: input.requestId },
    );
    await recordAudit(trx, {
      actor: { kind: 'citizen', id: citizenId },
      action: 'citizen.login',
      resource: { type: 'citizen', id: citizenId },
      outcome: 'success',
      reason: known === undefined ? 'phone_otp_first_login' : 'phone_otp',
      requestId: input.requestId,
    });
    return { kind: 'logged_in', citizenId, isNewCitizen: known === undefined, session } as const;
  });

  switch (outcome.kind) {
    case 'unusable':
      await failed('challenge_used', challenge.id);
      throw oneTimeCodeUnusable();
    case 'passport_mismatch':
      // The challenge stays used: a wrong passport costs a fresh code, which the per-phone limit counts.
      await recordAudit(deps.db, {
        actor: { kind: 'anonymous' },
        action: 'citizen.login',
        resource: { type: 'citizen', id: outcome.citizenId },
        outcome: 'failure',
        reason: 'passport_mismatch',
        requestId: input.requestId,
      });
      throw passportMismatch();
    case 'logged_in':
      return { citizenId: outcome.citizenId, isNewCitizen: outcome.isNewCitizen, session: outcome.session };
  }
}

/** Compares under the key the code was hashed with; constant time, so timing reveals nothing. */
function isRightCode(keys: KeyRing, keyId: string, stored: Uint8Array, input: string): boolean {
  const hash: KeyedHash | undefined = keys.keyedHashes(codeHashPurpose, input).find((each) => each.keyId === keyId);
  return hash !== undefined && sameBytes(hash.digest, stored);
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}
