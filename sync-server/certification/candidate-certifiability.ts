/**
 * [CERT-5] Whether a candidate may take the certification: computed by the relay from the learner's own answers,
 * never from a figure a client sent. Every campaign and competence test of the learner (shared or not: the profile
 * is the learner's, what they send to a teacher is another matter) is re-checked with src/core, replayed in start
 * order into a profile ([PROFILE-1]) and scored with the pack of the latest test; certifiable = at least 5
 * competences at level 1 or more ([SCORE-5]).
 */
import { compareIds } from '../../src/core/content/pack-index.ts';
import { replayProfile } from '../../src/core/knowledge/replay-profile.ts';
import type { ProfileStep } from '../../src/core/knowledge/replay-profile.ts';
import { recheckAnswers } from '../../src/core/results/recheck-answers.ts';
import { scoreProfile } from '../../src/core/scoring/score-profile.ts';
import type { AnswerDocument, AssessmentDocument } from '../../src/core/sync/documents.ts';
import type { ContentLibrary } from '../content/content-library.ts';
import type { Store } from '../store/store.ts';

export interface CandidateCertifiability {
  certifiable: boolean;
  /** Competences at level 1 or more. */
  competenceCount: number;
}

const PAGE = 1000;

async function learnerTests(store: Store, organizationId: string, learnerId: string): Promise<AssessmentDocument[]> {
  const tests: AssessmentDocument[] = [];
  for (let afterSeq = 0; ; ) {
    const page = await store.pullDocuments({ collection: 'assessments', organizationId, learnerId, afterSeq, limit: PAGE });
    for (const doc of page) {
      const body = doc.body as unknown as AssessmentDocument;
      if (!doc.deleted && body.kind !== 'certification' && body.learnerId === learnerId) tests.push(body);
    }
    if (page.length < PAGE) return tests;
    afterSeq = page[page.length - 1]?.seq ?? afterSeq;
  }
}

export async function certifiabilityOf(store: Store, library: ContentLibrary, organizationId: string, learnerId: string): Promise<CandidateCertifiability> {
  const tests = await learnerTests(store, organizationId, learnerId);
  if (tests.length === 0) return { certifiable: false, competenceCount: 0 };
  tests.sort((a, b) => a.startedAt - b.startedAt || compareIds(a.id, b.id));
  const latest = await library.forOrganization(organizationId, tests[tests.length - 1]?.contentVersion ?? '');
  if (!latest) return { certifiable: false, competenceCount: 0 };
  const answers = (await store.getChildDocuments(organizationId, 'answers', tests.map((t) => t.id))).map((d) => d.body as unknown as AnswerDocument);
  const steps: ProfileStep[] = [];
  for (const test of tests) {
    const content = await library.forOrganization(organizationId, test.contentVersion);
    if (!content) continue;
    // [STORE-SCOPE-2] only the learner's own answers count.
    const own = answers.filter((a) => a.assessmentId === test.id && a.learnerId === learnerId);
    const rechecked = recheckAnswers(content.index, test.kind, own).filter((a) => a.known);
    steps.push({ kind: 'assessment', answers: rechecked.map(({ id, assessmentId, challengeId, result }) => ({ id, assessmentId, challengeId, result })) });
  }
  const profile = scoreProfile(latest.index, replayProfile(latest.index, steps));
  return { certifiable: profile.certifiable, competenceCount: profile.certifiableCompetenceCount };
}
