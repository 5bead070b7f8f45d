/**
 * "Certifiable" / "Non certifiable" / "Non communiqué" in the teacher's list of students ([LEARNERS-4]). A teacher
 * sees a student's results only once the student sent them ("J'envoie mes résultats"), so the profile counted
 * here is made of the student's shared tests only: their answers, as the relay re-checked them, replayed in start
 * order ([PROFILE-1]), scored ([SCORE-4]) and judged certifiable ([SCORE-5]: at least 5 competences at level 1).
 * A student who shared nothing is "Non communiqué".
 */
import { replayProfile } from '../../src/core/knowledge/replay-profile.ts';
import type { ProfileStep } from '../../src/core/knowledge/replay-profile.ts';
import type { ReplayedAnswer } from '../../src/core/knowledge/compute-knowledge-elements.ts';
import { compareIds } from '../../src/core/content/pack-index.ts';
import { scoreProfile } from '../../src/core/scoring/score-profile.ts';
import { ANSWER_RESULTS } from '../../src/core/content/types.ts';
import type { AnswerResult } from '../../src/core/content/types.ts';
import type { ContentLibrary } from '../content/content-library.ts';
import type { Store } from '../store/store.ts';

export const CERTIFIABILITIES = ['certifiable', 'not-certifiable', 'unknown'] as const;
export type Certifiability = (typeof CERTIFIABILITIES)[number];

const PAGE = 1000;

interface SharedTest {
  id: string;
  learnerId: string;
  startedAt: number;
  contentVersion: string;
}

/** Learner id → certifiability, for the learners who shared a test; the others are 'unknown'. */
export async function certifiabilityByLearner(store: Store, library: ContentLibrary, organizationId: string): Promise<Map<string, Certifiability>> {
  const tests = await sharedTests(store, organizationId);
  const byLearner = new Map<string, SharedTest[]>();
  for (const test of tests) byLearner.set(test.learnerId, [...(byLearner.get(test.learnerId) ?? []), test]);
  const results = new Map((await store.getAssessmentResults(organizationId, tests.map((t) => t.id))).map((r) => [r.assessmentId, r.body]));
  const certifiability = new Map<string, Certifiability>();
  for (const [learnerId, own] of byLearner) {
    own.sort((a, b) => a.startedAt - b.startedAt || compareIds(a.id, b.id));
    // Scored with the pack of the latest test: the profile a student has now.
    const content = await library.forOrganization(organizationId, own[own.length - 1]?.contentVersion ?? '');
    if (!content) continue;
    const steps: ProfileStep[] = own.map((test) => ({ kind: 'assessment', answers: recheckedAnswers(test.id, results.get(test.id)) }));
    const profile = scoreProfile(content.index, replayProfile(content.index, steps));
    certifiability.set(learnerId, profile.certifiable ? 'certifiable' : 'not-certifiable');
  }
  return certifiability;
}

/** The organisation's campaign and competence tests the student shared, read page by page. */
async function sharedTests(store: Store, organizationId: string): Promise<SharedTest[]> {
  const shared: SharedTest[] = [];
  for (let afterSeq = 0; ; ) {
    const page = await store.pullDocuments({ collection: 'assessments', organizationId, afterSeq, limit: PAGE });
    for (const doc of page) {
      const { state, kind, learnerId, startedAt, contentVersion } = doc.body;
      if (doc.deleted || state !== 'shared' || kind === 'certification') continue;
      if (typeof learnerId !== 'string' || typeof startedAt !== 'number' || typeof contentVersion !== 'string') continue;
      shared.push({ id: doc.id, learnerId, startedAt, contentVersion });
    }
    if (page.length < PAGE) return shared;
    afterSeq = page[page.length - 1]?.seq ?? afterSeq;
  }
}

/** The answers of a stored result, in its replay order, with the relay's own verdicts (never the machine's). */
function recheckedAnswers(assessmentId: string, body: Record<string, unknown> | undefined): ReplayedAnswer[] {
  const answers = body?.answers;
  if (!Array.isArray(answers)) return [];
  return answers.flatMap((answer: unknown): ReplayedAnswer[] => {
    if (typeof answer !== 'object' || answer === null) return [];
    const { id, challengeId, result } = answer as Record<string, unknown>;
    if (typeof id !== 'string' || typeof challengeId !== 'string' || !isAnswerResult(result)) return [];
    return [{ id, assessmentId, challengeId, result }];
  });
}

function isAnswerResult(value: unknown): value is AnswerResult {
  return ANSWER_RESULTS.some((result) => result === value);
}
