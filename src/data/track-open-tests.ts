/**
 * Wraps the engine (the Comlink remote in the app, the handlers themselves in tests) so that every test it starts
 * or resumes counts as open in this tab until the engine says it is over: the update guard works even before a
 * screen holds its test (src/pwa/test-in-progress.ts).
 */
import { openTests } from './open-tests.ts';

/**
 * The part of the engine's API that opens and ends tests, as little of its shape as this needs (the engine's
 * outcomes carry more, and more refusals).
 */
export interface TestLifecycle {
  startAssessment(input: never): Promise<{ ok: true; assessmentId: string } | { ok: false }>;
  nextChallenge(input: { assessmentId: string }): Promise<{ kind: string }>;
  submitAnswer(input: { assessmentId: string }): Promise<{ ok: true; finished: boolean } | { ok: false; reason: string }>;
}

/** Refusals of a submit after which the test is not on screen any more (a stale tab's "not-current" keeps it). */
const CLOSING_REFUSALS: ReadonlySet<string> = new Set(['unknown-assessment', 'assessment-closed']);

export function trackOpenTests<T extends TestLifecycle>(engine: T): T {
  const tracked: TestLifecycle = {
    async startAssessment(input) {
      const outcome = await engine.startAssessment(input);
      if (outcome.ok) openTests.opened(outcome.assessmentId);
      return outcome;
    },
    async nextChallenge(input) {
      const outcome = await engine.nextChallenge(input);
      // "end": finished here or elsewhere; "missing": nothing left to show. Either way no test is on screen.
      if (outcome.kind === 'end' || outcome.kind === 'missing') openTests.closed(input.assessmentId);
      return outcome;
    },
    async submitAnswer(input) {
      const outcome = await engine.submitAnswer(input);
      if (outcome.ok ? outcome.finished : CLOSING_REFUSALS.has(outcome.reason)) openTests.closed(input.assessmentId);
      return outcome;
    },
  };
  // A Proxy rather than a copy: Comlink's remote is itself a Proxy whose methods cannot be listed or spread.
  return new Proxy(engine, {
    get(target, property, receiver) {
      if (property === 'startAssessment' || property === 'nextChallenge' || property === 'submitAnswer') return tracked[property].bind(tracked);
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
}
