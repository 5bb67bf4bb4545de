// Small HTTP helpers for end-to-end tests against a running server.
import { expect } from 'vitest';

export async function getJson(url: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(url);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

export async function listOrganisations(baseUrl: string, query = '') {
  const { status, body } = await getJson(`${baseUrl}/api/v1/organisations?${query}`);
  expect(status).toBe(200);
  return body.items as { id: string; kind: string; name: string; countryCode: string }[];
}
