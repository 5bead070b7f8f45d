/**
 * The Pix profile a student sent through a profiles collection ([CAMPAIGNS-PROFILE]): their campaign and competence
 * tests started by the time they sent it, replayed in start order with the competence resets made by then
 * ([PROFILE-1], [PROFILE-2]), each answer with the relay's own verdict ([RESULTS-2]), scored with the pack of their
 * latest test ([SCORE-4], [SCORE-5]). Sending the profile is the student's consent to show all of it.
 */
import { profileSteps } from '../../src/core/profile/profile-steps.ts';
import type { ProfileAssessment, ProfileReset } from '../../src/core/profile/profile-steps.ts';
import { replayProfile } from '../../src/core/knowledge/replay-profile.ts';
import { compareIds } from '../../src/core/content/pack-index.ts';
import { isCompetenceId } from '../../src/core/referential.ts';
import type { TestResults } from '../../src/core/results/test-results.ts';
import { scoreProfile } from '../../src/core/scoring/score-profile.ts';
import type { ProfileScore } from '../../src/core/scoring/score-profile.ts';
import type { AssessmentDocument, LearnerEventDocument } from '../../src/core/sync/documents.ts';
import type { ContentLibrary } from '../content/content-library.ts';
import type { Store, StoredDocument } from '../store/store.ts';

const PAGE = 1000;

async function learnerDocuments(store: Store, organizationId: string, learnerId: string, collection: string): Promise<StoredDocument[]> {
  const all: StoredDocument[] = [];
  for (let afterSeq = 0; ; ) {
    const page = await store.pullDocuments({ collection, organizationId, learnerId, afterSeq, limit: PAGE });
    all.push(...page.filter((d) => !d.deleted));
    if (page.length < PAGE) return all;
    afterSeq = page[page.length - 1]?.seq ?? afterSeq;
  }
}

export async function sharedProfile(store: Store, library: ContentLibrary, organizationId: string, learnerId: string, sharedAt: number): Promise<ProfileScore | null> {
  const tests = (await learnerDocuments(store, organizationId, learnerId, 'assessments'))
    .map((d) => d.body as unknown as AssessmentDocument)
    .filter((a) => a.kind !== 'certification' && a.startedAt <= sharedAt)
    .sort((a, b) => a.startedAt - b.startedAt || compareIds(a.id, b.id));
  const latest = tests.at(-1);
  const content = latest ? await library.forOrganization(organizationId, latest.contentVersion) : library.current ? await library.forVersion(library.current.version) : null;
  if (!content) return null;
  const results = new Map((await store.getAssessmentResults(organizationId, tests.map((t) => t.id))).map((r) => [r.assessmentId, r.body as unknown as TestResults]));
  const assessments: ProfileAssessment[] = tests.map((test) => {
    const result = results.get(test.id);
    const answers = result?.status === 'scored' ? result.answers.filter((a) => a.known).map((a) => ({ id: a.id, assessmentId: a.assessmentId, challengeId: a.challengeId, result: a.result, index: a.index })) : [];
    return { id: test.id, kind: test.kind, startedAt: test.startedAt, answers };
  });
  const resets: ProfileReset[] = (await learnerDocuments(store, organizationId, learnerId, 'events')).flatMap((d) => {
    const event = d.body as unknown as LearnerEventDocument;
    return event.kind === 'competence-reset' && event.competenceId !== null && isCompetenceId(event.competenceId) && event.at <= sharedAt
      ? [{ id: event.id, competenceId: event.competenceId, at: event.at }]
      : [];
  });
  return scoreProfile(content.index, replayProfile(content.index, profileSteps(assessments, resets)));
}
