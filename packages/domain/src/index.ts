// Homeward's domain rules: pure functions and data, no I/O, no clock, no randomness.

export {
  type Actor,
  type AssuranceLevel,
  type CitizenActor,
  isStaffRole,
  type Role,
  roleOf,
  type StaffActor,
  type StaffRole,
  staffRoles,
} from './access/actor.js';
export {
  type Action,
  actions,
  type Decision,
  type DecisionReason,
  decide,
  isAction,
  isAggregateAction,
  isSelfAction,
  mayPerform,
  permissions,
  type RecordRule,
  type ResourceFacts,
  recordRules,
} from './access/policy.js';
export {
  type PinProblem,
  pinMaxLength,
  pinMinLength,
  pinPairProblems,
  readPin,
} from './check-ins/check-in-pin.js';
export type { Clock } from './clock.js';
export {
  type AlertRisk,
  type AlertRiskFacts,
  type AlertSource,
  alertRisk,
  alertSources,
  hoursOverdueFactor,
  maxHoursCounted,
  perHourOverdue,
  type RiskArea,
  type RiskFactor,
  type RiskFactorCode,
  riskAreaOf,
} from './escalation/alert-risk.js';
export {
  type CheckInSchedule,
  durationMinutes,
  ladderFor,
  localMinuteOfDay,
  maxPauseMinutes,
  outsideQuietHours,
  type QuietHours,
  type ScheduleChoice,
  type ScheduleProblem,
  scheduleProblems,
} from './escalation/check-in-schedule.js';
export {
  advance,
  applyEvent,
  type CheckInSignal,
  type Effect,
  type EscalationState,
  type EventRefusal,
  nextActionAt,
  type StayEvent,
  type StayPhase,
  startStay,
  type Transition,
} from './escalation/escalation.js';
export {
  type ChallengeStanding,
  challengeStanding,
  formatOneTimeCode,
  isWellFormedOneTimeCode,
  normaliseOneTimeCode,
  type OneTimeCodeChallengeState,
  oneTimeCodeExpiresAt,
  oneTimeCodeLength,
  oneTimeCodeMaxAttempts,
  oneTimeCodeUpperBound,
  oneTimeCodeValidityMinutes,
} from './identity/one-time-code.js';
export { normalisePassportNumber, passportNumberLength } from './identity/passport-number.js';
export {
  decidePhoneCodeRequest,
  type PhoneCodeDecision,
  phoneCodeRateHorizonMinutes,
  phoneCodeRateWindows,
  type RateWindow,
} from './identity/phone-code-rate-limit.js';
export { classifyReply, helpWords, normaliseReply, type ReplyKind, sosWords } from './messaging/reply-words.js';
export {
  hasJurisdiction,
  isOrganisationKind,
  mayBeParentOf,
  needsParent,
  type OrganisationKind,
  organisationKinds,
} from './organisations/organisation-kinds.js';
// Prevention (the job-offer check, its rules, lexicons and gazetteer): one list, kept in prevention/index.ts.
export * from './prevention/index.js';
