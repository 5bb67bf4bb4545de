// The words of every message Homeward sends (reminders, invitations, staff alerts, replies to SMS and WhatsApp) in
// the recipient's language. Catalogues are flat ICU MessageFormat files in ./locales, one per language, so the
// translation tooling (scripts/missing-translations.mjs) reads them like the apps' catalogues. A message missing from
// a language, or broken in it, is sent in English rather than not at all: a late reminder is worse than an English one.
//
// What a template may say is part of its contract. A citizen's reminder can show on a lock screen a guard reads, and
// the reply to the duress PIN is the reply to the check-in PIN, word for word, so neither may hint at anything.
import { IntlMessageFormat } from 'intl-messageformat';
import en from './locales/en.json' with { type: 'json' };
import fil from './locales/fil.json' with { type: 'json' };
import id from './locales/id.json' with { type: 'json' };
import km from './locales/km.json' with { type: 'json' };
import lo from './locales/lo.json' with { type: 'json' };
import ms from './locales/ms.json' with { type: 'json' };
import my from './locales/my.json' with { type: 'json' };
import th from './locales/th.json' with { type: 'json' };
import vi from './locales/vi.json' with { type: 'json' };
import zh from './locales/zh.json' with { type: 'json' };

export const templateNames = [
  'check_in_reminder',
  'contact_invitation',
  'contact_missed_check_in',
  'supervisor_escalation',
  'urgent_alert',
  'help_alert',
  'reply_received',
  'reply_help_received',
  'reply_hint',
  'reply_not_recognised',
  'reply_try_later',
  'one_time_code',
] as const;

export type TemplateName = (typeof templateNames)[number];

/** Every key a catalogue holds: a subject (email only) and a text for each template. */
export type TemplateKey = `${TemplateName}.${'subject' | 'text'}`;

/** A message catalogue: flat key → ICU message string. */
export type Catalogue = Readonly<Record<string, string>>;

/** Catalogues by language code; `en` is the one every other falls back to, and must hold every key. */
export type Catalogues = Readonly<Record<string, Catalogue>> & { readonly en: Catalogue };

export interface RenderedMessage {
  /** A short, neutral email subject. */
  readonly subject: string;
  readonly text: string;
  /** The language the text is in: the one asked for, or `en` when the text had to fall back to English. */
  readonly language: string;
}

/**
 * The values a template's messages use, by name; a missing one is a programming error, so rendering throws. They are
 * `stage` (`before_due` | `grace`) for `check_in_reminder`, `link` for `contact_invitation`, `consoleUrl` for the
 * staff templates (`supervisor_escalation`, `urgent_alert`, `help_alert`), `code` for `one_time_code` (a phone login's
 * code, sent at once and never through the outbox), and none for the rest. Extra ones are ignored.
 */
export type TemplateParams = Readonly<Record<string, string | number>>;

export type RenderMessage = (template: TemplateName, language: string, params: TemplateParams) => RenderedMessage;

/** The catalogues shipped with Homeward. `satisfies` makes the build fail if English lacks a template's key. */
export const catalogues: Catalogues = {
  en: en satisfies Record<TemplateKey, string>,
  id,
  ms,
  th,
  vi,
  fil,
  my,
  km,
  lo,
  zh,
};

const fallbackLanguage = 'en';

// Primary subtags that mean one of our catalogues under another code, as stored by older phones and systems.
const languageAliases: Readonly<Record<string, string>> = { tl: 'fil', in: 'id', zsm: 'ms' };

/**
 * A renderer over the given catalogues, compiling each message once and keeping it. Tests pass their own catalogues;
 * everything else uses {@link renderMessage}.
 *
 * ```ts
 * const render = createMessageRenderer({ en: { 'reply_hint.subject': 'Hi', 'reply_hint.text': 'Hello' } });
 * render('reply_hint', 'th', {}); // { subject: 'Hi', text: 'Hello', language: 'en' }
 * ```
 */
