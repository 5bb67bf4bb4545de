// The staff list: an admin sees every member with their status, active passkeys and open link, a page at
// a time and filtered; nobody else may read it; each read is audited; bad query values are 400 problems.
import type { StaffRole } from '@homeward/domain';
import { describe, expect, test } from 'vitest';
import { demoOrganisationIds } from '../demo/seed-demo.js';
import type { App } from '../http/app.js';
import { problemTypeBase } from '../http/problem.js';
import {
  auditRows,
  bangkokEmbassyId,
  registerPasskey,
  startStaffLoginApp,
  tokenOf,
} from '../test-support/staff-login-setup.js';
import { testDatabases } from '../test-support/test-databases.js';
import { loginAs, type TestSession } from '../test-support/test-sessions.js';
import { encodePageCursor } from './staff-list.js';

interface ListedMember {
  id: string;
  displayName: string;
  email: string;
  role: StaffRole;
  organisationId: string;
  organisationName: string;
  status: string;
  isDemo: boolean;
  activePasskeys: number;
  registrationLink: { purpose: string; expiresAt: string } | null;
  createdAt: string;
}

async function inviteNamed(
  app: App,
  admin: TestSession,
  displayName: string,
  organisationId: string = bangkokEmbassyId,
) {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/staff/invitations',
    headers: admin.headers,
    payload: {
      email: `${displayName.toLowerCase().replaceAll(' ', '.')}@embassy.test`,
      displayName,
      role: 'consular_officer',
      organisationId,
    },
  });
  expect(response.statusCode).toBe(201);
  return response.json<{ staffId: string; link: string; expiresAt: string }>();
}

function listStaff(app: App, session: TestSession | undefined, query = '') {
  return app.inject({
    method: 'GET',
    url: `/api/v1/staff${query}`,
    ...(session && { headers: { cookie: session.cookie } }),
  });
}

/**
 * Four members in four states: Anna invited (an open invitation), Bora active with a passkey, Chai
 * recovered (passkey revoked, a recovery link open), Dara disabled (her link withdrawn).
 */
async function startWithMembersInEveryState(database: Parameters<typeof startStaffLoginApp>[0]) {
  const setup = await startStaffLoginApp(database);
  const { app, admin, authenticator } = setup;
  const anna = await inviteNamed(app, admin, 'Anna Invited');
  const bora = await inviteNamed(app, admin, 'Bora Active');
  expect((await registerPasskey(app, authenticator, tokenOf(bora.link))).statusCode).toBe(200);
  const chai = await inviteNamed(app, admin, 'Chai Recovered');
  expect((await registerPasskey(app, authenticator, tokenOf(chai.link))).statusCode).toBe(200);
  const recovered = await app.inject({
    method: 'POST',
    url: `/api/v1/staff/${chai.staffId}/recovery`,
    headers: admin.headers,
  });
  expect(recovered.statusCode).toBe(200);
  const dara = await inviteNamed(app, admin, 'Dara Disabled');
  const disabled = await app.inject({
    method: 'POST',
    url: `/api/v1/staff/${dara.staffId}/disable`,
    headers: admin.headers,
  });
  expect(disabled.statusCode).toBe(200);
  const ids = { anna: anna.staffId, bora: bora.staffId, chai: chai.staffId, dara: dara.staffId };
  return { ...setup, ids, annaLinkExpiresAt: anna.expiresAt, chaiLinkExpiresAt: recovered.json().expiresAt };
}

