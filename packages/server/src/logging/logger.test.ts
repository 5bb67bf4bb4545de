import { expect, test } from 'vitest';
import { captureLogs } from '../test-support/capture-logs.js';
import { startTestApp, startTestAppWithTestRoutes } from '../test-support/test-app.js';
import { pglite } from '../test-support/test-databases.js';
import { redactPersonalData } from './logger.js';

test('request logs carry the route template and status, never the query string, body or credentials', async () => {
  const { lines, logStream } = captureLogs();
  const { app } = await startTestApp(pglite, { logLevel: 'info', logStream });
  await app.inject({
    method: 'GET',
    url: '/api/v1/organisations/019ab000-0000-7000-8000-000000000099?name=Siti%20Rahma&phone=%2B6281234',
    headers: { authorization: 'Bearer secret-token-value', cookie: 'session=secret-cookie-value' },
  });
  const log = lines.join('');
  expect(log).toContain('"route":"/api/v1/organisations/:organisationId"');
  expect(log).toContain('"statusCode":404');
  for (const secret of [
    'Siti',
    '6281234',
    'secret-token-value',
    'secret-cookie-value',
    '019ab000-0000-7000-8000-000000000099',
  ]) {
    expect(log).not.toContain(secret);
  }
});

test('personal fields that reach a log object anyway are redacted', async () => {
  const { lines, logStream } = captureLogs();
  const { app } = await startTestApp(pglite, { logLevel: 'info', logStream });
  app.log.info({ stayId: 'stay-1', citizen: { name: 'Siti Rahma', pin: '482913' }, phone: '+6281234' }, 'test entry');
  const entry = JSON.parse(lines.find((line) => line.includes('test entry')) ?? '{}');
  expect(entry).toMatchObject({
    stayId: 'stay-1',
    citizen: { name: '[redacted]', pin: '[redacted]' },
    phone: '[redacted]',
  });
});

test('personal keys are blanked at any depth and in arrays, other values are kept as they are', () => {
  const when = new Date('2026-11-23T00:00:00Z');
  expect(
    redactPersonalData({
      stayId: 's',
      at: when,
      contacts: [{ phone: '+66', channel: 'sms' }],
      a: { b: { c: { email: 'x' } } },
    }),
  ).toEqual({
    stayId: 's',
    at: when,
    contacts: [{ phone: '[redacted]', channel: 'sms' }],
    a: { b: { c: { email: '[redacted]' } } },
  });
});

test('a database error logged by the error handler keeps its message but not the values PostgreSQL quoted', async () => {
  const { app, lines } = await startTestAppWithTestRoutes(
    pglite,
    Object.assign(new Error('duplicate key value violates unique constraint'), {
      detail: 'Key (phone)=(+66812345678) already exists.',
    }),
  );
  expect((await app.inject({ method: 'GET', url: '/api/v1/test-failure' })).statusCode).toBe(500);
  const log = lines.join('');
  expect(log).toContain('duplicate key value violates unique constraint');
  expect(log).not.toContain('66812345678');
});
