// One test runner for the whole repository: domain rules, server modules through HTTP,
// the apps' pure logic, and end-to-end tests against the built server and a real browser.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // Tests run the domain package from source, so a change needs no rebuild to be tested.
    alias: { '@homeward/domain': fileURLToPath(new URL('./packages/domain/src/index.ts', import.meta.url)) },
  },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'apps/*/src/**/*.test.ts', 'e2e/**/*.test.ts', 'bench/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // CI logs list every test by name, so they show which ran on PGlite and which on PostgreSQL.
    reporters: [process.env.CI ? 'verbose' : 'default', './vitest-summary-reporter.ts'],
  },
});
