// Request and reply shapes for staff invitations, passkey ceremonies, recovery and the demo staff login.
import { staffRoles } from '@homeward/domain';
import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { type Static, Type } from 'typebox';
import type { StaffStatus } from '../accounts/account-tables.js';

export const StaffRoleSchema = Type.Enum(staffRoles, { description: 'The staff role.' });

/** The token of a registration link: what follows #/invitation/ in the link. */
const TokenSchema = Type.String({
  pattern: '^[A-Za-z0-9_-]{43}$',
  description: 'The secret token from the registration link.',
});

const CeremonyIdSchema = Type.String({
  format: 'uuid',
  description: 'Names the ceremony the options were made for; send it back with the response.',
});

export const CreateInvitationBodySchema = Type.Object(
  {
    email: Type.String({ format: 'email', maxLength: 254 }),
    displayName: Type.String({ minLength: 1, maxLength: 200 }),
    role: StaffRoleSchema,
    organisationId: Type.String({ format: 'uuid' }),
  },
  { additionalProperties: false },
);

export const LinkDeliverySchema = Type.Object(
  {
    staffId: Type.String({ format: 'uuid' }),
    expiresAt: Type.String({ format: 'date-time' }),
    delivery: Type.Union([Type.Literal('email'), Type.Literal('link')], {
      description:
        '`email`: the link was emailed to the staff member. `link`: no mail server is configured, so the link is in `link` for the admin to pass on.',
    }),
    link: Type.Optional(
      Type.String({ description: 'Only when delivery is `link`: the single-use registration link.' }),
    ),
  },
  { $id: 'RegistrationLinkDelivery', title: 'RegistrationLinkDelivery' },
);
export type LinkDelivery = Static<typeof LinkDeliverySchema>;
export const LinkDeliveryRef = Type.Unsafe<LinkDelivery>({ $ref: 'RegistrationLinkDelivery#' });

export const TokenBodySchema = Type.Object({ token: TokenSchema }, { additionalProperties: false });

export const RegistrationLinkStateSchema = Type.Object({
  state: Type.Union([Type.Literal('open'), Type.Literal('used'), Type.Literal('expired'), Type.Literal('revoked')]),
  purpose: Type.Union([Type.Literal('invitation'), Type.Literal('recovery')]),
  expiresAt: Type.String({ format: 'date-time' }),
  email: Type.String(),
  displayName: Type.String(),
  role: StaffRoleSchema,
  organisationName: Type.String(),
});

const CreationOptionsSchema = Type.Unsafe<PublicKeyCredentialCreationOptionsJSON>(
  Type.Object(
    { challenge: Type.String(), rp: Type.Object({}, { additionalProperties: true }) },
    { additionalProperties: true, description: 'PublicKeyCredentialCreationOptionsJSON, for startRegistration().' },
  ),
);

const RequestOptionsSchema = Type.Unsafe<PublicKeyCredentialRequestOptionsJSON>(
  Type.Object(
    { challenge: Type.String() },
    { additionalProperties: true, description: 'PublicKeyCredentialRequestOptionsJSON, for startAuthentication().' },
  ),
);

export const RegistrationOptionsReplySchema = Type.Object({
  ceremonyId: CeremonyIdSchema,
  options: CreationOptionsSchema,
});
export const AuthenticationOptionsReplySchema = Type.Object({
  ceremonyId: CeremonyIdSchema,
  options: RequestOptionsSchema,
});

const credentialFields = {
  id: Type.String({ minLength: 1, maxLength: 1024 }),
  rawId: Type.String({ minLength: 1, maxLength: 1024 }),
  type: Type.Literal('public-key'),
  clientExtensionResults: Type.Object({}, { additionalProperties: true }),
  authenticatorAttachment: Type.Optional(Type.String()),
};

const RegistrationResponseSchema = Type.Unsafe<RegistrationResponseJSON>(
  Type.Object(
    {
      ...credentialFields,
      response: Type.Object(
        { clientDataJSON: Type.String(), attestationObject: Type.String() },
        { additionalProperties: true },
      ),
    },
    { description: 'What startRegistration() returned.' },
  ),
);

const AuthenticationResponseSchema = Type.Unsafe<AuthenticationResponseJSON>(
  Type.Object(
    {
      ...credentialFields,
      response: Type.Object(
        {
          clientDataJSON: Type.String(),
          authenticatorData: Type.String(),
          signature: Type.String(),
          userHandle: Type.Optional(Type.String()),
        },
        { additionalProperties: true },
      ),
    },
    { description: 'What startAuthentication() returned.' },
  ),
);

