/**
 * One writer per assessment: two tabs of one machine (or a double click) never record two answers for one
 * position. Uses the Web Locks API across tabs when the browser has it, an in-process queue otherwise (Node tests).
 * The deterministic answer id (assessment id + position) is the second guard: a duplicate insert is refused.
 */
const queues = new Map<string, Promise<unknown>>();

export async function withAssessmentLock<T>(assessmentId: string, run: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (locks) return locks.request(`pixlab-assessment:${assessmentId}`, run);
  const previous = queues.get(assessmentId) ?? Promise.resolve();
  const next = previous.then(run, run);
  queues.set(assessmentId, next.catch(() => undefined));
  return next;
}
