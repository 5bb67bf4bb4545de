// The shape of one language's texts for the job-offer check: why each flag matters, and what each piece of advice
// asks. English is complete; other languages may leave texts out until a translator fills them in.
import type { AdviceCode } from '../advice.js';
import type { FlagCode } from '../flag-rules.js';

export interface PreventionCatalogue {
  readonly flags: Readonly<Record<FlagCode, string>>;
  readonly advice: Readonly<Record<AdviceCode, string>>;
}

export interface PartialPreventionCatalogue {
  readonly flags: Readonly<Partial<Record<FlagCode, string>>>;
  readonly advice: Readonly<Partial<Record<AdviceCode, string>>>;
}