for (const database of testDatabases()) {
  describe(`the staff list (${database.name})`, () => {
    test(`an admin sees members of every status with their active passkeys and open links (${database.name})`, async () => {
      const { app, db, admin, ids, annaLinkExpiresAt, chaiLinkExpiresAt } =
        await startWithMembersInEveryState(database);
      const response = await listStaff(app, admin);
      expect(response.statusCode).toBe(200);
      const { items, nextCursor } = response.json<{ items: ListedMember[]; nextCursor: string | null }>();
      expect(nextCursor).toBeNull();
      const byId = new Map(items.map((item) => [item.id, item]));
      expect(byId.get(ids.anna)).toEqual({
        id: ids.anna,
        displayName: 'Anna Invited',
        email: 'anna.invited@embassy.test',
        role: 'consular_officer',
        organisationId: bangkokEmbassyId,
        organisationName: 'Embassy in Bangkok (demo)',
        status: 'invited',
        isDemo: false,
        activePasskeys: 0,
        registrationLink: { purpose: 'invitation', expiresAt: annaLinkExpiresAt },
        createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      });
      expect(byId.get(ids.bora)).toMatchObject({ status: 'active', activePasskeys: 1, registrationLink: null });
      expect(byId.get(ids.chai)).toMatchObject({
        status: 'active',
        activePasskeys: 0,
        registrationLink: { purpose: 'recovery', expiresAt: chaiLinkExpiresAt },
      });
      expect(byId.get(ids.dara)).toMatchObject({ status: 'disabled', activePasskeys: 0, registrationLink: null });
      // The demo seed's members are there too, marked.
      expect(items.find((item) => item.email === 'demo.officer@homeward.example')).toMatchObject({ isDemo: true });

      // By organisation, then name: the Bangkok embassy before the ministry, and A, B, C, D within it.
      const names = items.map((item) => item.displayName);
      const ours = names.filter((name) => / (Invited|Active|Recovered|Disabled)$/.test(name));
      expect(ours).toEqual(['Anna Invited', 'Bora Active', 'Chai Recovered', 'Dara Disabled']);
      const organisations = items.map((item) => item.organisationName);
      expect(organisations.lastIndexOf('Embassy in Bangkok (demo)')).toBeLessThan(
        organisations.indexOf('Ministry of Foreign Affairs (demo)'),
      );

      const audited = (await auditRows(db)).filter((row) => row.action === 'staff.list');
      expect(audited).toEqual([
        { action: 'staff.list', outcome: 'success', reason: null, actor_kind: 'staff', resource_id: null },
      ]);
    });

    test(`an officer may not read the list, and the refusal is audited (${database.name})`, async () => {
      const { app, db } = await startStaffLoginApp(database);
      const officer = await loginAs(db, 'consular_officer');
      const response = await listStaff(app, officer);
      expect(response.statusCode).toBe(403);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.json()).toMatchObject({ type: `${problemTypeBase}forbidden` });
      expect(response.body).not.toContain('@');
      const audited = (await auditRows(db)).filter((row) => row.action === 'staff.list');
      expect(audited).toEqual([expect.objectContaining({ outcome: 'denied', actor_kind: 'staff' })]);
      expect((await listStaff(app, undefined)).statusCode).toBe(401);
    });

    test(`the list filters by organisation and by status (${database.name})`, async () => {
      const { app, admin, ids } = await startWithMembersInEveryState(database);
      const ministryMember = await inviteNamed(app, admin, 'Eka Ministry', demoOrganisationIds.ministry);

      const idsOf = async (query: string) => {
        const response = await listStaff(app, admin, query);
        expect(response.statusCode).toBe(200);
        return response.json<{ items: ListedMember[] }>().items;
      };
      const bangkok = await idsOf(`?organisationId=${bangkokEmbassyId}`);
      expect(bangkok.every((item) => item.organisationId === bangkokEmbassyId)).toBe(true);
      expect(bangkok.map((item) => item.id)).toEqual(expect.arrayContaining(Object.values(ids)));
      expect(bangkok.map((item) => item.id)).not.toContain(ministryMember.staffId);

      const invited = await idsOf('?status=invited');
      expect(invited.map((item) => item.id).sort()).toEqual([ids.anna, ministryMember.staffId].sort());
      const disabled = await idsOf(`?status=disabled&organisationId=${bangkokEmbassyId}`);
      expect(disabled.map((item) => item.id)).toEqual([ids.dara]);
      const none = await idsOf(`?status=disabled&organisationId=${demoOrganisationIds.ministry}`);
      expect(none).toEqual([]);
    });

    test(`pages follow each other by cursor, each member exactly once (${database.name})`, async () => {
      const { app, admin } = await startWithMembersInEveryState(database);
      const whole = (await listStaff(app, admin)).json<{ items: ListedMember[] }>().items;
      expect(whole.length).toBeGreaterThan(4);
      const paged: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const response = await listStaff(app, admin, `?limit=2${cursor === null ? '' : `&cursor=${cursor}`}`);
        expect(response.statusCode).toBe(200);
        const page = response.json<{ items: ListedMember[]; nextCursor: string | null }>();
        expect(page.items.length).toBeLessThanOrEqual(2);
        paged.push(...page.items.map((item) => item.id));
        cursor = page.nextCursor;
        pages += 1;
      } while (cursor !== null && pages < 20);
      expect(paged).toEqual(whole.map((item) => item.id));
      expect(pages).toBe(Math.ceil(whole.length / 2));
    });

    test(`bad query values are 400 problems naming the field, and nothing is audited (${database.name})`, async () => {
      const { app, db, admin } = await startStaffLoginApp(database);
      for (const [query, field] of [
        ['?status=sleeping', 'querystring/status'],
        ['?organisationId=bangkok', 'querystring/organisationId'],
        ['?limit=0', 'querystring/limit'],
        ['?limit=500', 'querystring/limit'],
        ['?limit=many', 'querystring/limit'],
        ['?cursor=not%20a%20cursor', 'querystring/cursor'],
      ] as const) {
        const response = await listStaff(app, admin, query);
        expect(response.statusCode, query).toBe(400);
        expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(response.json(), query).toMatchObject({
          type: `${problemTypeBase}validation-failed`,
          errors: expect.arrayContaining([expect.objectContaining({ field })]),
        });
      }
      // Well-formed, but not a cursor this list handed out.
      for (const cursor of ['bm90IGpzb24', encodePageCursor(['Embassy', 'Anna', 'not-a-uuid']), 'W10']) {
        const response = await listStaff(app, admin, `?cursor=${cursor}`);
        expect(response.statusCode, cursor).toBe(400);
        expect(response.json()).toMatchObject({ type: `${problemTypeBase}page-cursor-invalid` });
      }
      expect((await auditRows(db)).filter((row) => row.action === 'staff.list')).toEqual([]);
    });
  });
}
