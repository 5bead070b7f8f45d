import { describe, expect, it } from 'vitest';
import type { LearnerEventDocument } from '../sync/documents.ts';
import { savedTutorialMarks, tutorialMarks } from './saved-tutorials.ts';

const event = (id: string, kind: LearnerEventDocument['kind'], tutorialId: string, at: number) => ({ id, kind, tutorialId, at });

describe('saved tutorials', () => {
  it('[PROFILE-3] the latest of saved and unsaved decides, whatever the list order; "useful" stays once given', () => {
    const events = [
      event('e3', 'tutorial-unsaved', 't1', 30),
      event('e1', 'tutorial-saved', 't1', 10),
      event('e2', 'tutorial-useful', 't1', 20),
      event('e4', 'tutorial-saved', 't2', 40),
      event('e5', 'tutorial-saved', 't1', 50),
    ];
    expect(tutorialMarks(events).get('t1')).toEqual({ tutorialId: 't1', saved: true, useful: true, savedAt: 50 });
    expect(savedTutorialMarks(events).map((m) => m.tutorialId)).toEqual(['t1', 't2']);
    expect(savedTutorialMarks(events.slice(0, 3))).toEqual([]);
  });

  it('[PROFILE-3] two events at the same instant are ordered by id, so every machine agrees', () => {
    const events = [event('b', 'tutorial-unsaved', 't1', 10), event('a', 'tutorial-saved', 't1', 10)];
    expect(tutorialMarks(events).get('t1')?.saved).toBe(false);
    expect(tutorialMarks([...events].reverse()).get('t1')?.saved).toBe(false);
  });

  it('[PROFILE-3] events without a tutorial (problem reports, resets) are ignored', () => {
    expect(tutorialMarks([{ id: 'p', kind: 'problem-report', tutorialId: null, at: 1 }]).size).toBe(0);
  });
});
