// "Register your stay": where the citizen goes, the job they were offered, the dates, how often they will check
// in, and their two PINs (with a plain word on what the duress PIN is for). Only the country, the start date and
// the PINs must be filled in; the rest helps the embassy if the citizen ever goes silent.
import { countrySelect } from '../prevention/prevention-ui';
import { destinationCountries } from '../prevention/questionnaire';
import { createBusyGuard, createMessageArea, h, t } from '../shell/dom';
import {
  buildStayRequest,
  type Choice,
  defaultGraceFor,
  defaultInterval,
  demoIntervalChoice,
  graceChoicesFor,
  intervalChoices,
  type StayFormProblem,
} from './stay-request';
import { choiceSelect, field, messageElement, pinInput, requestMessages, showRequestProblem } from './stay-ui';
import { foundThroughChoices, type Stay, type StaysApi, visaTypes } from './stays-api';

const formMessages: Readonly<Record<StayFormProblem, readonly [string, string]>> = {
  countryMissing: ['stay.form.countryMissing', 'Choose the country you are going to.'],
  startMissing: ['stay.form.startMissing', 'Fill in the date your stay starts.'],
  returnBeforeStart: ['stay.form.returnBeforeStart', 'The return date is before the start date.'],
  salaryInvalid: ['stay.form.salaryInvalid', 'Write the salary as a number, for example 25000.'],
  quietHoursInvalid: ['stay.form.quietHoursInvalid', 'Fill in both times for the quiet hours.'],
  pinInvalid: ['stay.form.pinInvalid', 'Your PIN must be 6 to 12 digits.'],
  pinTooEasy: [
    'stay.form.pinTooEasy',
    'Your PIN is too easy to guess. Do not use one digit repeated or counting up or down.',
  ],
  duressInvalid: ['stay.form.duressInvalid', 'Your danger PIN must be 6 to 12 digits and not easy to guess.'],
  duressTooClose: ['stay.form.duressTooClose', 'Your danger PIN must differ from your PIN in at least two digits.'],
};

const foundThroughMessages: Readonly<Record<(typeof foundThroughChoices)[number], readonly [string, string]>> = {
  social_media: ['stay.foundThrough.social_media', 'Social media (Facebook, TikTok, Telegram…)'],
  friend_or_relative: ['stay.foundThrough.friend_or_relative', 'A friend or relative'],
  licensed_agency: ['stay.foundThrough.licensed_agency', 'A licensed recruitment agency'],
  unlicensed_agent: ['stay.foundThrough.unlicensed_agent', 'An agent without a licence'],
  job_site: ['stay.foundThrough.job_site', 'A job website'],
  other: ['stay.foundThrough.other', 'Another way'],
};

const visaMessages: Readonly<Record<(typeof visaTypes)[number], readonly [string, string]>> = {
  work: ['stay.visa.work', 'Work visa'],
  tourist: ['stay.visa.tourist', 'Tourist visa'],
  business: ['stay.visa.business', 'Business visa'],
  student: ['stay.visa.student', 'Student visa'],
  none: ['stay.visa.none', 'No visa needed'],
  other: ['stay.visa.other', 'Another visa'],
};

const currencies = ['THB', 'MYR', 'KHR', 'MMK', 'LAK', 'PHP', 'VND', 'IDR', 'SGD', 'CNY', 'AED', 'USD'];

export interface StayFormOptions {
  readonly api: StaysApi;
  readonly onRegistered: (stay: Stay) => void;
}

export interface StayForm {
  readonly element: HTMLElement;
  /** On a demo instance, offers the two-minute interval too. */
  offerDemoInterval(): void;
  reset(): void;
}

