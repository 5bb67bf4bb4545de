import { describe, expect, test } from 'vitest';
import { adviceCodes } from './advice.js';
import { assessJobOffer } from './assess-job-offer.js';
import { explainAssessment, missingPreventionTranslations } from './explain-assessment.js';
import { en } from './explanations/en.js';
import { flagExplanationIn, preventionCatalogues } from './explanations/index.js';
import { km } from './explanations/km.js';
import { th } from './explanations/th.js';
import { flagCodes } from './flag-rules.js';
import { languages } from './languages.js';

const assessment = assessJobOffer({ text: 'Customer service in Cambodia, free ticket, tourist visa. Telegram @hr_kh' });

describe('explainAssessment', () => {
  test('gives each raised flag its explanation and each advice its text, in order', () => {
    const explained = explainAssessment(assessment, 'en');
    expect(explained.level).toBe(assessment.level);
    expect(explained.flags.map((flag) => flag.code)).toEqual(assessment.flags.map((flag) => flag.code));
    expect(explained.flags[0]).toEqual({
      code: assessment.flags[0]?.code,
      weight: assessment.flags[0]?.weight,
      explanation: en.flags[assessment.flags[0]?.code ?? 'secrecy'],
    });
    expect(explained.advice.map((advice) => advice.code)).toEqual(assessment.advice);
  });

  test('each text is in the language asked for, and a text a catalogue lacks falls back to English', () => {
    const khmer = explainAssessment(assessment, 'km');
    const english = explainAssessment(assessment, 'en');
    expect(khmer.flags.map((flag) => flag.code)).toEqual(english.flags.map((flag) => flag.code));
    expect(khmer.flags[0]?.explanation).toBe(km.flags[assessment.flags[0]?.code ?? 'secrecy']);
    expect(khmer.flags[0]?.explanation).not.toBe(english.flags[0]?.explanation);

    const code = assessment.flags[0]?.code ?? 'secrecy';
    const partial = { ...km, flags: { ...km.flags, [code]: undefined } };
    expect(flagExplanationIn(partial, code)).toBe(en.flags[code]);
  });

  test('the words of the ad are not repeated in the explanation', () => {
    expect(JSON.stringify(explainAssessment(assessment, 'en'))).not.toContain('@hr_kh');
  });
});

describe('texts', () => {
  test('English has a plain text for every flag and every advice, short enough for a phone', () => {
    for (const code of flagCodes) expect(en.flags[code].length, code).toBeGreaterThan(30);
    for (const code of adviceCodes) expect(en.advice[code].length, code).toBeGreaterThan(30);
    for (const text of [...Object.values(en.flags), ...Object.values(en.advice)]) {
      expect(text.length).toBeLessThan(300);
    }
  });

  test('every language has a catalogue', () => {
    expect(Object.keys(preventionCatalogues).sort()).toEqual([...languages].sort());
  });

  test('every language has every text, so missingPreventionTranslations lists nothing', () => {
    expect(missingPreventionTranslations()).toEqual([]);
  });

  test('missingPreventionTranslations names the language and key of each missing or blank text', () => {
    const code = flagCodes[0] ?? 'secrecy';
    const catalogues = {
      ...preventionCatalogues,
      th: { ...th, flags: { ...th.flags, [code]: ' ' } },
      lo: { flags: {}, advice: {} },
    };
    const missing = missingPreventionTranslations(catalogues);
    expect(missing).toContainEqual({ language: 'th', key: `flag.${code}` });
    expect(missing.filter((entry) => entry.language === 'lo')).toHaveLength(flagCodes.length + adviceCodes.length);
    expect(missing.some((entry) => entry.language === 'en')).toBe(false);
  });
});
