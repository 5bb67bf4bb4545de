// The messages Homeward sends, in every language: they render, fall back to English when they must, and the ones a
// guard may read say nothing that gives the citizen away.
import { classifyReply, helpWords, sosWords } from '@homeward/domain';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, test } from 'vitest';
import {
  type Catalogues,
  catalogues,
  createMessageRenderer,
  renderMessage,
  type TemplateName,
  templateNames,
} from './message-templates.js';

const languages = Object.keys(catalogues);
const english = catalogues.en;

const paramsFor: Readonly<Record<TemplateName, Readonly<Record<string, string>>>> = {
  check_in_reminder: { stage: 'before_due' },
  contact_invitation: { link: 'https://homeward.example/contact.html#tok3n' },
  contact_missed_check_in: {},
  supervisor_escalation: { consoleUrl: 'https://homeward.example/console/' },
  urgent_alert: { consoleUrl: 'https://homeward.example/console/' },
  help_alert: { consoleUrl: 'https://homeward.example/console/' },
  reply_received: {},
  reply_help_received: {},
  reply_hint: {},
  reply_not_recognised: {},
  reply_try_later: {},
  one_time_code: { code: '482913' },
};

// Words that would give away what Homeward is to someone reading a citizen's or a contact's screen.
const revealingWords = /embass|alert|traffick|police|danger|scam|help|rescue|duress|\bpin\b/i;

describe('renderMessage', () => {
  test.each(languages)('every template renders in %s with a subject and a text', (language) => {
    for (const template of templateNames) {
      const rendered = renderMessage(template, language, paramsFor[template]);
      expect(rendered.text.trim(), `${template} in ${language}`).not.toBe('');
      expect(rendered.subject.trim(), `${template} in ${language}`).not.toBe('');
      expect(rendered.language, `${template} in ${language}`).toBe(language);
    }
  });

  test('a Thai citizen gets the Thai reminder, not the English one', () => {
    const thai = renderMessage('check_in_reminder', 'th', { stage: 'before_due' });
    const inEnglish = renderMessage('check_in_reminder', 'en', { stage: 'before_due' });
    expect(thai.language).toBe('th');
    expect(thai.text).not.toBe(inEnglish.text);
    expect(thai.text).toMatch(/\p{Script=Thai}/u);
  });

  test('the reminder says more once the check-in is due', () => {
    const before = renderMessage('check_in_reminder', 'en', { stage: 'before_due' });
    const grace = renderMessage('check_in_reminder', 'en', { stage: 'grace' });
    expect(before.text).toBe('Time for your check-in.');
    expect(grace.text).toBe('Your check-in is due. Reply with your code when you can.');
  });

  test('a language we do not speak gets English, and says so', () => {
    expect(renderMessage('reply_hint', 'xx', {})).toEqual({
      subject: english['reply_hint.subject'],
      text: english['reply_hint.text'],
      language: 'en',
    });
  });

  test('a stored BCP 47 tag or an old code finds its catalogue', () => {
    expect(renderMessage('reply_received', 'th-TH', {}).language).toBe('th');
    expect(renderMessage('reply_received', 'tl-PH', {}).language).toBe('fil');
    expect(renderMessage('reply_received', 'in', {}).language).toBe('id');
    expect(renderMessage('reply_received', 'zh-Hans', {}).language).toBe('zh');
  });

  test('the values are put into the text in every language', () => {
    const link = paramsFor.contact_invitation.link ?? '';
    const consoleUrl = paramsFor.urgent_alert.consoleUrl ?? '';
    for (const language of languages) {
      expect(renderMessage('contact_invitation', language, { link }).text, language).toContain(link);
      for (const template of ['supervisor_escalation', 'urgent_alert', 'help_alert'] as const) {
        expect(renderMessage(template, language, { consoleUrl }).text, `${template} in ${language}`).toContain(
          consoleUrl,
        );
      }
    }
  });

  test('an unknown template or a missing value is a programming error', () => {
    expect(() => renderMessage('no_such_template' as TemplateName, 'en', {})).toThrow(/Unknown message template/);
    expect(() => renderMessage('contact_invitation', 'th', {})).toThrow(/needs "link"/);
    expect(() => renderMessage('check_in_reminder', 'km', {})).toThrow(/needs "stage"/);
  });
});

