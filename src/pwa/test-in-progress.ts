/**
 * How a test screen keeps a new app version from reloading the page under a student:
 *
 *   useTestInProgress(assessmentId); // null when no test is shown
 *
 * The engine client already marks a test open from startAssessment until the engine says it is over
 * (src/data/track-open-tests.ts); a screen adds its own hold for as long as it shows the test, so that a test left
 * without finishing (back to the home page) releases the guard when its screen goes away.
 */
import { useEffect } from 'react';
import { holdOpenTest } from '../data/open-tests.ts';

export function useTestInProgress(assessmentId: string | null): void {
  useEffect(() => (assessmentId ? holdOpenTest(assessmentId) : undefined), [assessmentId]);
}
