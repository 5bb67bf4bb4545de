// The email that carries a registration link. Plain text, English only for now: staff work in the
// console's language, but the link's recipient has not picked one yet. It says who sent it and why,
// and what to do if it was unexpected, since an invitation email is what a phisher would imitate.
import type { MailMessage } from '../mail/mailer.js';
import type { RegistrationLinkPurpose } from './staff-login-tables.js';

export interface RegistrationEmailInput {
  readonly purpose: RegistrationLinkPurpose;
  readonly member: { readonly email: string; readonly displayName: string };
  readonly organisationName: string;
  readonly link: string;
  readonly expiresAt: Date;
}

export function registrationEmail(input: RegistrationEmailInput): MailMessage {
  const expires = `${input.expiresAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  const opening =
    input.purpose === 'invitation'
      ? `You have been invited to the Homeward console of ${input.organisationName}.`
      : `An administrator has reset your sign-in to the Homeward console of ${input.organisationName}. Your earlier passkeys no longer work.`;
  const text = [
    `Hello ${input.member.displayName},`,
    '',
    opening,
    '',
    'Open this link on the device you will sign in with, and create a passkey (your fingerprint, face, screen lock or security key):',
    '',
    input.link,
    '',
    `The link works once and expires at ${expires}. Do not forward it: whoever opens it first can sign in as you.`,
    '',
    'If you did not expect this message, do not open the link; tell your administrator.',
  ].join('\n');
  return {
    to: input.member.email,
    subject:
      input.purpose === 'invitation'
        ? 'Your invitation to the Homeward console'
        : 'Reset your Homeward console sign-in',
    text,
  };
}
