/**
 * Tutorials a learner saved and marked "Tuto utile" ([PROFILE-3]), from their events in the log: for each
 * tutorial the latest of "saved" and "unsaved" decides (by date, then id, so every machine agrees); "useful" once
 * given stays.
 */
import { compareIds } from '../content/pack-index.ts';
import type { LearnerEventDocument } from '../sync/documents.ts';

export interface TutorialMark {
  tutorialId: string;
  saved: boolean;
  useful: boolean;
  /** When it was last saved (ms since epoch), for the list order; null if never. */
  savedAt: number | null;
}

type TutorialEvent = Pick<LearnerEventDocument, 'id' | 'kind' | 'tutorialId' | 'at'>;

export function tutorialMarks(events: readonly TutorialEvent[]): Map<string, TutorialMark> {
  const marks = new Map<string, TutorialMark>();
  const ordered = [...events].sort((a, b) => a.at - b.at || compareIds(a.id, b.id));
  for (const event of ordered) {
    if (event.tutorialId === null) continue;
    const mark = marks.get(event.tutorialId) ?? { tutorialId: event.tutorialId, saved: false, useful: false, savedAt: null };
    if (event.kind === 'tutorial-saved') marks.set(event.tutorialId, { ...mark, saved: true, savedAt: event.at });
    else if (event.kind === 'tutorial-unsaved') marks.set(event.tutorialId, { ...mark, saved: false });
    else if (event.kind === 'tutorial-useful') marks.set(event.tutorialId, { ...mark, useful: true });
  }
  return marks;
}

/** The saved ones, most recently saved first. */
export function savedTutorialMarks(events: readonly TutorialEvent[]): TutorialMark[] {
  return [...tutorialMarks(events).values()].filter((m) => m.saved).sort((a, b) => (b.savedAt ?? 0) - (a.savedAt ?? 0) || compareIds(a.tutorialId, b.tutorialId));
}
