/**
 * The student's profile ("Mon profil"): computed here from their whole log on this machine, and "Remettre à zéro"
 * on a competence ([RETRY-4]), recorded as an event the profile replays ([PROFILE-1]).
 */
import { isCompetenceId } from '../../src/core/referential.ts';
import type { LoadedContent } from '../content/content-cache.ts';
import type { LabRuntime } from '../runtime/lab-runtime.ts';
import { NOT_SIGNED_IN } from '../session/learner-session.ts';
import type { LearnerSession, SessionRefusal } from '../session/learner-session.ts';
import { appendEvent } from '../student/append-event.ts';
import { competenceTraining } from '../student/competence-training.ts';
import { answersOf, learnerAssessments, learnerEvents } from '../student/learner-log.ts';
import { learnerProfile, resetStatusOf } from '../student/learner-profile.ts';
import type { CompetenceResetStatus, LearnerLog, LearnerProfile } from '../student/learner-profile.ts';

export type ResetOutcome = { ok: true } | SessionRefusal | { ok: false; reason: 'unknown-competence' | 'no-content' } | { ok: false; reason: 'refused'; status: Exclude<CompetenceResetStatus, { allowed: true }> };

export interface ProfileHandlers {
  profile(): Promise<{ ok: true; profile: LearnerProfile } | SessionRefusal | { ok: false; reason: 'no-content' }>;
  resetCompetence(input: { competenceId: string }): Promise<ResetOutcome>;
}

export function createProfileHandlers(runtime: LabRuntime, session: LearnerSession, loadContent: () => Promise<LoadedContent | null>): ProfileHandlers {
  async function logOf(learnerId: string): Promise<LearnerLog> {
    const db = await runtime.db();
    const assessments = await learnerAssessments(db, learnerId);
    return { assessments, answers: await answersOf(db, assessments.map((a) => a.id)), events: await learnerEvents(db, learnerId) };
  }

  return {
    async profile() {
      const learner = session.current();
      if (!learner) return NOT_SIGNED_IN;
      const content = await loadContent().catch(() => null);
      if (!content) return { ok: false, reason: 'no-content' };
      return { ok: true, profile: learnerProfile(content, await logOf(learner.id), runtime.now()) };
    },

    async resetCompetence({ competenceId }) {
      const learner = session.current();
      if (!learner) return NOT_SIGNED_IN;
      if (!isCompetenceId(competenceId)) return { ok: false, reason: 'unknown-competence' };
      const content = await loadContent().catch(() => null);
      if (!content) return { ok: false, reason: 'no-content' };
      const log = await logOf(learner.id);
      const status = resetStatusOf(content, log, competenceId, competenceTraining(log.assessments, log.events, competenceId), runtime.now());
      // [RETRY-4] Refused with the reason (and the date it becomes possible); nothing written.
      if (!status.allowed) return { ok: false, reason: 'refused', status };
      await appendEvent(runtime, { kind: 'competence-reset', learnerId: learner.id, competenceId });
      return { ok: true };
    },
  };
}