export function createStayForm({ api, onRegistered }: StayFormOptions): StayForm {
  const input = (id: string, attributes: Record<string, string | boolean> = {}) =>
    h('input', { id, name: id, type: 'text', 'data-testid': id, ...attributes });
  const country = countrySelect(
    { id: 'stay-country', name: 'country', required: true, 'data-testid': 'stay-country' },
    destinationCountries,
    ['stay.countryChoose', 'Choose a country'],
  );
  const city = input('stay-city', { maxlength: '100' });
  const employer = input('stay-employer', { maxlength: '200' });
  const jobTitle = input('stay-job-title', { maxlength: '200' });
  const salary = input('stay-salary', { inputmode: 'decimal', maxlength: '20' });
  const currency = h(
    'select',
    { id: 'stay-currency', name: 'currency', 'data-testid': 'stay-currency' },
    ...currencies.map((code) => h('option', { value: code }, code)),
  );
  const foundThrough = choiceSelect(
    { id: 'stay-found-through', name: 'foundThrough', 'data-testid': 'stay-found-through' },
    foundThroughChoices.map((value) => asChoice(value, foundThroughMessages[value])),
    { key: 'stay.notSaying', english: 'Choose (optional)' },
  );
  const recruiterName = input('stay-recruiter-name', { maxlength: '200' });
  const recruiterPhone = input('stay-recruiter-phone', { type: 'tel', inputmode: 'tel', maxlength: '40' });
  const visaType = choiceSelect(
    { id: 'stay-visa', name: 'visaType', 'data-testid': 'stay-visa' },
    visaTypes.map((value) => asChoice(value, visaMessages[value])),
    { key: 'stay.notSaying', english: 'Choose (optional)' },
  );
  const startsOn = input('stay-starts-on', { type: 'date', required: true });
  const expectedReturnOn = input('stay-return-on', { type: 'date' });

  let offeredIntervals: readonly Choice[] = intervalChoices;
  const interval = choiceSelect(
    { id: 'stay-interval', name: 'interval', 'data-testid': 'stay-interval' },
    intervalChoices,
  );
  interval.value = defaultInterval;
  const grace = h('select', { id: 'stay-grace', name: 'grace', 'data-testid': 'stay-grace' });
  const fillGrace = () => {
    const fitting = graceChoicesFor(interval.value);
    const kept = fitting.some((choice) => choice.value === grace.value) ? grace.value : defaultGraceFor(interval.value);
    grace.replaceChildren(...fitting.map((choice) => messageOption(choice)));
    grace.value = kept;
  };
  fillGrace();
  interval.addEventListener('change', fillGrace);

  const timeZone = timeZoneSelect();
  const hasQuietHours = h('input', {
    id: 'stay-quiet',
    name: 'quiet',
    type: 'checkbox',
    'data-testid': 'stay-quiet',
  });
  const quietStart = input('stay-quiet-start', { type: 'time', value: '22:00' });
  const quietEnd = input('stay-quiet-end', { type: 'time', value: '07:00' });
  const quietTimes = h(
    'div',
    { class: 'field-row', hidden: true },
    field(quietStart, { key: 'stay.quietStart', english: 'From' }),
    field(quietEnd, { key: 'stay.quietEnd', english: 'Until' }),
  );
  hasQuietHours.addEventListener('change', () => {
    quietTimes.hidden = !hasQuietHours.checked;
  });

  const pin = pinInput('stay-pin', 'stay-pin');
  const duressPin = pinInput('stay-duress-pin', 'stay-duress-pin');
  const submit = t('button', 'stay.register', 'Register my stay', {
    type: 'submit',
    class: 'primary',
    'data-testid': 'stay-register',
  });
  const alert = createMessageArea(
    {
      ...Object.fromEntries(Object.values(formMessages)),
      ...requestMessages,
    },
    { class: 'form-error', 'data-testid': 'stay-form-error' },
  );

  const form = h(
    'form',
    { class: 'stay-form', 'data-testid': 'stay-form', novalidate: true, autocomplete: 'off' },
    h(
      'fieldset',
      {},
      t('legend', 'stay.whereLegend', 'Where are you going?'),
      field(country, { key: 'stay.country', english: 'Country' }),
      field(city, { key: 'stay.city', english: 'City or town (optional)' }),
    ),
    h(
      'fieldset',
      {},
      t('legend', 'stay.jobLegend', 'The job (optional)'),
      t('p', 'stay.jobHint', 'If you ever go silent, this helps your embassy find you.', { class: 'hint' }),
      field(employer, { key: 'stay.employer', english: 'Employer' }),
      field(jobTitle, { key: 'stay.jobTitle', english: 'Job title' }),
      h(
        'div',
        { class: 'field-row' },
        field(salary, { key: 'stay.salary', english: 'Salary per month' }),
        field(currency, { key: 'stay.currency', english: 'Currency' }),
      ),
      field(foundThrough, { key: 'stay.foundThrough', english: 'How did you find the job?' }),
      field(recruiterName, { key: 'stay.recruiterName', english: 'Recruiter or agent’s name' }),
      field(recruiterPhone, { key: 'stay.recruiterPhone', english: 'Recruiter or agent’s phone' }),
      field(visaType, { key: 'stay.visa', english: 'Visa' }),
    ),
    h(
      'fieldset',
      {},
      t('legend', 'stay.datesLegend', 'Dates'),
      h(
        'div',
        { class: 'field-row' },
        field(startsOn, { key: 'stay.startsOn', english: 'Start' }),
        field(expectedReturnOn, { key: 'stay.returnOn', english: 'Return (optional)' }),
      ),
    ),
    h(
      'fieldset',
      {},
      t('legend', 'stay.scheduleLegend', 'Check-ins'),
      field(interval, { key: 'stay.interval', english: 'How often will you check in?' }),
      field(
        grace,
        { key: 'stay.grace', english: 'If you miss a check-in, alert the embassy after' },
        { key: 'stay.graceHint', english: 'You get reminders during this time.', id: 'stay-grace-hint' },
      ),
      field(timeZone, { key: 'stay.timeZone', english: 'Your time zone' }),
      h(
        'div',
        { class: 'checkbox' },
        hasQuietHours,
        t('label', 'stay.quiet', 'No reminders at night (quiet hours)', { for: hasQuietHours.id }),
      ),
      quietTimes,
    ),
    h(
      'fieldset',
      {},
      t('legend', 'stay.pinsLegend', 'Your PINs'),
      field(
        pin,
        { key: 'stay.pin', english: 'Check-in PIN (6 to 12 digits)' },
        { key: 'stay.pinHint', english: 'You type it each time you check in.', id: 'stay-pin-hint' },
      ),
      field(duressPin, { key: 'stay.duressPin', english: 'Danger PIN (6 to 12 digits)' }),
      h(
        'div',
        { class: 'note duress-note', id: 'stay-duress-explained' },
        t(
          'p',
          'stay.duressExplained',
          'If someone forces you to check in, type your danger PIN instead of your PIN. The screen shows exactly the same answer, so nobody watching can tell, but your embassy is quietly told that you are in danger.',
        ),
        t(
          'p',
          'stay.duressAdvice',
          'Choose a danger PIN you will remember, different from your PIN in at least two digits. Tell nobody.',
        ),
      ),
    ),
    submit,
    alert.element,
  );
  duressPin.setAttribute('aria-describedby', 'stay-duress-explained');

  const whileBusy = createBusyGuard(submit);
  // One key per registration attempt, kept while the same form is sent again (a retry after a lost answer).
  let idempotencyKey = crypto.randomUUID();
  let lastBody = '';
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const request = buildStayRequest({
      country: country.value,
      city: city.value,
      employerName: employer.value,
      recruiterName: recruiterName.value,
      recruiterPhone: recruiterPhone.value,
      jobTitle: jobTitle.value,
      salaryAmount: salary.value,
      salaryCurrency: currency.value,
      foundThrough: foundThrough.value,
      visaType: visaType.value,
      startsOn: startsOn.value,
      expectedReturnOn: expectedReturnOn.value,
      interval: interval.value,
      grace: grace.value,
      timeZone: timeZone.value,
      hasQuietHours: hasQuietHours.checked,
      quietStart: quietStart.value,
      quietEnd: quietEnd.value,
      pin: pin.value,
      duressPin: duressPin.value,
    });
    if (!request.ok) {
      alert.show(formMessages[request.problem][0]);
      return;
    }
    const body = JSON.stringify(request.body);
    if (body !== lastBody) idempotencyKey = crypto.randomUUID();
    lastBody = body;
    void whileBusy(async () => {
      alert.show(undefined);
      const answer = await api.createStay(request.body, idempotencyKey);
      if (!answer.ok) return showRequestProblem(alert, answer.problem);
      reset();
      onRegistered(answer.value);
    });
  });

  const reset = () => {
    form.reset();
    interval.value = defaultInterval;
    fillGrace();
    timeZone.value = browserTimeZone();
    quietTimes.hidden = true;
    alert.show(undefined);
    idempotencyKey = crypto.randomUUID();
    lastBody = '';
  };

  const element = h(
    'section',
    { class: 'stay-register', 'data-testid': 'stay-register-screen', 'aria-labelledby': 'stay-register-title' },
    t('h3', 'stay.registerTitle', 'Register your stay abroad', { id: 'stay-register-title' }),
    t(
      'p',
      'stay.registerIntro',
      'Tell your embassy where you are going and check in from time to time. If you stop checking in, the embassy will try to reach you.',
    ),
    form,
  );

  return {
    element,
    offerDemoInterval() {
      if (offeredIntervals.includes(demoIntervalChoice)) return;
      offeredIntervals = [demoIntervalChoice, ...intervalChoices];
      interval.prepend(messageOption(demoIntervalChoice));
      interval.value = defaultInterval;
    },
    reset,
  };
}

function messageOption(choice: Choice): HTMLOptionElement {
  return messageElement('option', choice, { value: choice.value });
}

function asChoice(value: string, [key, english]: readonly [string, string]): Choice {
  return { value, key, english };
}

/** The browser's time zone, e.g. `Asia/Bangkok`; UTC when it gives none. */
export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** Every time zone the browser knows, the browser's own chosen. */
function timeZoneSelect(): HTMLSelectElement {
  const own = browserTimeZone();
  let zones: string[];
  try {
    zones = Intl.supportedValuesOf('timeZone');
  } catch {
    zones = [];
  }
  if (!zones.includes(own)) zones = [own, ...zones];
  const select = h(
    'select',
    { id: 'stay-time-zone', name: 'timeZone', 'data-testid': 'stay-time-zone' },
    ...zones.map((zone) => h('option', { value: zone }, zone.replaceAll('_', ' '))),
  );
  select.value = own;
  return select;
}
