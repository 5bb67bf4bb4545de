// Prints the plain closing lines a CI log reader understands: how many per-database tests ran on each
// database, then "Tests: N passed, N failed, N skipped".
import type { Reporter, TestModule } from 'vitest/node';

/**
 * A test that runs once per database names it at the end of its own name, e.g. "… (postgresql)", or of its
 * describe block's, e.g. "check-ins (postgresql) > …": the full name is searched.
 */
const databases = ['pglite', 'postgresql'] as const;

export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    const passedOn: Record<(typeof databases)[number], number> = { pglite: 0, postgresql: 0 };
    for (const testModule of testModules) {
      for (const testCase of testModule.children.allTests()) {
        const state = testCase.result().state;
        if (state === 'passed') counts.passed += 1;
        else if (state === 'failed') counts.failed += 1;
        else counts.skipped += 1;
        for (const database of databases) {
          if (state === 'passed' && testCase.fullName.includes(`(${database})`)) passedOn[database] += 1;
        }
      }
    }
    const onDatabases = databases.map((database) => `${passedOn[database]} on ${database}`).join(', ');
    process.stdout.write(`\nDatabase-specific tests passed: ${onDatabases}\n`);
    process.stdout.write(`Tests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`);
  }
}
