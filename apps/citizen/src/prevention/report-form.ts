// "Report a recruiter": what to report (a phone number, company, link or handle; up to five), what
// happened, and up to three screenshots. Staff check each report before anything is listed. The
// browser first solves a proof-of-work puzzle (prevention-ui.ts), so sending thousands costs hours.
import { createBusyGuard, createMessageArea, h, t } from '../shell/dom';
import {
  createPreventionApi,
  type PreventionApi,
  type Screenshot,
  type SubjectKind,
  subjectKinds,
} from './prevention-api';
import {
  countrySelect,
  createProofOfWorkStep,
  field,
  messageElement,
  requestMessages,
  showProblem,
} from './prevention-ui';
import { destinationCountries } from './questionnaire';
import { kindMessages } from './result-view';

export const maxSubjects = 5;
export const maxScreenshots = 3;
/** Per screenshot, before base64; a phone screenshot is usually well under this. */
export const maxScreenshotBytes = 2 * 1024 * 1024;
export const screenshotTypes = ['image/png', 'image/jpeg', 'image/webp'] as const;

const reportMessages = {
  ...requestMessages,
  'report.error.noSubject': 'Fill in at least one phone number, company, link or handle.',
  'report.error.screenshots': 'Up to 3 screenshots, each a PNG, JPEG or WebP image under 2 MB.',
} as const;

export interface ReportFormOptions {
  readonly api?: PreventionApi;
}

export function createReportForm(options: ReportFormOptions = {}): HTMLElement {
  const api = options.api ?? createPreventionApi((input, init) => fetch(input, init));
  const subjectList = h('ol', { class: 'subjects', 'data-testid': 'report-subjects' });
  const addButton = t('button', 'report.addSubject', 'Add another', {
    type: 'button',
    'data-testid': 'report-add-subject',
  });
  let subjectCount = 0;
  const refreshSubjects = () => {
    addButton.hidden = subjectList.childElementCount >= maxSubjects;
    const rows = [...subjectList.children];
    for (const row of rows) {
      const remove = row.querySelector<HTMLButtonElement>('button');
      if (remove) remove.hidden = rows.length === 1;
    }
  };
  const addSubject = () => {
    subjectList.append(subjectRow(++subjectCount, refreshSubjects));
    refreshSubjects();
  };
  addButton.addEventListener('click', () => {
    addSubject();
    subjectList.lastElementChild?.querySelector('input')?.focus();
  });
  addSubject();

  const description = h('textarea', {
    id: 'report-description',
    name: 'description',
    rows: '6',
    maxlength: '4000',
    'aria-describedby': 'report-description-hint',
    'data-testid': 'report-description',
  });
  const descriptionHint = t(
    'p',
    'report.descriptionHint',
    'Do not write your own name, phone number or address: staff remove personal details before anything is listed.',
    { class: 'hint', id: 'report-description-hint' },
  );
  const country = countrySelect(
    { id: 'report-country', name: 'country', 'data-testid': 'report-country' },
    destinationCountries,
    ['report.countryUnknown', 'I don’t know'],
  );
  const files = h('input', {
    id: 'report-screenshots',
    name: 'screenshots',
    type: 'file',
    accept: screenshotTypes.join(','),
    multiple: true,
    'data-testid': 'report-screenshots',
  });
  const submit = t('button', 'report.submit', 'Send the report', {
    type: 'submit',
    class: 'primary',
    'data-testid': 'report-submit',
  });
  const proofOfWork = createProofOfWorkStep(api);
  const alert = createMessageArea(reportMessages, { class: 'form-error', 'data-testid': 'report-error' });
  const outcome = h('div', { 'data-testid': 'report-outcome', role: 'status' });

  const form = h(
    'form',
    { class: 'report-form', novalidate: true },
    h('fieldset', {}, t('legend', 'report.subjectsLegend', 'Who or what are you reporting?'), subjectList, addButton),
    field(description.id, 'report.description', 'What happened? (optional)', descriptionHint, description),
    field(country.id, 'report.country', 'Country of the job or the recruiter (optional)', country),
    field(files.id, 'report.screenshots', 'Screenshots (optional, up to 3)', files),
    submit,
    proofOfWork.element,
    alert.element,
  );

  const whileBusy = createBusyGuard(submit, addButton);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const subjects = [...subjectList.querySelectorAll<HTMLElement>('li')]
      .map((row) => ({
        kind: (row.querySelector('select')?.value ?? 'phone') as SubjectKind,
        value: row.querySelector('input')?.value.trim() ?? '',
      }))
      .filter((subject) => subject.value !== '');
    if (subjects.length === 0) {
      alert.show('report.error.noSubject');
      return;
    }
    const chosen = [...(files.files ?? [])];
    if (!areAcceptableScreenshots(chosen)) {
      alert.show('report.error.screenshots');
      return;
    }
    void whileBusy(async () => {
      alert.show(undefined);
      outcome.replaceChildren();
      const screenshots = await Promise.all(chosen.map(readScreenshot));
      const solved = await proofOfWork.solve();
      if (!solved.ok) return showProblem(alert, solved.problem);
      const answer = await api.submitReport(solved.solved, {
        subjects,
        description: description.value,
        country: country.value,
        screenshots,
      });
      if (!answer.ok) return showProblem(alert, answer.problem);
      outcome.replaceChildren(
        messageElement(
          'p',
          answer.value.duplicate
            ? {
                key: 'report.duplicate',
                english: 'Thank you. This report was already received, so it is counted once.',
              }
            : {
                key: 'report.sent',
                english: 'Thank you. Staff will check your report before anything is listed.',
              },
          { class: 'success', 'data-testid': 'report-sent' },
        ),
      );
      form.reset();
      subjectList.replaceChildren();
      addSubject();
    });
  });

  return h(
    'section',
    { class: 'prevention-part', id: 'report', 'aria-labelledby': 'report-heading', 'data-testid': 'report-recruiter' },
    t('h2', 'report.heading', 'Report a recruiter', { id: 'report-heading' }),
    t(
      'p',
      'report.intro',
      'Were you offered a job by someone you think is a scammer or trafficker? Report them so others are warned. You do not give your name.',
    ),
    form,
    outcome,
  );
}

