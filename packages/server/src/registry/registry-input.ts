// Turns request bodies into what the services store: every text checked for control characters and
// trimmed, every subject normalised (repeats folded), screenshots re-encoded. One 400 names every field
// at fault.
import type { Static } from 'typebox';
import { type FieldError, invalidFields } from './registry-problems.js';
import type { CreateRemovalRequestBodySchema, CreateReportBodySchema, SubjectInputSchema } from './registry-schemas.js';
import { type CleanScreenshot, cleanScreenshots } from './registry-screenshots.js';
import { invalidSubjectMessage, type NormalisedSubject, normaliseSubject } from './registry-subjects.js';
import { checkTexts, cleanText } from './registry-text.js';

type SubjectInput = Static<typeof SubjectInputSchema>;

/** The subjects normalised, without repeats, or the errors naming each bad one. */
export function prepareSubjects(
  subjects: readonly SubjectInput[],
  country: string | undefined,
  fieldPrefix = 'body/subjects',
): { subjects: NormalisedSubject[]; errors: FieldError[] } {
  const errors: FieldError[] = checkTexts(
    subjects.map((subject, index) => ({
      field: `${fieldPrefix}/${index}/value`,
      value: subject.value,
      shape: 'single-line' as const,
    })),
  );
  const normalised: NormalisedSubject[] = [];
  subjects.forEach((subject, index) => {
    const field = `${fieldPrefix}/${index}/value`;
    if (errors.some((error) => error.field === field)) return;
    const result = normaliseSubject(subject.kind, cleanText(subject.value, 'single-line'), country);
    if (result === undefined) {
      errors.push({ field, message: invalidSubjectMessage(subject.kind) });
      return;
    }
    const isRepeat = normalised.some((each) => each.kind === result.kind && each.normalised === result.normalised);
    if (!isRepeat) normalised.push(result);
  });
  return { subjects: normalised, errors };
}

export interface PreparedReport {
  readonly subjects: NormalisedSubject[];
  readonly description: string | undefined;
  readonly country: string | undefined;
  readonly screenshots: CleanScreenshot[];
}

/** A report body, checked and cleaned; throws a 400 listing every field at fault. */
export async function prepareReport(body: Static<typeof CreateReportBodySchema>): Promise<PreparedReport> {
  const country = body.country?.toUpperCase();
  const errors = checkTexts([{ field: 'body/description', value: body.description, shape: 'multi-line' }]);
  const prepared = prepareSubjects(body.subjects, country);
  errors.push(...prepared.errors);
  if (errors.length > 0) throw invalidFields(errors);
  const description = body.description === undefined ? undefined : cleanText(body.description, 'multi-line');
  // Screenshots last: decoding images is the costly part, not worth doing for a body that fails anyway.
  const screenshots = await cleanScreenshots(body.screenshots ?? []);
  return {
    subjects: prepared.subjects,
    description: description === '' ? undefined : description,
    country,
    screenshots,
  };
}

/** A removal request's texts, checked and cleaned. */
export function prepareRemovalRequest(body: Static<typeof CreateRemovalRequestBodySchema>) {
  const errors = checkTexts([
    { field: 'body/requesterName', value: body.requesterName, shape: 'single-line' },
    { field: 'body/contactEmail', value: body.contactEmail, shape: 'single-line' },
    { field: 'body/statement', value: body.statement, shape: 'multi-line' },
  ]);
  const requesterName = cleanText(body.requesterName, 'single-line');
  const statement = cleanText(body.statement, 'multi-line');
  if (requesterName === '' && !errors.some((error) => error.field === 'body/requesterName')) {
    errors.push({ field: 'body/requesterName', message: 'is empty' });
  }
  if (statement === '' && !errors.some((error) => error.field === 'body/statement')) {
    errors.push({ field: 'body/statement', message: 'is empty' });
  }
  if (errors.length > 0) throw invalidFields(errors);
  return { requesterName, contactEmail: body.contactEmail.trim().toLowerCase(), statement };
}

/** The decision's reason, checked and cleaned (moderators are trusted, their text is still only text). */
export function prepareReason(reason: string): string {
  const errors = checkTexts([{ field: 'body/reason', value: reason, shape: 'multi-line' }]);
  const cleaned = cleanText(reason, 'multi-line');
  if (cleaned === '' && errors.length === 0) errors.push({ field: 'body/reason', message: 'is empty' });
  if (errors.length > 0) throw invalidFields(errors);
  return cleaned;
}
