/**
 * The profile screen's data, computed from the learner's whole log on this machine: the 16 competences with pix
 * and level ([PROFILE-1], [SCORE-4]), certifiability ([SCORE-5]), where competence training stands ([TRAIN-1]),
 * whether each competence can be reset ([RETRY-4]), and the tutorials saved ([PROFILE-3]).
 */
import type { Answer } from '../../src/core/answers/types.ts';
import { competenceResetStatus, lastAnswerAt } from '../../src/core/campaign/competence-reset.ts';
import type { ResetStatus } from '../../src/core/campaign/competence-reset.ts';
import type { Tutorial } from '../../src/core/content/types.ts';
import { replayProfile } from '../../src/core/knowledge/replay-profile.ts';
import { profileSteps } from '../../src/core/profile/profile-steps.ts';
import type { ProfileReset } from '../../src/core/profile/profile-steps.ts';
import { savedTutorialMarks } from '../../src/core/profile/saved-tutorials.ts';
import { isCompetenceId } from '../../src/core/referential.ts';
import type { CompetenceId, DomainId } from '../../src/core/referential.ts';
import { scoreProfile } from '../../src/core/scoring/score-profile.ts';
import type { AnswerDocument, AssessmentDocument, LearnerEventDocument } from '../../src/core/sync/documents.ts';
import type { LoadedContent } from '../content/content-cache.ts';
import { competenceTraining, lastResetAt } from './competence-training.ts';
import type { TrainingState } from './competence-training.ts';

export type CompetenceResetStatus = ResetStatus | { allowed: false; reason: 'in-progress' };

export interface CompetenceProfile {
  competenceId: CompetenceId;
  domainId: DomainId;
  pix: number;
  level: number;
  training: TrainingState;
  reset: CompetenceResetStatus;
}

export interface SavedTutorial {
  id: string;
  title: string;
  source: string;
  format: Tutorial['format'];
  durationMinutes: number;
  link: string | null;
  useful: boolean;
  savedAt: number | null;
}

export interface LearnerProfile {
  competences: CompetenceProfile[];
  totalPix: number;
  maxPix: number;
  levelCap: number;
  certifiable: boolean;
  certifiableCompetenceCount: number;
  tutorials: SavedTutorial[];
}

export interface LearnerLog {
  assessments: readonly AssessmentDocument[];
  answers: ReadonlyMap<string, readonly AnswerDocument[]>;
  events: readonly LearnerEventDocument[];
}

/** [RETRY-4] Resettable 7 days after the competence's last answer since its previous reset; never while training. */
export function resetStatusOf(content: LoadedContent, log: LearnerLog, competenceId: CompetenceId, training: TrainingState, now: number): CompetenceResetStatus {
  if (training.state === 'started') return { allowed: false, reason: 'in-progress' };
  const since = lastResetAt(log.events, competenceId) ?? -Infinity;
  const answers: Pick<Answer, 'challengeId' | 'answeredAt'>[] = [];
  for (const assessment of log.assessments) {
    if (assessment.kind === 'certification') continue;
    for (const answer of log.answers.get(assessment.id) ?? []) if (answer.answeredAt > since) answers.push(answer);
  }
  return competenceResetStatus(lastAnswerAt(content.index, answers, competenceId), now);
}

export function learnerProfile(content: LoadedContent, log: LearnerLog, now: number): LearnerProfile {
  const resets: ProfileReset[] = log.events.flatMap((e) =>
    e.kind === 'competence-reset' && e.competenceId !== null && isCompetenceId(e.competenceId) ? [{ id: e.id, competenceId: e.competenceId, at: e.at }] : [],
  );
  const steps = profileSteps(
    log.assessments.map((a) => ({ id: a.id, kind: a.kind, startedAt: a.startedAt, answers: log.answers.get(a.id) ?? [] })),
    resets,
  );
  const score = scoreProfile(content.index, replayProfile(content.index, steps));
  return {
    competences: score.competences.map((c) => {
      const training = competenceTraining(log.assessments, log.events, c.competenceId);
      return { competenceId: c.competenceId, domainId: c.domainId, pix: c.pix, level: c.level, training, reset: resetStatusOf(content, log, c.competenceId, training, now) };
    }),
    totalPix: score.totalPix,
    maxPix: score.maxPix,
    levelCap: score.levelCap,
    certifiable: score.certifiable,
    certifiableCompetenceCount: score.certifiableCompetenceCount,
    tutorials: savedTutorials(content, log.events),
  };
}

/** [PROFILE-3] The tutorials saved, most recent first, with what the pack says of them (those it no longer has are left out). */
export function savedTutorials(content: LoadedContent, events: readonly LearnerEventDocument[]): SavedTutorial[] {
  const tutorialsById = new Map(content.pack.tutorials.map((t) => [t.id, t]));
  return savedTutorialMarks(events).flatMap((mark) => {
    const tutorial = tutorialsById.get(mark.tutorialId);
    if (!tutorial) return [];
    return [{ id: tutorial.id, title: tutorial.title, source: tutorial.source, format: tutorial.format, durationMinutes: tutorial.durationMinutes, link: tutorial.link ?? null, useful: mark.useful, savedAt: mark.savedAt }];
  });
}
