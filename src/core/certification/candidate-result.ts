/**
 * A candidate's certification result from the answer log alone ([CERT-8] … [CERT-10]). The log is re-checked and
 * replayed by src/core's `testResults` (the assembly the relay stores for every test); a log whose challenges are
 * not the engine's choices is flagged for review and never rescored ([RESULTS-4]). An honest log is scored with the
 * abort reason recorded at finalisation: a candidate abort scores the missing answers as skipped, a technical abort
 * below 20 answers cancels ([FLASH-16] … [FLASH-18]).
 */
import { scoreCertification } from '../flash/certification.ts';
import type { CertificationResult } from '../flash/certification.ts';
import type { EngineContent } from '../replay/choose-next.ts';
import type { ReplayCheck } from '../replay/replay-assessment.ts';
import type { RecordedAnswer } from '../results/recheck-answers.ts';
import { testResults } from '../results/test-results.ts';
import type { AssessmentDocument, CertificationAbortReason } from '../sync/documents.ts';

export type CandidateOutcome =
  /** The candidate has no certification test in this session. */
  | { status: 'not-taken' }
  /** The relay does not hold the pack the test ran on ([RESULTS-5]). */
  | { status: 'unknown-content'; answerCount: number }
  /** [CERT-9] The log is not what the engine would have asked: kept for review, no score. */
  | { status: 'flagged'; answerCount: number; replay: Extract<ReplayCheck, { matches: false }> }
  | { status: 'cancelled'; reason: 'technical-abort' | 'too-few-answers'; answerCount: number }
  | {
      status: 'scored';
      score: number;
      level: number;
      competences: { competenceId: string; level: number }[];
      answerCount: number;
      skippedAfterAbort: number;
    };

export interface CandidateResultInput {
  /** The pack of the test's own version, or null when the relay does not hold it. */
  content: EngineContent | null;
  assessment: AssessmentDocument | null;
  answers: readonly RecordedAnswer[];
  abortReason: CertificationAbortReason | null;
}

function fromScore(result: CertificationResult): CandidateOutcome {
  if (result.status === 'cancelled') return { status: 'cancelled', reason: result.reason, answerCount: result.answerCount };
  return {
    status: 'scored',
    score: result.score,
    level: result.level,
    competences: result.competences.map(({ competenceId, level }) => ({ competenceId, level })),
    answerCount: result.answerCount,
    skippedAfterAbort: result.skippedAfterAbort,
  };
}

export function candidateResult({ content, assessment, answers, abortReason }: CandidateResultInput): CandidateOutcome {
  if (assessment === null) return { status: 'not-taken' };
  if (content === null || content.version !== assessment.contentVersion) return { status: 'unknown-content', answerCount: answers.length };
  const results = testResults({ content, assessment, answers, campaignTargetSkillIds: null });
  const known = results.answers.filter((answer) => answer.known);
  if (!results.replay.matches) return { status: 'flagged', answerCount: known.length, replay: results.replay };
  // [RESULTS-6] positions a candidate abort fills in are chosen with the last recorded flag (offline if none).
  const online = known.at(-1)?.online ?? false;
  return fromScore(scoreCertification({ bank: content.flashBank(), seed: assessment.id, online }, known, abortReason));
}
