// The text of an outbox message, made at delivery in the recipient's language from its template and the ids and
// codes in its payload. Made the same way on every attempt, so a resend is the same message.
import type { KeyRing } from '../keys/key-ring.js';
import type { OutgoingMessage } from './channels/channel.js';
import type { ClaimedMessage } from './delivery-store.js';
import { renderMessage, type TemplateName, templateNames } from './message-templates.js';

export interface ContentContext {
  readonly keys: KeyRing;
  /** Where people reach this server, for links. */
  readonly publicUrl: string;
}

export type MessageContent = Omit<OutgoingMessage, 'to'>;

const isTemplate = (name: string): name is TemplateName => (templateNames as readonly string[]).includes(name);

/** Templates that answer a message the recipient just sent (WhatsApp lets these be free text). */
const replyTemplates = new Set<string>([
  'reply_received',
  'reply_help_received',
  'reply_hint',
  'reply_not_recognised',
  'reply_try_later',
]);

export function contentOf(message: ClaimedMessage, context: ContentContext): MessageContent {
  if (!isTemplate(message.template)) throw new Error(`no message template named ${message.template}`);
  const rendered = renderMessage(message.template, message.language, paramsOf(message, context));
  return {
    id: message.id,
    template: message.template,
    language: rendered.language,
    subject: rendered.subject,
    text: rendered.text,
    purpose: replyTemplates.has(message.template) ? 'reply' : 'notice',
  };
}

function paramsOf(message: ClaimedMessage, context: ContentContext): Record<string, string> {
  const consoleUrl = `${context.publicUrl}/console/`;
  switch (message.template) {
    case 'check_in_reminder':
      return { stage: message.payload.stage === 'grace' ? 'grace' : 'before_due' };
    case 'contact_invitation': {
      const token = context.keys.decryptField(
        String(message.payload.tokenCiphertext),
        `contact_invitation:${message.recipient_id}`,
      );
      return { link: `${context.publicUrl}/contact.html#${token}` };
    }
    case 'supervisor_escalation':
    case 'urgent_alert':
    case 'help_alert':
      return { consoleUrl };
    default:
      return {};
  }
}
