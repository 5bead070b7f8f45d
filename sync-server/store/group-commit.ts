/**
 * The bookkeeping both stores share for group commit: writes queued until the next commit, and how their callers
 * are answered once it is known (after the commit, never before).
 */
export interface GroupedWrite<Work> {
  work: Work;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

export type WriteOutcome = { ok: true; value: unknown } | { ok: false; error: Error };

export function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

/** After the commit: each write gets its own outcome (a write rolled back to its savepoint gets its error). */
export function settleGroup(group: readonly GroupedWrite<unknown>[], outcomes: readonly WriteOutcome[]): void {
  group.forEach((item, i) => {
    const outcome = outcomes[i];
    if (outcome?.ok) item.resolve(outcome.value);
    else item.reject(outcome?.error ?? new Error('write not run'));
  });
}

/** The commit failed: nothing of the group was written. */
export function failGroup(group: readonly GroupedWrite<unknown>[], error: unknown): void {
  for (const item of group) item.reject(asError(error));
}
