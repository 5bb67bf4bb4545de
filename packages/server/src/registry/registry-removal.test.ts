// The right of reply: someone listed asks for removal; the entry shows as disputed until a moderator
// removes it (hidden from search, kept for the record) or keeps it (still disputed). Both audited.
import { expect, test } from 'vitest';
import type { App } from '../http/app.js';
import {
  approvedReport,
  search,
  solvedChallenge,
  startRegistryApp,
  wrongNonce,
} from '../test-support/registry-client.js';
import { auditRows } from '../test-support/staff-login-setup.js';
import { testDatabases } from '../test-support/test-databases.js';

const listed = { subjects: [{ kind: 'company' as const, value: 'Bright Future Manpower Sdn Bhd' }] };

async function entryIdOf(app: App): Promise<string> {
  const [entry] = (await search(app, 'Bright Future Manpower', { kind: 'company' })).json().entries;
  return entry.id;
}

async function askForRemoval(app: App, entryId: string, proof?: { challenge: string; nonce: string }) {
  return app.inject({
    method: 'POST',
    url: `/api/v1/registry/entries/${entryId}/removal-requests`,
    payload: {
      ...(proof ?? (await solvedChallenge(app))),
      requesterName: 'Aminah Binti Test',
      contactEmail: 'Legal@BrightFuture.example',
      statement: 'We are a licensed agency (synthetic licence JTK-0000). <b>Please</b> review.',
    },
  });
}

for (const database of testDatabases()) {
  test(`a removal request marks the entry disputed; removing it hides it from search (${database.name})`, async () => {
    const { app, moderator, db } = await startRegistryApp(database);
    await approvedReport(app, moderator, listed);
    const entryId = await entryIdOf(app);

    const asked = await askForRemoval(app, entryId);
    expect(asked.statusCode).toBe(202);
    expect(asked.json()).toEqual({ requestId: expect.any(String), status: 'pending' });
    const { requestId } = asked.json();
    const [disputed] = (await search(app, 'Bright Future Manpower', { kind: 'company' })).json().entries;
    expect(disputed.disputed).toBe(true);

    const stored = await db.selectFrom('registry_removal_request').selectAll().executeTakeFirstOrThrow();
    expect(JSON.stringify(stored)).not.toMatch(/Aminah|brightfuture|licensed agency/i);

    const list = await app.inject({
      method: 'GET',
      url: '/api/v1/registry/removal-requests',
      headers: moderator.headers,
    });
    expect(list.json().items).toEqual([
      expect.objectContaining({
        id: requestId,
        status: 'pending',
        entry: { id: entryId, kind: 'company', display: 'Bright Future Manpower Sdn Bhd', removed: false },
        requesterName: 'Aminah Binti Test',
        contactEmail: 'legal@brightfuture.example',
        statement: 'We are a licensed agency (synthetic licence JTK-0000). <b>Please</b> review.',
      }),
    ]);

    const decided = await app.inject({
      method: 'POST',
      url: `/api/v1/registry/removal-requests/${requestId}/decision`,
      headers: moderator.headers,
      payload: { decision: 'remove', reason: 'licence verified with the labour department' },
    });
    expect(decided.json()).toEqual({ id: requestId, status: 'removed' });
    expect((await search(app, 'Bright Future Manpower', { kind: 'company' })).json().entries).toEqual([]);
    const entry = await db
      .selectFrom('registry_entry')
      .select('removed_at')
      .where('id', '=', entryId)
      .executeTakeFirstOrThrow();
    expect(entry.removed_at).not.toBeNull();

    const again = await app.inject({
      method: 'POST',
      url: `/api/v1/registry/removal-requests/${requestId}/decision`,
      headers: moderator.headers,
      payload: { decision: 'keep', reason: 'second thoughts' },
    });
    expect(again.statusCode).toBe(409);
    expect((await askForRemoval(app, entryId)).statusCode).toBe(404);

    const actions = (await auditRows(db)).map((row) => row.action).filter((action) => action.includes('removal'));
    expect(actions).toEqual([
      'registry.removal_request.create',
      'registry.removal_request.list',
      'registry.removal_request.remove',
    ]);
  });

  test(`a kept entry stays listed and disputed (${database.name})`, async () => {
    const { app, moderator } = await startRegistryApp(database);
    await approvedReport(app, moderator, listed);
    const entryId = await entryIdOf(app);
    const { requestId } = (await askForRemoval(app, entryId)).json();
    const decided = await app.inject({
      method: 'POST',
      url: `/api/v1/registry/removal-requests/${requestId}/decision`,
      headers: moderator.headers,
      payload: { decision: 'keep', reason: 'independent reports from several victims' },
    });
    expect(decided.json().status).toBe('kept');
    const [entry] = (await search(app, 'Bright Future Manpower', { kind: 'company' })).json().entries;
    expect(entry).toEqual(expect.objectContaining({ id: entryId, disputed: true }));
    const pending = await app.inject({
      method: 'GET',
      url: '/api/v1/registry/removal-requests',
      headers: moderator.headers,
    });
    expect(pending.json().items).toEqual([]);
    const kept = await app.inject({
      method: 'GET',
      url: '/api/v1/registry/removal-requests?status=kept',
      headers: moderator.headers,
    });
    expect(kept.json().items).toHaveLength(1);
  });

  test(`a removal request needs its own solved challenge and a listed entry (${database.name})`, async () => {
    const { app, moderator } = await startRegistryApp(database);
    await approvedReport(app, moderator, listed);
    const entryId = await entryIdOf(app);
    const { challenge } = await solvedChallenge(app);
    const wrong = await askForRemoval(app, entryId, { challenge, nonce: wrongNonce(challenge) });
    expect(wrong.json().type).toBe('https://homeward.example/problems/proof-of-work-wrong');

    const unknownEntry = await askForRemoval(app, '00000000-0000-4000-8000-000000000000');
    expect(unknownEntry.statusCode).toBe(404);

    // A challenge spent on a report cannot be spent again on a removal request.
    const proof = await solvedChallenge(app);
    await app.inject({ method: 'POST', url: '/api/v1/registry/reports', payload: { ...proof, ...listed } });
    const reused = await askForRemoval(app, entryId, proof);
    expect(reused.json().type).toBe('https://homeward.example/problems/registry-challenge-unusable');

    const retried = await askForRemoval(app, entryId, await solvedChallenge(app));
    const proofOfRetry = await solvedChallenge(app);
    const first = await askForRemoval(app, entryId, proofOfRetry);
    const second = await askForRemoval(app, entryId, proofOfRetry);
    expect(retried.statusCode).toBe(202);
    expect(second.json()).toEqual(first.json());
  });
}
