// The README's walk-through, on the real `homeward serve --demo`: with nobody acting, Aster Demo's two-minute stay
// goes overdue and its alert, with an explained risk, reaches the Bangkok embassy's queue; a check-in from any
// browser with her ID number and PIN puts the stay back on schedule and resolves the alert. It waits for the real
// clock (about four minutes), which is the point: nothing but the sweep moves the stay.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { makeTemporaryFolder, removeFolder, requireBuiltCli, startServer } from './support/server-process.js';

const asterStayId = '019ab000-0000-7000-8000-0000000005a1';
const sleep = (milliseconds: number) => new Promise((resolveSleep) => setTimeout(resolveSleep, milliseconds));

interface AlertSummary {
  readonly id: string;
  readonly source: string;
  readonly status: string;
  readonly riskScore: number;
  readonly riskFactors: readonly { readonly code: string }[];
  readonly stay: { readonly id: string };
}

let dataFolder: string;
beforeAll(() => {
  requireBuiltCli();
  dataFolder = makeTemporaryFolder();
});
afterAll(() => removeFolder(dataFolder));

test(
  'a demo stay nobody checks in for goes overdue by itself, and a check-in from any browser puts it back',
  async () => {
    const server = await startServer(['--demo'], { PORT: '0', HOMEWARD_DATA_DIR: dataFolder });
    const login = await fetch(`${server.url}/api/v1/staff/demo-login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify({ role: 'consular_officer' }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie')?.split(';')[0] ?? '';
    const asterAlerts = async (status: string) => {
      const answer = await fetch(`${server.url}/api/v1/alerts?source=missed_check_in&status=${status}`, {
        headers: { cookie },
      });
      expect(answer.status).toBe(200);
      const { items } = (await answer.json()) as { items: AlertSummary[] };
      return items.filter((alert) => alert.stay.id === asterStayId);
    };

    // Two minutes' interval and two minutes' grace: overdue about four minutes after the start. Nobody acts.
    expect(await asterAlerts('open')).toEqual([]);
    let overdue: AlertSummary | undefined;
    for (let waited = 0; waited < 7 * 60_000 && !overdue; waited += 5_000) {
      await sleep(5_000);
      overdue = (await asterAlerts('open'))[0];
    }
    expect(overdue, 'the demo stay went overdue within seven minutes').toBeDefined();
    expect(overdue?.riskFactors.map((factor) => factor.code)).toEqual(
      expect.arrayContaining(['missed_check_in', 'near_compound_area', 'job_offer_red_flags']),
    );

    const checkIn = await fetch(`${server.url}/api/v1/check-ins`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'demo-walkthrough-0001' },
      body: JSON.stringify({ nationalId: 'S0000001A', pin: '135790', signal: 'ok' }),
    });
    expect(checkIn.status).toBe(201);
    expect(await asterAlerts('open')).toEqual([]);
    expect((await asterAlerts('resolved')).map((alert) => alert.id)).toContain(overdue?.id);
    expect(await server.stop('SIGTERM')).toBe(0);
  },
  9 * 60_000,
);