/** One "kind and value" row, with a button to take it out again. */
function subjectRow(index: number, onRemoved: () => void): HTMLElement {
  const kindId = `report-subject-kind-${index}`;
  const valueId = `report-subject-value-${index}`;
  const kind = h(
    'select',
    { id: kindId, name: 'kind', 'data-testid': 'report-subject-kind' },
    ...subjectKinds.map((value) => messageElement('option', kindMessages[value], { value })),
  );
  const value = h('input', {
    id: valueId,
    name: 'value',
    type: 'text',
    maxlength: '300',
    autocomplete: 'off',
    spellcheck: 'false',
    'data-testid': 'report-subject-value',
  });
  const remove = t('button', 'report.removeSubject', 'Remove', { type: 'button', class: 'link-button' });
  const row = h(
    'li',
    { class: 'subject-row' },
    field(kindId, 'report.subjectKind', 'Kind', kind),
    field(valueId, 'report.subjectValue', 'Number, name, link or handle', value),
    remove,
  );
  remove.addEventListener('click', () => {
    row.remove();
    onRemoved();
  });
  return row;
}

/**
 * True for up to three PNG, JPEG or WebP files of at most 2 MB each.
 *
 * @example areAcceptableScreenshots([{ type: 'image/png', size: 120_000 }]) // true
 */
export function areAcceptableScreenshots(files: readonly Pick<File, 'type' | 'size'>[]): boolean {
  return (
    files.length <= maxScreenshots &&
    files.every((file) => (screenshotTypes as readonly string[]).includes(file.type) && file.size <= maxScreenshotBytes)
  );
}

/** A file as the API takes it: its type and its bytes in base64. */
function readScreenshot(file: File): Promise<Screenshot> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve({ contentType: file.type, data: base64OfDataUrl(String(reader.result)) });
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/** The base64 part of a `data:` URL. */
export function base64OfDataUrl(dataUrl: string): string {
  return dataUrl.slice(dataUrl.indexOf(',') + 1);
}
