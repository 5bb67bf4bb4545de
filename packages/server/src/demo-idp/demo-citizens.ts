// The synthetic citizens of the demo identity provider. Pseudonymous names and identifiers in the shape
// of real national ids but outside their issued ranges, so nobody real can be logged in as.

export interface DemoCitizen {
  /** The provider's opaque subject: stable, meaningless, the same for every client. */
  readonly subject: string;
  readonly name: string;
  /** ISO 3166-1 alpha-2 country that issued the identifier (Singpass calls it identity_coi). */
  readonly country: string;
  /** In the shape of that country's national id; synthetic. */
  readonly nationalId: string;
  /** What the identifier is called at home, shown on the demo login page. */
  readonly idKind: string;
}

export const demoCitizens: readonly DemoCitizen[] = [
  {
    subject: 'demo-7f3c1a9e-0b52-4c1e-9d0a-5e2b8c4f6a01',
    name: 'Aster Demo',
    country: 'SG',
    // NRIC shape (letter, seven digits, letter); S000000x is never issued.
    nationalId: 'S0000001A',
    idKind: 'NRIC',
  },
  {
    subject: 'demo-2b8e4d6f-91a3-4f07-b6c5-0d1e7a3c9b02',
    name: 'Banyan Demo',
    country: 'MY',
    // MyKad shape (YYMMDD-PB-###G); place-of-birth code 00 does not exist.
    nationalId: '900101-00-0001',
    idKind: 'MyKad',
  },
  {
    subject: 'demo-c4a0f2e8-3d61-4b9a-8e27-6f5b1c0d4e03',
    name: 'Cempaka Demo',
    country: 'ID',
    // NIK shape (16 digits); province code 99 does not exist.
    nationalId: '9900010101000001',
    idKind: 'NIK',
  },
  {
    subject: 'demo-e9d7b5a3-6c48-4e2f-a1b0-8d3f5e7c2a04',
    name: 'Dalisay Demo',
    country: 'PH',
    // PhilSys Card Number shape (16 digits); the 0000 block is never issued.
    nationalId: '0000-0000-0000-0001',
    idKind: 'PhilSys',
  },
];

export function findDemoCitizen(subject: string): DemoCitizen | undefined {
  return demoCitizens.find((citizen) => citizen.subject === subject);
}
