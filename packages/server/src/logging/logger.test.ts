import { expect, test } from 'vitest';
import { captureLogs } from '../test-support/capture-logs.js';
import { startTestApp } from '../test-support/test-app.js';
import { pglite } from '../test-support/test-databases.js';

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
