// The job-offer rules: lexicons, signals, flags, assessment and explanations, as one public surface.
export { type AdviceCode, adviceCodes } from './advice.js';
export {
  type Assessment,
  assessJobOffer,
  levelThresholds,
  protectiveLimit,
  type RaisedFlag,
  type RiskLevel,
  riskLevels,
  scoreFlags,
} from './assess-job-offer.js';
export { type ExplainedAssessment, explainAssessment, missingPreventionTranslations } from './explain-assessment.js';
export {
  adviceText,
  flagExplanation,
  type PartialPreventionCatalogue,
  type PreventionCatalogue,
  preventionCatalogues,
} from './explanations/index.js';
export {
  type AssessmentContext,
  decisiveFlags,
  decisiveWithCompoundArea,
  type FlagCode,
  type FlagRule,
  flagCodes,
  flagRules,
  highPayRatio,
  lureFamilies,
  type RegistryMatch,
  type RuleFinding,
  salaryGrades,
  weakLureFamilies,
} from './flag-rules.js';
export {
  foundThroughOptions,
  type JobOfferAnswers,
  recruitmentFeeOptions,
  routeOptions,
  travelPaidByOptions,
  urgencyOptions,
  visaTypeOptions,
  yesNoUnsureOptions,
} from './job-offer-answers.js';
export { isLanguage, type Language, languages } from './languages.js';
export { type MessagingApp, messagingApps } from './lexicons/messaging-apps.js';
export { compoundCountries, gatewayCountries } from './lexicons/places.js';
export {
  type AreaSignal,
  extractOfferSignals,
  type Finding,
  type OfferSignals,
  type SalarySignal,
} from './offer-signals.js';
export { type OfferJobFamily, type PhraseSignal, phraseSignals } from './phrase-signals.js';
