// An assessment in words: each raised flag with why it matters and each piece of advice, in the language asked
// for, English where a translation is missing. Also lists the missing translations for the translators' script.
import type { AdviceCode } from './advice.js';
import type { Assessment, RiskLevel } from './assess-job-offer.js';
import {
  adviceText,
  flagExplanation,
  hasTranslation,
  type PartialPreventionCatalogue,
  preventionCatalogues,
  preventionTranslationKeys,
} from './explanations/index.js';
import type { FlagCode } from './flag-rules.js';
import { type Language, languages } from './languages.js';

export interface ExplainedAssessment {
  level: RiskLevel;
  flags: { code: FlagCode; weight: number; explanation: string }[];
  advice: { code: AdviceCode; text: string }[];
}

/**
 * Flags and advice in words, in the language asked for, English where a translation is missing. Evidence (the
 * words of the ad) is left out: it is the user's own text, and the page can show it next to each flag if it wants.
 *
 * ```ts
 * explainAssessment(assessJobOffer({ text }), 'vi').advice[0]; // { code: 'verify_agency_with_authority', text: '…' }
 * ```
 */
export function explainAssessment(assessment: Assessment, language: Language): ExplainedAssessment {
  return {
    level: assessment.level,
    flags: assessment.flags.map((flag) => ({
      code: flag.code,
      weight: flag.weight,
      explanation: flagExplanation(flag.code, language),
    })),
    advice: assessment.advice.map((code) => ({ code, text: adviceText(code, language) })),
  };
}

/**
 * Which (language, key) pairs lack a translation, English excepted (it is the reference). Keys are `flag.<code>`
 * and `advice.<code>`.
 *
 * ```ts
 * missingPreventionTranslations()[0]; // { language: 'id', key: 'flag.reported_in_registry' }
 * ```
 */
export function missingPreventionTranslations(
  catalogues: Readonly<Record<Language, PartialPreventionCatalogue>> = preventionCatalogues,
): { language: Language; key: string }[] {
  return languages
    .filter((language) => language !== 'en')
    .flatMap((language) =>
      preventionTranslationKeys
        .filter((key) => !hasTranslation(language, key, catalogues))
        .map((key) => ({ language, key })),
    );
}