export const VerifyRegistrationBodySchema = Type.Object(
  { token: TokenSchema, ceremonyId: CeremonyIdSchema, response: RegistrationResponseSchema },
  { additionalProperties: false },
);

export const VerifyAuthenticationBodySchema = Type.Object(
  { ceremonyId: CeremonyIdSchema, response: AuthenticationResponseSchema },
  { additionalProperties: false },
);

export const StaffProfileSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    email: Type.String(),
    displayName: Type.String(),
    role: StaffRoleSchema,
    organisationId: Type.String({ format: 'uuid' }),
    organisationName: Type.String(),
    isDemo: Type.Boolean({ description: 'A synthetic demo account (demo mode only).' }),
  },
  { $id: 'StaffProfile', title: 'StaffProfile' },
);
export type StaffProfile = Static<typeof StaffProfileSchema>;
export const StaffProfileRef = Type.Unsafe<StaffProfile>({ $ref: 'StaffProfile#' });

/** After a login or a registration: who is logged in, and the CSRF token for their writes. */
export const StaffLoginReplySchema = Type.Object({
  staff: StaffProfileRef,
  csrfToken: Type.String({ description: 'Send it as the x-csrf-token header on every write.' }),
  expiresAt: Type.String({ format: 'date-time' }),
});

export const StaffParamsSchema = Type.Object({ staffId: Type.String({ format: 'uuid' }) });

/** The statuses a staff member passes through, in order; one list for the schemas and the queries. */
export const staffStatuses = ['invited', 'active', 'disabled'] as const satisfies readonly StaffStatus[];

export const StaffStatusSchema = Type.Enum(staffStatuses, {
  description: '`invited`: no passkey registered yet. `active`: may log in. `disabled`: may not, ever again.',
});

export const StaffStatusReplySchema = Type.Object({
  staffId: Type.String({ format: 'uuid' }),
  status: StaffStatusSchema,
});

export const ListStaffQuerySchema = Type.Object(
  {
    organisationId: Type.Optional(Type.String({ format: 'uuid', description: 'Only members of this organisation.' })),
    status: Type.Optional(StaffStatusSchema),
    limit: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 200, default: 50, description: 'At most this many members per page.' }),
    ),
    cursor: Type.Optional(
      Type.String({
        pattern: '^[A-Za-z0-9_-]{1,1000}$',
        description: 'The `nextCursor` of the previous page; leave out for the first page.',
      }),
    ),
  },
  { additionalProperties: false },
);
export type ListStaffQuery = Static<typeof ListStaffQuerySchema>;

export const StaffListItemSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  displayName: Type.String(),
  email: Type.String(),
  role: StaffRoleSchema,
  organisationId: Type.String({ format: 'uuid' }),
  organisationName: Type.String(),
  status: StaffStatusSchema,
  isDemo: Type.Boolean({ description: 'A synthetic demo account (demo mode only).' }),
  activePasskeys: Type.Integer({ minimum: 0, description: 'Passkeys not revoked by a recovery.' }),
  registrationLink: Type.Union(
    [
      Type.Object({
        purpose: Type.Union([Type.Literal('invitation'), Type.Literal('recovery')]),
        expiresAt: Type.String({ format: 'date-time' }),
      }),
      Type.Null(),
    ],
    { description: 'The open (unused, unrevoked, unexpired) invitation or recovery link, if there is one.' },
  ),
  createdAt: Type.String({ format: 'date-time' }),
});
export type StaffListItem = Static<typeof StaffListItemSchema>;

export const StaffListSchema = Type.Object({
  items: Type.Array(StaffListItemSchema, { description: 'Sorted by organisation name, then member name.' }),
  nextCursor: Type.Union([Type.String(), Type.Null()], {
    description: 'Pass as `cursor` for the next page; null on the last page.',
  }),
});
export type StaffList = Static<typeof StaffListSchema>;

export const DemoLoginBodySchema = Type.Object({ role: StaffRoleSchema }, { additionalProperties: false });

export const DemoAccountListSchema = Type.Object({
  items: Type.Array(
    Type.Object({ role: StaffRoleSchema, displayName: Type.String(), organisationName: Type.String() }),
  ),
});
