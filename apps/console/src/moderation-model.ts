// The rules of the moderation screen, apart from the DOM: which roles see it, the subject list a
// moderator approves (blank rows dropped, a display for each), and when a decision may be sent.
import type { StaffRole } from '@homeward/domain';
import type { ApprovedSubject, ReportDecision, ReportedSubject, SubjectKind } from './registry-api';
import { welfareRoles } from './welfare-model';

/**
 * The roles the policy lets `registry.moderate` (packages/domain/src/access/policy.ts). The console
 * only decides what to show; the API refuses everyone else whatever the console shows.
 */
export const moderatorRoles: readonly StaffRole[] = ['analyst', 'consular_officer', 'consular_supervisor'];

export type ConsoleScreen = 'welfare' | 'deliveries' | 'staff' | 'registry';

/**
 * The screens a role's navigation offers, the first shown by default: consular staff start at the welfare checks.
 * Undelivered messages go to the same consular roles (`delivery.read` in the policy).
 */
export function screensFor(role: StaffRole): ConsoleScreen[] {
  const screens: ConsoleScreen[] = [];
  if (welfareRoles.includes(role)) screens.push('welfare', 'deliveries');
  if (role === 'admin') screens.push('staff');
  if (moderatorRoles.includes(role)) screens.push('registry');
  return screens;
}

/** The screen a `#/<name>` address asks for, if the role has it; else the role's first. */
export function chooseScreen(role: StaffRole, hash: string): ConsoleScreen | undefined {
  const screens = screensFor(role);
  const asked = /^#\/(welfare|deliveries|staff|registry)$/.exec(hash)?.[1];
  return screens.find((screen) => screen === asked) ?? screens[0];
}

/** A subject row as the moderator edits it; `normalised` is how the reporter's value was matched. */
export interface SubjectDraft {
  kind: SubjectKind;
  value: string;
  readonly normalised: string;
}

/** The rows to start from: the reporter's subjects as typed. */
export function draftSubjects(subjects: readonly ReportedSubject[]): SubjectDraft[] {
  return subjects.map((subject) => ({ kind: subject.kind, value: subject.value, normalised: subject.normalised }));
}

/**
 * The subjects to approve: trimmed, rows without a value dropped.
 *
 * @example approvedSubjects([{ kind: 'phone', value: ' 081 234 5678 ', normalised: '+66812345678' }])
 * // [{ kind: 'phone', value: '081 234 5678' }]
 */
export function approvedSubjects(drafts: readonly SubjectDraft[]): ApprovedSubject[] {
  return drafts
    .map((draft) => ({ kind: draft.kind, value: draft.value.trim() }))
    .filter((subject) => subject.value !== '');
}

export type DecisionCheck =
  | { readonly ok: true; readonly decision: ReportDecision }
  | { readonly ok: false; readonly message: 'reasonNeeded' | 'subjectNeeded' };

/**
 * The decision to send, or why it cannot be sent: every decision needs a reason (the record says why),
 * an approval at least one subject.
 */
export function reportDecision(
  decision: 'approve' | 'reject',
  reason: string,
  drafts: readonly SubjectDraft[],
): DecisionCheck {
  const trimmed = reason.trim();
  if (trimmed === '') return { ok: false, message: 'reasonNeeded' };
  if (decision === 'reject') return { ok: true, decision: { decision, reason: trimmed } };
  const subjects = approvedSubjects(drafts);
  if (subjects.length === 0) return { ok: false, message: 'subjectNeeded' };
  return { ok: true, decision: { decision, reason: trimmed, subjects } };
}