describe('createMessageRenderer falls back to English key by key', () => {
  const sources: Catalogues = {
    en: { 'reply_hint.subject': 'How to reply', 'reply_hint.text': 'Reply with your code.' },
    th: { 'reply_hint.subject': 'วิธีตอบกลับ' },
    vi: { 'reply_hint.subject': 'Cách trả lời', 'reply_hint.text': 'Trả lời {broken' },
  };
  const render = createMessageRenderer(sources);

  test('a key missing from a catalogue is sent in English, and the language says English', () => {
    expect(render('reply_hint', 'th', {})).toEqual({
      subject: 'วิธีตอบกลับ',
      text: 'Reply with your code.',
      language: 'en',
    });
  });

  test('a translation that does not parse is sent in English rather than not at all', () => {
    expect(render('reply_hint', 'vi', {})).toEqual({
      subject: 'Cách trả lời',
      text: 'Reply with your code.',
      language: 'en',
    });
  });

  test('a translation using a value English does not have is sent in English', () => {
    const renderWithStrayValue = createMessageRenderer({
      en: { 'reply_hint.subject': 'How to reply', 'reply_hint.text': 'Reply with your code.' },
      ms: { 'reply_hint.subject': 'Cara membalas', 'reply_hint.text': 'Balas dengan {code}.' },
    });
    expect(renderWithStrayValue('reply_hint', 'ms', {}).text).toBe('Reply with your code.');
  });

  test('a template English lacks is a programming error, not a silent gap', () => {
    expect(() => render('reply_received', 'th', {})).toThrow(/English catalogue has no message/);
  });
});

describe('what a guard reading the screen could learn', () => {
  test.each(languages)('the check-in reminder in %s names nothing revealing', (language) => {
    for (const stage of ['before_due', 'grace']) {
      const { subject, text } = renderMessage('check_in_reminder', language, { stage });
      expect(`${subject} ${text}`).not.toMatch(revealingWords);
      // Nor the words a citizen replies with to ask for help, in any language.
      for (const word of [...helpWords, ...sosWords]) expect(`${subject} ${text}`.toLowerCase()).not.toContain(word);
    }
  });

  test.each(languages)('the messages to a trusted contact in %s name nothing revealing', (language) => {
    for (const template of ['contact_invitation', 'contact_missed_check_in'] as const) {
      const { subject, text } = renderMessage(template, language, paramsFor[template]);
      expect(`${subject} ${text}`, template).not.toMatch(revealingWords);
    }
  });

  test('the reply to a check-in is one message, whichever PIN was used, and says only that it was received', () => {
    expect(english['reply_received.text']).toBe('Thank you. Your check-in is received.');
    expect(english['reply_received.text']).not.toMatch(revealingWords);
  });

  test('the hint about replying says nothing about PINs or a second code', () => {
    for (const language of languages) {
      expect(renderMessage('reply_hint', language, {}).text, language).not.toMatch(/\bpin\b|duress|second|other code/i);
    }
  });

  test('what a citizen or a contact receives fits one SMS in English, before any link is added', () => {
    const staffTemplates: readonly TemplateName[] = ['supervisor_escalation', 'urgent_alert', 'help_alert'];
    for (const template of templateNames.filter((name) => !staffTemplates.includes(name))) {
      for (const stage of ['before_due', 'grace']) {
        const params: Record<string, string> = { ...paramsFor[template], stage, link: '' };
        expect(renderMessage(template, 'en', params).text.length, template).toBeLessThanOrEqual(160);
      }
    }
  });
});

describe('the reply hint and the reply reader agree', () => {
  test.each(languages)('the word the %s hint tells a citizen to send for help is read as help', (language) => {
    const hint = renderMessage('reply_hint', language, {}).text;
    // Any stretch of the hint that the reply reader takes for help: the quoted word, whatever the script.
    const stretches = [...hint].flatMap((_, start) =>
      Array.from({ length: 16 }, (_, length) => [...hint].slice(start, start + length + 1).join('')),
    );
    expect(stretches.some((stretch) => classifyReply(stretch).kind === 'help')).toBe(true);
  });
});

describe('the catalogues', () => {
  test('English has a subject and a text for every template, and nothing else', () => {
    const expected = templateNames.flatMap((name) => [`${name}.subject`, `${name}.text`]).sort();
    expect(Object.keys(english).sort()).toEqual(expected);
  });

  test.each(languages)('%s has exactly the English keys', (language) => {
    expect(Object.keys(catalogues[language] ?? {}).sort()).toEqual(Object.keys(english).sort());
  });

  test.each(languages)('every %s message parses as ICU and uses the English placeholders', (language) => {
    for (const [key, message] of Object.entries(catalogues[language] ?? {})) {
      expect(message.trim(), `${key} in ${language}`).not.toBe('');
      const parsed = new IntlMessageFormat(message, language);
      expect(placeholdersOf(parsed), `${key} in ${language}`).toEqual(
        placeholdersOf(new IntlMessageFormat(english[key] ?? '', 'en')),
      );
    }
  });
});

function placeholdersOf(format: IntlMessageFormat): string[] {
  const names = new Set<string>();
  const visit = (elements: ReturnType<IntlMessageFormat['getAst']>): void => {
    for (const element of elements) {
      if ('value' in element && element.type !== 0 && typeof element.value === 'string') names.add(element.value);
      if ('options' in element) {
        for (const [choice, option] of Object.entries(element.options)) {
          names.add(`${element.value}=${choice}`);
          visit(option.value);
        }
      }
      if ('children' in element) visit(element.children);
    }
  };
  visit(format.getAst());
  return [...names].sort();
}
