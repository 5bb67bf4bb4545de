// The registry's subject kinds by name, with their catalogue keys, for the moderation screens.

/** Catalogue key and English name of each kind of subject. */
export const kindNames = {
  phone: ['moderation.kind.phone', 'Phone number'],
  company: ['moderation.kind.company', 'Company'],
  url: ['moderation.kind.url', 'Link'],
  handle: ['moderation.kind.handle', 'Account or handle'],
} as const;
