/**
 * The demo school seeded into an empty database by `npm start`: one organisation, three accounts (one per role)
 * and a class of 25 learners, so that every screen can be tried at once.
 */
import type { ContentPack } from '../../src/core/content/types.ts';
import { hashPassword } from '../auth/password.ts';
import type { Learner, Role, Store } from '../store/store.ts';
import { publishRoster } from '../use-cases/publish-roster.ts';
import { seedDemoCampaigns } from './demo-campaigns.ts';
import { seedDemoCertification } from './demo-certification.ts';

export const DEMO_PASSWORD = 'demo-pass-2026';
export const DEMO_ORGANIZATION = { id: 'demo-org', name: 'Lycée de démonstration', uai: '0000000A' } as const;
export const DEMO_ACCOUNTS: readonly { email: string; role: Role; firstName: string; lastName: string }[] = [
  { email: 'admin@demo.local', role: 'admin', firstName: 'Alice', lastName: 'Admin' },
  { email: 'enseignant@demo.local', role: 'member', firstName: 'Émile', lastName: 'Enseignant' },
  { email: 'surveillant@demo.local', role: 'invigilator', firstName: 'Sarah', lastName: 'Surveillant' },
];
export const DEMO_CLASS = '2NDE A';

/** [LAST NAME, First name, birth date yyyy-mm-dd]: 25 learners of 2NDE A. */
const DEMO_LEARNERS: readonly [string, string, string][] = [
  ['MARTIN', 'Camille', '2010-03-14'],
  ['BERNARD', 'Lucas', '2010-01-22'],
  ['DUBOIS', 'Léa', '2010-07-05'],
  ['THOMAS', 'Hugo', '2009-11-30'],
  ['ROBERT', 'Chloé', '2010-05-18'],
  ['RICHARD', 'Nathan', '2010-02-09'],
  ['PETIT', 'Manon', '2010-09-27'],
  ['DURAND', 'Enzo', '2010-04-03'],
  ['LEROY', 'Inès', '2010-12-12'],
  ['MOREAU', 'Louis', '2010-06-21'],
  ['SIMON', 'Jade', '2010-08-08'],
  ['LAURENT', 'Gabriel', '2010-10-15'],
  ['LEFEBVRE', 'Louise', '2010-03-01'],
  ['MICHEL', 'Raphaël', '2009-12-24'],
  ['GARCIA', 'Zoé', '2010-01-11'],
  ['DAVID', 'Arthur', '2010-07-29'],
  ['BERTRAND', 'Emma', '2010-05-06'],
  ['ROUX', 'Jules', '2010-02-17'],
  ['VINCENT', 'Lina', '2010-11-02'],
  ['FOURNIER', 'Adam', '2010-08-23'],
  ['MOREL', 'Alice', '2010-04-26'],
  ["N'DIAYE", 'Moussa', '2010-06-10'],
  ['GIRARD', 'Sacha', '2010-09-04'],
  ['ANDRÉ', 'Élise', '2010-10-31'],
  ['ÇELIK', 'Emre', '2009-12-15'],
];

export function demoLearners(now: number): Learner[] {
  return DEMO_LEARNERS.map(([lastName, firstName, birthDate], i) => ({
    id: `demo-learner-${String(i + 1).padStart(2, '0')}`,
    organizationId: DEMO_ORGANIZATION.id,
    lastName,
    firstName,
    className: DEMO_CLASS,
    birthDate,
    nationalId: null,
    active: true,
    updatedAt: now,
  }));
}

/** The demo accounts share one published password: hash it once per process (scrypt is deliberately slow). */
let demoPasswordHash: Promise<string> | undefined;

/** With the shipped pack, also the demo campaigns (demo-campaigns.ts); tests that need no campaign pass none. */
export async function seedDemoSchool(store: Store, now: number, pack: ContentPack | null = null): Promise<void> {
  demoPasswordHash ??= hashPassword(DEMO_PASSWORD);
  await store.createOrganization({ ...DEMO_ORGANIZATION, createdAt: now });
  for (const [i, account] of DEMO_ACCOUNTS.entries()) {
    await store.createUser({
      id: `demo-user-${i + 1}`,
      organizationId: DEMO_ORGANIZATION.id,
      email: account.email,
      firstName: account.firstName,
      lastName: account.lastName,
      passwordHash: await demoPasswordHash,
      roles: [account.role],
      createdAt: now,
    });
  }
  await publishRoster(store, DEMO_ORGANIZATION.id, demoLearners(now), now);
  await seedDemoCampaigns(store, DEMO_ORGANIZATION.id, pack, now);
  await seedDemoCertification(store, DEMO_ORGANIZATION.id, demoLearners(now), pack, now);
}
