// "Check a job offer": paste the advertisement, answer some questions if you like, and read an explained
// result. Nothing is kept in the browser: the text lives in the text box until the page is closed.
// The result's explanations come translated from the server; when the reader switches language, the
// same offer is checked again in the new language.
import { createBusyGuard, createMessageArea, h, t } from '../shell/dom';
import { createPreventionApi, type JobOfferCheckBody, jobOfferCheckBody, type PreventionApi } from './prevention-api';
import { countrySelect, messageElement, requestMessages, showProblem, whenLanguageChanges } from './prevention-ui';
import {
  buildAnswers,
  choiceQuestions,
  currencies,
  destinationCountries,
  noAnswer,
  payPeriods,
  textQuestions,
} from './questionnaire';
import { describeResult, type ResultView } from './result-view';

/** Longest advertisement the server reads. */
const maxTextLength = 20_000;

const levelSymbols = { high: '!', elevated: '?', low: '✓' } as const;

export interface OfferCheckOptions {
  readonly api?: PreventionApi;
}

export function createOfferCheck(options: OfferCheckOptions = {}): HTMLElement {
  const api = options.api ?? createPreventionApi((input, init) => fetch(input, init));
  const text = h('textarea', {
    id: 'offer-text',
    name: 'text',
    rows: '10',
    maxlength: String(maxTextLength),
    autocomplete: 'off',
    spellcheck: 'false',
    'data-testid': 'offer-text',
  });
  const questions = questionnaire();
  const checkButton = t('button', 'check.submit', 'Check this offer', {
    type: 'submit',
    class: 'primary',
    'data-testid': 'check-submit',
  });
  const alert = createMessageArea(
    { ...requestMessages, 'check.error.empty': 'Paste the advertisement or answer at least one question.' },
    { class: 'form-error', 'data-testid': 'check-error' },
  );
  const result = h('div', { class: 'check-result', 'data-testid': 'check-result', 'aria-live': 'polite' });
  const form = h(
    'form',
    { class: 'check-form', novalidate: true },
    t('label', 'check.textLabel', 'The advertisement or message, as you received it', { for: text.id }),
    t(
      'p',
      'check.textHint',
      'Copy it from Facebook, Telegram, WhatsApp, TikTok or wherever it reached you, in any language. Nothing you paste is stored.',
      { class: 'hint', id: 'offer-text-hint' },
    ),
    text,
    questions.element,
    checkButton,
    alert.element,
  );
  text.setAttribute('aria-describedby', 'offer-text-hint');

  let lastBody: JobOfferCheckBody | undefined;
  const whileBusy = createBusyGuard(checkButton);
  const check = (body: JobOfferCheckBody) =>
    whileBusy(async () => {
      alert.show(undefined);
      const answer = await api.checkJobOffer(body);
      if (!answer.ok) {
        result.replaceChildren();
        lastBody = undefined;
        return showProblem(alert, answer.problem, { 'empty-job-offer': 'check.error.empty' });
      }
      lastBody = body;
      result.replaceChildren(renderResult(describeResult(answer.value)));
      result.querySelector<HTMLElement>('h3')?.focus();
    });

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const body = jobOfferCheckBody(text.value, questions.answers(), pageLanguage());
    if (body.text === undefined && body.answers === undefined) {
      result.replaceChildren();
      alert.show('check.error.empty');
      return;
    }
    void check(body);
  });
  // The explanations are the server's: ask again in the new language rather than show a mix.
  whenLanguageChanges(() => {
    if (lastBody !== undefined) void check({ ...lastBody, language: pageLanguage() });
  });

  return h(
    'section',
    { class: 'prevention-part', id: 'check', 'aria-labelledby': 'check-heading', 'data-testid': 'offer-check' },
    t('h2', 'check.heading', 'Check a job offer', { id: 'check-heading' }),
    t(
      'p',
      'check.intro',
      'Most people trapped in scam compounds accepted a job offer with the same warning signs. Check an offer before you accept it or travel.',
    ),
    form,
    result,
  );
}

function pageLanguage(): string {
  return document.documentElement.lang || 'en';
}

