/**
 * "Synchroniser maintenant" on a lab machine shows how many of the answers waiting when it was pressed are sent.
 * Built from the worker's pending count alone, polled while the sync runs: `sent` never goes back, and an answer
 * written meanwhile joins what there is to send instead of making the bar move backwards.
 */
export interface SyncProgress {
  sent: number;
  toSend: number;
}

export function startProgress(pendingAnswers: number): SyncProgress {
  return { sent: 0, toSend: Math.max(0, pendingAnswers) };
}

export function advanceProgress(previous: SyncProgress, pendingAnswers: number): SyncProgress {
  const pending = Math.max(0, pendingAnswers);
  const toSend = Math.max(previous.toSend, previous.sent + pending);
  return { sent: Math.max(previous.sent, toSend - pending), toSend };
}
