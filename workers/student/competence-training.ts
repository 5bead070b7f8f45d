/**
 * Competence training outside campaigns ([TRAIN-1], [TRAIN-2]): where a learner stands on one competence, from
 * their assessments and resets. Once a competence was assessed, only "Remettre à zéro" (7 days after its last
 * answer, [RETRY-4]) opens a new assessment of it.
 */
import type { AssessmentDocument, LearnerEventDocument } from '../../src/core/sync/documents.ts';

export type TrainingState =
  | { state: 'none' }
  | { state: 'started'; assessmentId: string }
  | { state: 'completed'; assessmentId: string };

/** When the competence was last reset (ms since epoch), or undefined. */
export function lastResetAt(events: readonly Pick<LearnerEventDocument, 'kind' | 'competenceId' | 'at'>[], competenceId: string): number | undefined {
  let last: number | undefined;
  for (const e of events) if (e.kind === 'competence-reset' && e.competenceId === competenceId && (last === undefined || e.at > last)) last = e.at;
  return last;
}

export function competenceTraining(
  assessments: readonly Pick<AssessmentDocument, 'id' | 'kind' | 'competenceId' | 'state' | 'startedAt'>[],
  events: readonly Pick<LearnerEventDocument, 'kind' | 'competenceId' | 'at'>[],
  competenceId: string,
): TrainingState {
  const resetAt = lastResetAt(events, competenceId) ?? -Infinity;
  const since = assessments
    .filter((a) => a.kind === 'competence' && a.competenceId === competenceId && a.startedAt > resetAt)
    .sort((a, b) => a.startedAt - b.startedAt);
  // [TRAIN-2] One started at a time: "Reprendre" continues it.
  const started = since.find((a) => a.state === 'started');
  if (started) return { state: 'started', assessmentId: started.id };
  const done = since.at(-1);
  return done ? { state: 'completed', assessmentId: done.id } : { state: 'none' };
}