export function createMessageRenderer(sources: Catalogues): RenderMessage {
  // Keyed `language key`; `undefined` remembers a message that is absent or does not compile in that language.
  const compiled = new Map<string, IntlMessageFormat | undefined>();
  const requiredParams = new Map<TemplateName, readonly string[]>();

  const compile = (language: string, key: TemplateKey): IntlMessageFormat | undefined => {
    const cacheKey = `${language} ${key}`;
    if (compiled.has(cacheKey)) return compiled.get(cacheKey);
    const catalogue = Object.hasOwn(sources, language) ? sources[language] : undefined;
    const message = catalogue && Object.hasOwn(catalogue, key) ? catalogue[key] : undefined;
    let format: IntlMessageFormat | undefined;
    if (message) {
      try {
        format = new IntlMessageFormat(message, language);
      } catch (error) {
        // English is the last resort: a broken English message is a bug to fix now, not to send around.
        if (language === fallbackLanguage) throw error;
        // A broken translation: the English message goes instead, and the catalogue tests catch it before release.
        format = undefined;
      }
    }
    compiled.set(cacheKey, format);
    return format;
  };

  const englishFormat = (key: TemplateKey): IntlMessageFormat => {
    const format = compile(fallbackLanguage, key);
    if (!format) throw new Error(`The English catalogue has no message "${key}"`);
    return format;
  };

  // The params a template needs, read from its English messages, so a call missing one fails in every language
  // alike, even one whose translation happens not to use it.
  const paramsOf = (template: TemplateName): readonly string[] => {
    let names = requiredParams.get(template);
    if (!names) {
      const found = new Set<string>();
      for (const part of ['subject', 'text'] as const) {
        collectArgumentNames(englishFormat(`${template}.${part}`).getAst(), found);
      }
      names = [...found];
      requiredParams.set(template, names);
    }
    return names;
  };

  const format = (language: string, key: TemplateKey, params: TemplateParams): { text: string; language: string } => {
    const translated = language === fallbackLanguage ? undefined : compile(language, key);
    if (translated) {
      try {
        return { text: asText(translated.format(params)), language };
      } catch {
        // A translation that cannot be formatted (say, an argument English does not have): send English.
      }
    }
    return { text: asText(englishFormat(key).format(params)), language: fallbackLanguage };
  };

  return (template, language, params) => {
    if (!(templateNames as readonly string[]).includes(template)) {
      throw new Error(`Unknown message template "${template}"`);
    }
    const missing = paramsOf(template).filter((name) => params[name] === undefined);
    if (missing.length > 0) {
      throw new Error(`Message template "${template}" needs ${missing.map((name) => `"${name}"`).join(', ')}`);
    }
    const chosen = resolveLanguage(sources, language);
    const subject = format(chosen, `${template}.subject`, params);
    const text = format(chosen, `${template}.text`, params);
    return { subject: subject.text, text: text.text, language: text.language };
  };
}

/**
 * A template's subject and text in the recipient's language, falling back to English key by key.
 *
 * ```ts
 * renderMessage('contact_invitation', 'th', { link: 'https://homeward.example/c/abc' });
 * // { subject: 'ข้อความถึงคุณ', text: '… https://homeward.example/c/abc', language: 'th' }
 * ```
 */
export const renderMessage: RenderMessage = createMessageRenderer(catalogues);

/** The catalogue to use for a stored language code or BCP 47 tag (`th`, `th-TH`, `tl-PH`); English if we have none. */
function resolveLanguage(sources: Catalogues, language: string): string {
  const primary = language.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  const code = languageAliases[primary] ?? primary;
  return Object.hasOwn(sources, code) ? code : fallbackLanguage;
}

type MessageElements = ReturnType<IntlMessageFormat['getAst']>;

// Argument names in a parsed message, inside select and plural branches and tags too.
function collectArgumentNames(elements: MessageElements, names: Set<string>): void {
  for (const element of elements) {
    // Literal text and `#` carry no argument; a tag's value is its tag name, not an argument.
    const isArgument =
      'value' in element && typeof element.value === 'string' && element.type !== 0 && !('children' in element);
    if (isArgument) names.add(element.value);
    if ('options' in element) {
      for (const option of Object.values(element.options)) collectArgumentNames(option.value, names);
    }
    if ('children' in element) collectArgumentNames(element.children, names);
  }
}

function asText(formatted: unknown): string {
  return Array.isArray(formatted) ? formatted.join('') : String(formatted);
}
