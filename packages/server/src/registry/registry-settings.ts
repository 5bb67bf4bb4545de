// The registry's knobs: how hard the proof of work is and how many writes one reporter or address may
// make. Defaults for production; tests lower the difficulty. See docs/decisions/0013-recruiter-registry.md.

/** A per-address limit for @fastify/rate-limit, counted in each server process. */
export interface AddressLimit {
  readonly max: number;
  /** Milliseconds. */
  readonly timeWindow: number;
}

export interface RegistrySettings {
  /**
   * Leading zero bits SHA-256(`${challenge}:${nonce}`) must have. Each bit doubles the work: 18 bits is
   * about 260,000 hashes, a second or two in a phone's browser, and a real cost to anyone sending
   * thousands of reports.
   */
  readonly proofOfWorkDifficulty: number;
  /** Reports one reporter (a citizen, or an address) may make in 24 hours, across every process. */
  readonly reportsPerReporterPerDay: number;
  /** Removal requests one requester may make in 24 hours. */
  readonly removalRequestsPerRequesterPerDay: number;
  /** Per source address, in this process; generous, because a shelter or a carrier's NAT shares one. */
  readonly addressLimits: {
    readonly challenge: AddressLimit;
    readonly report: AddressLimit;
    readonly removalRequest: AddressLimit;
    readonly search: AddressLimit;
  };
}

export const defaultRegistrySettings: RegistrySettings = {
  proofOfWorkDifficulty: 18,
  reportsPerReporterPerDay: 10,
  removalRequestsPerRequesterPerDay: 5,
  addressLimits: {
    challenge: { max: 60, timeWindow: 15 * 60_000 },
    report: { max: 30, timeWindow: 15 * 60_000 },
    removalRequest: { max: 10, timeWindow: 15 * 60_000 },
    search: { max: 120, timeWindow: 60_000 },
  },
};

/** How long a challenge may be solved and spent. */
export const challengeValidityMinutes = 10;

/** A spent challenge is kept this long after it expires, so a late retry still gets its first answer. */
export const spentChallengeRetentionHours = 24;

/** The same reporter naming the same subject again within this many days adds no new report. */
export const duplicateWindowDays = 30;

/** The window of the per-reporter and per-requester limits. */
export const reporterLimitWindowHours = 24;

/** Search answers at most this many entries. */
export const maxSearchResults = 20;

/** Company names at least this similar (pg_trgm `similarity`, 0 to 1) match, besides exact ones. */
export const companySimilarityThreshold = 0.4;
