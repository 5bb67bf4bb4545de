import { expect, test } from 'vitest';
import { startTestApp } from '../test-support/test-app.js';
import { pglite } from '../test-support/test-databases.js';

test('every response forbids framing, sniffing and referrers, and allows scripts only from this origin', async () => {
  const { app } = await startTestApp(pglite);
  for (const url of ['/healthz', '/api/v1/nothing-here']) {
    const response = await app.inject({ method: 'GET', url });
    expect(response.headers['x-frame-options']).toBe('DENY');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    const policy = String(response.headers['content-security-policy']);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toContain('unsafe-eval');
  }
});
