// Serves the built web apps: the citizen app at / and the staff console at /console/.
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** The monorepo's apps folder, found from this file whether it runs from src/ (tests) or dist/. */
export const defaultAppsDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../apps');

export interface StaticAppsOptions {
  readonly appsDir: string;
}

/** Registers each app whose build exists; returns the ones it could not find so start-up can say so. */
export async function registerStaticApps(app: FastifyInstance, options: StaticAppsOptions): Promise<string[]> {
  const missing: string[] = [];
  const apps = [
    { name: 'citizen', prefix: '/' },
    { name: 'console', prefix: '/console/' },
  ];
  let isFirst = true;
  for (const { name, prefix } of apps) {
    const root = resolve(options.appsDir, name, 'dist');
    if (!existsSync(resolve(root, 'index.html'))) {
      missing.push(name);
      continue;
    }
    await app.register(fastifyStatic, {
      root,
      prefix,
      // Only one registration may add reply.sendFile.
      decorateReply: isFirst,
      // Built assets carry content hashes in their names; index.html must always be fresh.
      setHeaders: (reply, path) => {
        const isHashedAsset = path.includes('/assets/');
        reply.header('cache-control', isHashedAsset ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
    isFirst = false;
  }
  return missing;
}
