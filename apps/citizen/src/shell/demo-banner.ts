// Warns that an instance is a demo, so nobody types real personal data into it.

const instancePath = '/api/v1/instance';
const requestTimeoutMilliseconds = 10_000;

/** True only for an instance that says `"demo": true`; anything else, or nothing, shows no banner. */
export function isDemoInstance(body: unknown): boolean {
  return typeof body === 'object' && body !== null && 'demo' in body && body.demo === true;
}

/** Asks the server whether it is a demo. A failed or slow request counts as "no". */
export async function fetchIsDemo(): Promise<boolean> {
  try {
    const response = await fetch(instancePath, {
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout?.(requestTimeoutMilliseconds),
    });
    return response.ok && isDemoInstance(await response.json());
  } catch {
    return false;
  }
}

/** Puts the banner at the top of the page; its text is filled in, and retranslated, through `data-i18n`. */
export function insertDemoBanner(): HTMLElement {
  const banner = document.createElement('div');
  banner.className = 'demo-banner';
  banner.setAttribute('role', 'status');
  banner.dataset.testid = 'demo-banner';
  banner.dataset.i18n = 'demo.banner';
  document.body.prepend(banner);
  return banner;
}
