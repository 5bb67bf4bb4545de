// Request and reply shapes of the phone login.
import { oneTimeCodeLength, oneTimeCodeValidityMinutes } from '@homeward/domain';
import { Type } from 'typebox';

export const StartPhoneLoginBodySchema = Type.Object(
  {
    phone: Type.String({
      minLength: 1,
      maxLength: 40,
      description: 'The mobile number in international form, e.g. +66 81 234 5678 (spaces, dashes and 00 allowed).',
      examples: ['+66 81 234 5678'],
    }),
    passportNumber: Type.String({
      minLength: 1,
      maxLength: 40,
      description: 'The passport number; case, spaces and hyphens do not matter.',
      examples: ['E1234567'],
    }),
    language: Type.Optional(
      Type.String({
        pattern: '^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$',
        maxLength: 35,
        description: 'The language for the text message (a BCP 47 tag); English when absent.',
        examples: ['th'],
      }),
    ),
  },
  { additionalProperties: false },
);

export const StartedPhoneLoginSchema = Type.Object(
  {
    challengeId: Type.String({ format: 'uuid', description: 'Send it back with the code.' }),
    expiresAt: Type.String({
      format: 'date-time',
      description: `When the code stops working (${oneTimeCodeValidityMinutes} minutes after it was sent).`,
    }),
    demoCode: Type.Optional(
      Type.String({
        pattern: `^[0-9]{${oneTimeCodeLength}}$`,
        description: 'Demo mode only, where no text message is sent: the code, for the demo screen to show.',
      }),
    ),
  },
  { description: 'A code is on its way. The answer is the same whether or not an account has this number.' },
);

export const VerifyPhoneLoginBodySchema = Type.Object(
  {
    challengeId: Type.String({ format: 'uuid' }),
    code: Type.String({
      pattern: '^\\s*[0-9]{3}[\\s-]?[0-9]{3}\\s*$',
      description: `The ${oneTimeCodeLength}-digit code from the text message; a space or hyphen in the middle is allowed.`,
      examples: ['123456'],
    }),
  },
  { additionalProperties: false },
);

export const PhoneLoginSessionSchema = Type.Object(
  {
    citizenId: Type.String({ format: 'uuid' }),
    assurance: Type.Literal('low', { description: 'How sure we are of who logged in: a phone code is low.' }),
    assuranceSource: Type.Literal('phone_otp'),
    isNewAccount: Type.Boolean({ description: 'True when this login created the account.' }),
    csrfToken: Type.String({ description: 'Send it as the x-csrf-token header on every write in this session.' }),
    expiresAt: Type.String({ format: 'date-time', description: 'The latest the session can last.' }),
  },
  { description: 'Logged in; the session cookie is set.' },
);
