// Which answers from /api/v1/instance show the demo banner.
import { describe, expect, test } from 'vitest';
import { isDemoInstance } from './demo-banner';

describe('isDemoInstance', () => {
  test('an instance that says it is a demo shows the banner', () => {
    expect(isDemoInstance({ name: 'Homeward', version: '0.1.0', demo: true })).toBe(true);
  });

  test('a production instance shows no banner', () => {
    expect(isDemoInstance({ name: 'Homeward', version: '0.1.0', demo: false })).toBe(false);
  });

  test('anything but a literal true shows no banner', () => {
    for (const body of [{ demo: 'true' }, { demo: 1 }, {}, null, 'demo', []]) expect(isDemoInstance(body)).toBe(false);
  });
});
