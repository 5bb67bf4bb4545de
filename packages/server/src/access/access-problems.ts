// The problems the access layer answers with: 401 when a login is needed, 403 when it does not help.
import { Problem } from '../http/problem.js';

export const notAuthenticated = () =>
  new Problem(401, 'not-authenticated', 'Not authenticated', 'Log in first; this operation needs a session.');

export const forbidden = () =>
  new Problem(403, 'forbidden', 'Forbidden', 'Your role or organisation may not perform this operation.');

export const csrfTokenInvalid = () =>
  new Problem(
    403,
    'csrf-token-invalid',
    'CSRF token missing or wrong',
    'Send the csrfToken from GET /api/v1/session in the x-csrf-token header.',
  );

export const crossSiteRequest = () =>
  new Problem(403, 'cross-site-request', 'Cross-site request refused', 'This write must come from the site itself.');
