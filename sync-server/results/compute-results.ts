/**
 * A test's results as the relay stores them (ARCHITECTURE.md: the relay never trusts results computed on a
 * client). The assembly is src/core's `testResults`, the one the lab machine shows ([RESULTS-1]); this file only
 * says what the relay hands it: its own copy of the pack of the test's version, or nothing when it has none.
 */
import { testResults, unknownContentResults } from '../../src/core/results/test-results.ts';
import type { TestResults } from '../../src/core/results/test-results.ts';
import type { AnswerDocument, AssessmentDocument } from '../../src/core/sync/documents.ts';
import type { RelayContent } from '../content/content-library.ts';

/** The stored body of a result. */
export type ComputedResults = TestResults;

/**
 * `content` is the pack of the assessment's own version, or null when the relay does not hold it: then the test is
 * kept unscored ([RESULTS-5]), never scored with another pack.
 */
export function computeResults(content: RelayContent | null, assessment: AssessmentDocument, answers: readonly AnswerDocument[], campaignTargets: readonly string[] | null): ComputedResults {
  if (content === null || content.version !== assessment.contentVersion) return unknownContentResults(assessment, answers.length);
  return testResults({ content, assessment: recordedBefore(assessment), answers: answers.map(flagRecordedBefore), campaignTargetSkillIds: campaignTargets });
}

/**
 * Documents stored before the replay fields existed ([REPLAY-1], [REPLAY-2]) lack them: read as no prior-seen list
 * and as chosen online (what the relay used to assume), so one old document cannot stop an organisation's
 * recomputation. Pushes always carry both now (the push schemas require them).
 */
function recordedBefore(assessment: AssessmentDocument): AssessmentDocument {
  return Array.isArray(assessment.priorChallengeIds) ? assessment : { ...assessment, priorChallengeIds: [] };
}

function flagRecordedBefore(answer: AnswerDocument): AnswerDocument {
  return typeof answer.online === 'boolean' ? answer : { ...answer, online: true };
}