/** The optional questions, folded away: most people only paste the advertisement. */
function questionnaire() {
  const fields = new Map<string, HTMLInputElement | HTMLSelectElement>();
  const field = (id: string, key: string, english: string, control: HTMLInputElement | HTMLSelectElement) => {
    control.id = id;
    fields.set(control.name, control);
    return h('div', { class: 'field' }, t('label', key, english, { for: id }), control);
  };
  const choices = choiceQuestions.map((question) =>
    field(
      `offer-${question.name}`,
      question.label[0],
      question.label[1],
      h(
        'select',
        { name: question.name },
        t('option', noAnswer[0], noAnswer[1], { value: '' }),
        ...question.options.map(([value, key, english]) => t('option', key, english, { value })),
      ),
    ),
  );
  const texts = textQuestions.map(([name, key, english, maxLength]) =>
    field(`offer-${name}`, key, english, h('input', { name, type: 'text', maxlength: String(maxLength) })),
  );
  const country = field(
    'offer-destinationCountry',
    'check.q.destinationCountry',
    'Country of the job',
    countrySelect({ name: 'destinationCountry' }, destinationCountries, noAnswer),
  );
  const salary = h(
    'fieldset',
    { class: 'salary' },
    t('legend', 'check.q.salary', 'Promised pay'),
    h(
      'div',
      { class: 'salary-row' },
      field(
        'offer-salaryAmount',
        'check.q.salaryAmount',
        'Amount',
        h('input', { name: 'salaryAmount', type: 'text', inputmode: 'decimal', maxlength: '20' }),
      ),
      field(
        'offer-salaryCurrency',
        'check.q.salaryCurrency',
        'Currency',
        h(
          'select',
          { name: 'salaryCurrency' },
          t('option', noAnswer[0], noAnswer[1], { value: '' }),
          ...currencies.map((code) => h('option', { value: code }, code)),
        ),
      ),
      field(
        'offer-salaryPeriod',
        'check.q.salaryPeriod',
        'Per',
        h(
          'select',
          { name: 'salaryPeriod' },
          ...payPeriods.map(([value, key, english]) => t('option', key, english, { value })),
        ),
      ),
    ),
  );
  const element = h(
    'details',
    { class: 'questionnaire', 'data-testid': 'questionnaire' },
    t('summary', 'check.questionsToggle', 'Answer a few questions too (optional, gives a better result)'),
    h('div', { class: 'questionnaire-body' }, ...texts.slice(0, 2), country, salary, ...choices, ...texts.slice(2)),
  );
  return {
    element,
    answers: () => buildAnswers(Object.fromEntries([...fields].map(([name, control]) => [name, control.value]))),
  };
}

/** The result, built from text and catalogue messages only: server text goes in as text, never as markup. */
function renderResult(view: ResultView): HTMLElement {
  const list = (items: readonly string[], testId: string) =>
    h('ul', { 'data-testid': testId }, ...items.map((item) => h('li', {}, item)));
  const parts: HTMLElement[] = [
    h(
      'div',
      { class: `level level-${view.level}`, 'data-testid': 'check-level', 'data-level': view.level },
      h('span', { class: 'level-symbol', 'aria-hidden': 'true' }, levelSymbols[view.level]),
      h('div', {}, messageElement('h3', view.title, { tabindex: '-1' }), messageElement('p', view.summary)),
    ),
  ];
  if (view.matches.length > 0) {
    parts.push(
      h(
        'div',
        { class: 'registry-matches', 'data-testid': 'check-registry-matches' },
        messageElement('h4', { key: 'check.matchesHeading', english: 'Reported to the registry' }),
        h(
          'ul',
          {},
          ...view.matches.map((match) =>
            h(
              'li',
              {},
              messageElement('span', match.kind, { class: 'entry-kind' }),
              ' ',
              h('strong', { class: 'entry-display' }, match.display),
              h('br'),
              messageElement('span', match.reported),
            ),
          ),
        ),
      ),
    );
  }
  if (view.warnings.length > 0) {
    parts.push(
      messageElement('h4', { key: 'check.warningsHeading', english: 'Warning signs we found' }),
      list(view.warnings, 'check-flags'),
    );
  }
  if (view.reassurances.length > 0) {
    parts.push(
      messageElement('h4', { key: 'check.reassurancesHeading', english: 'Good signs' }),
      list(view.reassurances, 'check-good-signs'),
    );
  }
  if (view.advice.length > 0) {
    parts.push(
      messageElement('h4', { key: 'check.adviceHeading', english: 'What to do' }),
      list(view.advice, 'check-advice'),
    );
  }
  return h('div', {}, ...parts);
}
