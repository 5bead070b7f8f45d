/**
 * What a student records besides answers ([EVENT-1] … [EVENT-3], workers/SPEC.md): "Signaler un problème" on a
 * challenge, tutorials saved and marked "Tuto utile". Each is an event in the log, replicated to the relay.
 */
import { tutorialMarks } from '../../src/core/profile/saved-tutorials.ts';
import type { TutorialMark } from '../../src/core/profile/saved-tutorials.ts';
import { MAX_PROBLEM_COMMENT, PROBLEM_CATEGORIES } from '../../src/core/sync/documents.ts';
import type { ProblemCategory } from '../../src/core/sync/documents.ts';
import type { LoadedContent } from '../content/content-cache.ts';
import type { LabRuntime } from '../runtime/lab-runtime.ts';
import { NOT_SIGNED_IN, NOT_YOURS } from '../session/learner-session.ts';
import type { LearnerSession, SessionRefusal } from '../session/learner-session.ts';
import { appendEvent } from '../student/append-event.ts';
import { learnerEvents, ownAssessment } from '../student/learner-log.ts';
import { savedTutorials } from '../student/learner-profile.ts';
import type { SavedTutorial } from '../student/learner-profile.ts';

export interface ProblemReportInput {
  assessmentId: string;
  challengeId: string;
  category: string;
  comment?: string;
}

export type ProblemReportOutcome =
  | { ok: true; eventId: string }
  | SessionRefusal
  | { ok: false; reason: 'invalid-category' | 'comment-too-long' | 'unknown-assessment' };

export type TutorialOutcome = { ok: true } | SessionRefusal | { ok: false; reason: 'unknown-tutorial' | 'no-content' };

export interface EventHandlers {
  reportProblem(input: ProblemReportInput): Promise<ProblemReportOutcome>;
  /** Saves (or, with `saved: false`, removes) a tutorial from the learner's list. */
  saveTutorial(input: { tutorialId: string; saved: boolean }): Promise<TutorialOutcome>;
  /** "Tuto utile". */
  markTutorialUseful(input: { tutorialId: string }): Promise<TutorialOutcome>;
  savedTutorials(): Promise<{ ok: true; tutorials: SavedTutorial[] } | SessionRefusal | { ok: false; reason: 'no-content' }>;
  /** Saved and useful marks of every tutorial the learner touched, for the buttons beside tutorials. */
  tutorialMarks(): Promise<{ ok: true; marks: TutorialMark[] } | SessionRefusal>;
}

const isCategory = (value: string): value is ProblemCategory => (PROBLEM_CATEGORIES as readonly string[]).includes(value);

export function createEventHandlers(runtime: LabRuntime, session: LearnerSession, loadContent: () => Promise<LoadedContent | null>): EventHandlers {
  const content = () => loadContent().catch(() => null);

  /** [EVENT-2] A tutorial event is written only when it changes the learner's marks (a double click adds nothing). */
  async function markTutorial(tutorialId: string, kind: 'tutorial-saved' | 'tutorial-unsaved' | 'tutorial-useful'): Promise<TutorialOutcome> {
    const learner = session.current();
    if (!learner) return NOT_SIGNED_IN;
    const pack = await content();
    if (!pack) return { ok: false, reason: 'no-content' };
    if (!pack.pack.tutorials.some((t) => t.id === tutorialId)) return { ok: false, reason: 'unknown-tutorial' };
    const mark = tutorialMarks(await learnerEvents(await runtime.db(), learner.id)).get(tutorialId);
    const already = kind === 'tutorial-saved' ? mark?.saved === true : kind === 'tutorial-unsaved' ? mark?.saved !== true : mark?.useful === true;
    if (!already) await appendEvent(runtime, { kind, learnerId: learner.id, tutorialId });
    return { ok: true };
  }

  return {
    async reportProblem(input) {
      const learner = session.current();
      if (!learner) return NOT_SIGNED_IN;
      // [EVENT-1] Checked before anything is written: a known category, a bounded comment, the learner's own test.
      if (!isCategory(input.category)) return { ok: false, reason: 'invalid-category' };
      const comment = input.comment?.trim() ?? '';
      if (comment.length > MAX_PROBLEM_COMMENT) return { ok: false, reason: 'comment-too-long' };
      const owned = await ownAssessment(await runtime.db(), input.assessmentId, learner.id);
      if (owned === 'not-yours') return NOT_YOURS;
      if (owned === null) return { ok: false, reason: 'unknown-assessment' };
      const event = await appendEvent(runtime, {
        kind: 'problem-report',
        learnerId: learner.id,
        assessmentId: input.assessmentId,
        challengeId: input.challengeId,
        category: input.category,
        comment: comment === '' ? null : comment,
      });
      return { ok: true, eventId: event.id };
    },

    saveTutorial: ({ tutorialId, saved }) => markTutorial(tutorialId, saved ? 'tutorial-saved' : 'tutorial-unsaved'),

    markTutorialUseful: ({ tutorialId }) => markTutorial(tutorialId, 'tutorial-useful'),

    async tutorialMarks() {
      const learner = session.current();
      if (!learner) return NOT_SIGNED_IN;
      return { ok: true, marks: [...tutorialMarks(await learnerEvents(await runtime.db(), learner.id)).values()] };
    },

    async savedTutorials() {
      const learner = session.current();
      if (!learner) return NOT_SIGNED_IN;
      const pack = await content();
      if (!pack) return { ok: false, reason: 'no-content' };
      return { ok: true, tutorials: savedTutorials(pack, await learnerEvents(await runtime.db(), learner.id)) };
    },
  };
}
