/**
 * [SYNC-POISON-1] Which failures of a push mean "the relay will never take this as it is" and which mean "try again
 * later". Only the first kind sets documents aside; the second kind is thrown, and RxDB retries the batch.
 */
import { RelayRequestError } from './relay-connection.ts';

/** The relay's refusal of a push, as kept with the documents set aside. */
export interface Refusal {
  status: number;
  code: string;
  message: string;
}

/**
 * 400 invalid document, 403 outside the machine's rights, 413 too large: the batch is refused because of what it
 * holds. Everything else is retried as it is: network failures and 5xx (RelayUnreachableError), 401 (a token
 * problem, not the documents'), 404, 409 `assessment_not_yet_received` (the assessment is on its way), 426 (this
 * app must be reloaded), 429 (slow down).
 */
export const REFUSING_STATUSES: ReadonlySet<number> = new Set([400, 403, 413]);

export function refusalOf(error: unknown): Refusal | null {
  if (!(error instanceof RelayRequestError) || !REFUSING_STATUSES.has(error.status)) return null;
  return { status: error.status, code: error.code, message: error.relayMessage };
}
