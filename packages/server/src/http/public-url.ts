// The absolute URL this server is reached at, for redirects and the same-origin check. PORT=0
// (tests, e2e) asks the system for a free port, so the configured URL then says port 0 and the real
// port is only known once the server listens.
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';

export function resolvePublicUrl(app: FastifyInstance, configuredUrl: string): string {
  const url = new URL(configuredUrl);
  if (url.port !== '0') return configuredUrl.replace(/\/$/, '');
  const address = app.server.address() as AddressInfo | null;
  if (address === null || typeof address === 'string') {
    throw new Error('the public URL names port 0, but the server is not listening yet');
  }
  url.port = String(address.port);
  return url.toString().replace(/\/$/, '');
}
