/**
 * The order in which a learner's log makes their profile ([PROFILE-1], [PROFILE-2]): campaign and competence
 * assessments by start, with competence resets ([RETRY-4]) placed by their date; certification answers stay out.
 * replayProfile (knowledge/replay-profile.ts) then folds the steps.
 */
import type { AssessmentKind } from '../sync/documents.ts';
import { compareIds } from '../content/pack-index.ts';
import type { ReplayedAnswer } from '../knowledge/compute-knowledge-elements.ts';
import type { ProfileStep } from '../knowledge/replay-profile.ts';
import { orderAssessmentAnswers } from '../knowledge/replay-order.ts';
import type { CompetenceId } from '../referential.ts';

export interface ProfileAssessment {
  id: string;
  kind: AssessmentKind;
  /** ms since epoch. */
  startedAt: number;
  answers: readonly (ReplayedAnswer & { index: number })[];
}

export interface ProfileReset {
  id: string;
  competenceId: CompetenceId;
  /** ms since epoch. */
  at: number;
}

type Timed = { at: number; id: string; step: ProfileStep; rank: number };

export function profileSteps(assessments: readonly ProfileAssessment[], resets: readonly ProfileReset[]): ProfileStep[] {
  const timed: Timed[] = [
    // [PROFILE-2] A certification measures; it does not teach the profile anything.
    ...assessments
      .filter((a) => a.kind !== 'certification')
      .map((a) => ({ at: a.startedAt, id: a.id, rank: 0, step: { kind: 'assessment' as const, answers: orderAssessmentAnswers(a.answers) } })),
    ...resets.map((r) => ({ at: r.at, id: r.id, rank: 1, step: { kind: 'reset' as const, competenceId: r.competenceId } })),
  ];
  // [PROFILE-1] By date; an assessment started at the very moment of a reset counts before it; then by id.
  timed.sort((a, b) => a.at - b.at || a.rank - b.rank || compareIds(a.id, b.id));
  return timed.map((t) => t.step);
}
