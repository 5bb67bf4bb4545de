// Reply shapes for the session routes.
import { staffRoles } from '@homeward/domain';
import { Type } from 'typebox';

export const SessionInfoSchema = Type.Object(
  {
    kind: Type.Enum(['citizen', 'staff'], { description: 'Who is logged in: a citizen or a staff member.' }),
    subjectId: Type.String({ format: 'uuid', description: "The citizen's or staff member's id." }),
    role: Type.Enum(['citizen', ...staffRoles], { description: "The actor's role; 'citizen' for citizens." }),
    assurance: Type.Union([Type.Enum(['high', 'substantial', 'low']), Type.Null()], {
      description: "How this citizen's login proved who they are; null for staff.",
    }),
    assuranceSource: Type.Union([Type.String(), Type.Null()], {
      description:
        "What the citizen account's assurance was derived from: the provider's acr or amr value, or phone_otp; null for staff.",
    }),
    displayName: Type.String(),
    organisationId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()], {
      description: "The staff member's organisation; null for citizens.",
    }),
    jurisdiction: Type.Array(Type.String({ pattern: '^[A-Z]{2}$' }), {
      description: "The countries the staff member's organisation covers; empty for citizens.",
    }),
    isDemoAccount: Type.Boolean({ description: 'A demo staff account (demo installations only).' }),
    csrfToken: Type.String({ description: 'Send it in the x-csrf-token header on every POST, PUT, PATCH or DELETE.' }),
    expiresAt: Type.String({
      format: 'date-time',
      description: 'When the session ends if unused; each request moves it on, up to the absolute limit.',
    }),
  },
  { $id: 'SessionInfo', title: 'SessionInfo' },
);

export const NoContentSchema = Type.Null({ description: 'Done; the session cookie is cleared.' });
