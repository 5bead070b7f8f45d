/**
 * The demo school's certification: a session for today with its invigilator (surveillant@demo.local), and six
 * learners of 2NDE A enrolled as its candidates, MARTIN Camille first. Their profiles make them certifiable because
 * they answered: competence tests played by the real engine (engine-played-logs.ts), right up to level 3, stored as
 * the documents a lab machine would have pushed. Nobody writes a level: the relay computes it from these answers.
 */
import { buildPackIndex } from '../../src/core/content/pack-index.ts';
import type { ContentPack } from '../../src/core/content/types.ts';
import { createFlashBank } from '../../src/core/flash/flash-bank.ts';
import type { FlashBank } from '../../src/core/flash/flash-bank.ts';
import { flashItemsFromPack } from '../../src/core/flash/content-pack-items.ts';
import type { EngineContent } from '../../src/core/replay/choose-next.ts';
import type { CompetenceId } from '../../src/core/referential.ts';
import type { CertificationCandidate } from '../../src/core/sync/documents.ts';
import { insertSession } from '../certification/session-documents.ts';
import type { Learner, Store } from '../store/store.ts';
import { competenceUpToLevel } from './engine-played-logs.ts';
import type { PlayedTest } from './engine-played-logs.ts';

export const DEMO_SESSION = {
  id: 'demo-session-1',
  accessCode: 'CERT42',
  invigilatorPassword: 'SURV23',
  room: 'Salle informatique B12',
  address: '1 rue de la République, 75011 Paris',
  time: '09:00',
  examiner: 'Sarah Surveillant',
  description: 'Session de démonstration',
} as const;

/** The first six learners of 2NDE A (MARTIN Camille is the first). */
export const DEMO_CANDIDATE_COUNT = 6;
/** Six competences answered up to level 3: one more than the five certifiability asks. */
const DEMO_COMPETENCES: readonly CompetenceId[] = ['1.1', '2.1', '3.1', '4.1', '5.1', '1.2'];
const DEMO_LEVEL = 3;
const DEMO_DEVICE = 'demo-poste-1';

/** The day `now` is in Paris, yyyy-mm-dd: "today" for a school in France, whatever the relay's zone. */
export function parisDay(now: number): string {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date(now)).map((p) => [p.type, p.value]));
  return `${parts.year ?? ''}-${parts.month ?? ''}-${parts.day ?? ''}`;
}

function engineContent(pack: ContentPack): EngineContent {
  let bank: FlashBank | undefined;
  return { version: pack.version, index: buildPackIndex(pack), flashBank: () => (bank ??= createFlashBank(flashItemsFromPack(pack))) };
}

/** Stores played tests as a lab machine's pushes would have: assessments, then their answers under them. */
export async function storePlayedTests(store: Store, organizationId: string, tests: readonly PlayedTest[], now: number): Promise<void> {
  const assessments = tests.map((t) => t.assessment);
  await store.writeDocuments({
    collection: 'assessments',
    organizationId,
    ids: assessments.map((a) => a.id),
    now,
    decide: () => ({ writes: assessments.map((a) => ({ id: a.id, learnerId: a.learnerId, parentId: null, deleted: false, body: { ...a } })), conflicts: [] }),
  });
  const answers = tests.flatMap((t) => t.answers);
  await store.writeDocuments({
    collection: 'answers',
    organizationId,
    ids: answers.map((a) => a.id),
    now,
    decide: () => ({ writes: answers.map((a) => ({ id: a.id, learnerId: a.learnerId, parentId: a.assessmentId, deleted: false, body: { ...a } })), conflicts: [] }),
  });
}

export async function seedDemoCertification(store: Store, organizationId: string, learners: readonly Learner[], pack: ContentPack | null, now: number): Promise<void> {
  const candidates = learners.slice(0, DEMO_CANDIDATE_COUNT);
  if (pack) {
    const content = engineContent(pack);
    const tests = candidates.flatMap((learner, l) =>
      DEMO_COMPETENCES.map((competenceId, c) =>
        competenceUpToLevel(content, {
          id: `demo-profile-${learner.id}-${competenceId}`,
          learnerId: learner.id,
          competenceId,
          level: DEMO_LEVEL,
          // A week ago, one test after the other: the profile replays in start order.
          startedAt: now - 7 * 86_400_000 + (l * DEMO_COMPETENCES.length + c) * 3_600_000,
          deviceId: DEMO_DEVICE,
        }),
      ),
    );
    await storePlayedTests(store, organizationId, tests, now);
  }
  await store.certification.saveSessionSecret({ organizationId, sessionId: DEMO_SESSION.id, accessCode: DEMO_SESSION.accessCode, invigilatorPassword: DEMO_SESSION.invigilatorPassword, createdAt: now });
  const enrolled: CertificationCandidate[] = candidates.map((learner, i) => ({
    id: `demo-candidate-${i + 1}`,
    learnerId: learner.id,
    lastName: learner.lastName,
    firstName: learner.firstName,
    birthplace: 'Paris',
    extraTimePercent: i === 1 ? 33 : 0,
    externalId: '',
    accessibilityNeeds: '',
    addedAt: now,
  }));
  await insertSession(
    store,
    {
      id: DEMO_SESSION.id,
      _deleted: false,
      organizationId,
      room: DEMO_SESSION.room,
      address: DEMO_SESSION.address,
      date: parisDay(now),
      time: DEMO_SESSION.time,
      examiner: DEMO_SESSION.examiner,
      description: DEMO_SESSION.description,
      accessCode: DEMO_SESSION.accessCode,
      status: 'created',
      createdAt: now,
      createdBy: 'demo-user-3',
      candidates: enrolled,
      finalisedAt: null,
      finalisation: null,
      processedAt: null,
    },
    now,
    () => undefined,
  );
}
