/**
 * A test's results from its content and its answer log ([RESULTS-1]): the one assembly the lab machine shows and
 * the relay stores. Each answer is re-checked ([RESULTS-2]); answers on challenges the pack does not have are
 * listed and settle nothing ([RESULTS-3]); the choices are replayed and a log that differs is flagged, never
 * rescored ([RESULTS-4]); then knowledge elements and participation results, or the certification score.
 */
import { participationResults } from '../campaign/participation-results.ts';
import type { ParticipationResults } from '../campaign/participation-results.ts';
import { scoreCertification } from '../flash/certification.ts';
import type { CertificationResult } from '../flash/certification.ts';
import { computeKnowledgeElements } from '../knowledge/compute-knowledge-elements.ts';
import type { KnowledgeElement } from '../knowledge/knowledge-element.ts';
import { frozenCarriedOver } from '../replay/carried-over.ts';
import type { EngineContent } from '../replay/choose-next.ts';
import { replayAssessment } from '../replay/replay-assessment.ts';
import type { ReplayCheck } from '../replay/replay-assessment.ts';
import type { AssessmentDocument } from '../sync/documents.ts';
import { recheckAnswers } from './recheck-answers.ts';
import type { RecheckedAnswer, RecordedAnswer } from './recheck-answers.ts';
import { testTargetSkillIds } from './test-target.ts';

export type ResultsAssessment = Pick<AssessmentDocument, 'id' | 'kind' | 'competenceId' | 'state' | 'sharedAt' | 'contentVersion' | 'priorChallengeIds' | 'carriedOver'>;

export interface TestResultsInput {
  content: EngineContent;
  assessment: ResultsAssessment;
  /** The answer log, any order. */
  answers: readonly RecordedAnswer[];
  /** A campaign's target skills (its campaign document); null for other kinds or a campaign not held. */
  campaignTargetSkillIds: readonly string[] | null;
}

export type TestOutcome =
  | { participation: ParticipationResults; knowledgeElements: KnowledgeElement[] }
  | { certification: CertificationResult };

/** What every result says of its test, scored or not. */
interface ResultsHeader {
  kind: AssessmentDocument['kind'];
  state: AssessmentDocument['state'];
  sharedAt: number | null;
  contentVersion: string;
}

export interface ScoredTestResults extends ResultsHeader {
  status: 'scored';
  answers: RecheckedAnswer[];
  /** Challenge ids of answers the pack does not have (failures that settle nothing). */
  unknownChallenges: string[];
  /** [RESULTS-4] Whether the log's challenges are the engine's choices. */
  replay: ReplayCheck;
  results: TestOutcome;
}

/** [RESULTS-5] The relay does not hold the test's pack: kept as it is, never scored with another pack. */
export interface UnknownContentResults extends ResultsHeader {
  status: 'unknown-content';
  answerCount: number;
}

export type TestResults = ScoredTestResults | UnknownContentResults;

function header(assessment: ResultsAssessment): ResultsHeader {
  return { kind: assessment.kind, state: assessment.state, sharedAt: assessment.sharedAt, contentVersion: assessment.contentVersion };
}

export function testResults({ content, assessment, answers: recorded, campaignTargetSkillIds }: TestResultsInput): ScoredTestResults {
  const { index } = content;
  const answers = recheckAnswers(index, assessment.kind, recorded);
  const known = answers.filter((answer) => answer.known);
  const targetSkillIds = testTargetSkillIds(index, assessment, campaignTargetSkillIds);
  const { check } = replayAssessment({ content, assessment, targetSkillIds, answers });
  const base = {
    status: 'scored' as const,
    ...header(assessment),
    answers,
    unknownChallenges: answers.filter((answer) => !answer.known).map((answer) => answer.challengeId),
    replay: check,
  };
  if (assessment.kind === 'certification') {
    // [RESULTS-6] Positions a candidate abort fills in are chosen with the last recorded flag (offline if none).
    const online = answers.at(-1)?.online ?? false;
    return { ...base, results: { certification: scoreCertification({ bank: content.flashBank(), seed: assessment.id, online }, known) } };
  }
  // [REPLAY-5] A retry's results start from the knowledge frozen on it, as its choices did.
  const knowledge = computeKnowledgeElements({ index, answers: known, initial: frozenCarriedOver(assessment) });
  const participation = participationResults({ index, targetSkillIds, knowledge, finished: assessment.state !== 'started' });
  return { ...base, results: { participation, knowledgeElements: [...knowledge.values()] } };
}

export function unknownContentResults(assessment: ResultsAssessment, answerCount: number): UnknownContentResults {
  return { status: 'unknown-content', ...header(assessment), answerCount };
}
