// Prevention: the public job-offer check and what it is built from. Pure: no I/O, no clock, no randomness.
// money/ reads salaries and compares them with the market, text/ normalises text and finds compound areas and
// contacts, rules/ holds the lexicons, the rules and their explanations.
export {
  type CurrencyCode,
  currencyCodes,
  exchangeRateSource,
  isCurrencyCode,
  type PayPeriod,
  payPeriods,
  toMonthlyUsd,
} from './money/currencies.js';
export { findMoneyMentions, type MoneyMention } from './money/money-mentions.js';
export {
  isJobFamily,
  type JobFamily,
  jobFamilies,
  referenceMonthlyUsd,
  salaryRatio,
} from './money/salary-reference.js';
export * from './rules/index.js';
export {
  type ContactMentions,
  findContacts,
  normaliseCompanyName,
  normaliseHandle,
  normaliseRegistryPhone,
  normaliseUrl,
} from './text/contacts.js';
export { type Area, type AreaKind, type AreaMatch, compoundAreas, findAreas } from './text/gazetteer.js';
export { normaliseText } from './text/normalise-text.js';
