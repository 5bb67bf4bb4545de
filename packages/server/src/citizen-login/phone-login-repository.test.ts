// The challenge queries that stop races, checked step by step where HTTP timing would hide them.
import { expect, test } from 'vitest';
import { testKeyRing } from '../test-support/test-app.js';
import { testDatabases } from '../test-support/test-databases.js';
import { consumeChallenge, insertChallenge, listCodesSentSince, takeGuess } from './phone-login-repository.js';

const issuedAt = new Date('2026-11-23T10:00:00Z');
const minutesLater = (minutes: number) => new Date(issuedAt.getTime() + minutes * 60_000);

for (const database of testDatabases()) {
  const openWithChallenge = async (id: string) => {
    const handle = await database.open();
    const keys = testKeyRing();
    await insertChallenge(handle.db, {
      id,
      phoneHash: keys.keyedHash('phone', '+66812345678'),
      identityCiphertext: keys.encryptField('{}', id),
      codeHash: keys.keyedHash('phone-login-code', `${id}:123456`),
      maxAttempts: 5,
      createdAt: issuedAt,
      expiresAt: minutesLater(10),
    });
    return handle;
  };

  test(`of two right answers guessed before either logs in, only one may consume the code (${database.name})`, async () => {
    const id = '019ab000-0000-7000-8000-0000000000a1';
    const handle = await openWithChallenge(id);
    try {
      expect(await takeGuess(handle.db, id, minutesLater(1))).toBeDefined();
      expect(await takeGuess(handle.db, id, minutesLater(1))).toBeDefined();
      expect(await consumeChallenge(handle.db, id, minutesLater(1))).toBe(true);
      expect(await consumeChallenge(handle.db, id, minutesLater(1))).toBe(false);
      expect(await takeGuess(handle.db, id, minutesLater(2))).toBeUndefined();
    } finally {
      await handle.close();
    }
  });

  test(`a challenge takes five guesses, none after it expires, and cannot be consumed late (${database.name})`, async () => {
    const id = '019ab000-0000-7000-8000-0000000000a2';
    const handle = await openWithChallenge(id);
    try {
      for (let guess = 1; guess <= 5; guess++) {
        expect((await takeGuess(handle.db, id, minutesLater(1)))?.attempts).toBe(guess);
      }
      expect(await takeGuess(handle.db, id, minutesLater(1))).toBeUndefined();
      const other = '019ab000-0000-7000-8000-0000000000a3';
      const fresh = await openWithChallenge(other);
      try {
        expect(await takeGuess(fresh.db, other, minutesLater(10))).toBeUndefined();
        expect(await consumeChallenge(fresh.db, other, minutesLater(10))).toBe(false);
      } finally {
        await fresh.close();
      }
    } finally {
      await handle.close();
    }
  });

  test(`codes are counted by phone over the window asked for (${database.name})`, async () => {
    const id = '019ab000-0000-7000-8000-0000000000a4';
    const handle = await openWithChallenge(id);
    try {
      const digests = testKeyRing()
        .keyedHashes('phone', '+66812345678')
        .map((hash) => hash.digest);
      expect(await listCodesSentSince(handle.db, digests, minutesLater(-1))).toEqual([issuedAt]);
      expect(await listCodesSentSince(handle.db, digests, issuedAt)).toEqual([]);
      const otherPhone = testKeyRing()
        .keyedHashes('phone', '+66812345679')
        .map((hash) => hash.digest);
      expect(await listCodesSentSince(handle.db, otherPhone, minutesLater(-1))).toEqual([]);
    } finally {
      await handle.close();
    }
  });
}
