/** [SYNC-POISON-1] Only a refusal of the documents themselves sets them aside; every "later" is retried as it is. */
import { describe, expect, it } from 'vitest';
import { refusalOf } from './refusal.ts';
import { RelayRequestError, RelayUnreachableError } from './relay-connection.ts';

const answered = (status: number, code: string) => new RelayRequestError(status, code, `message ${status}`, 'POST /api/replication/answers/push');

describe('[SYNC-POISON-1] which failures set documents aside', () => {
  it('400, 403 and 413 are refusals, kept with the relay\'s code and message', () => {
    expect(refusalOf(answered(400, 'bad_request'))).toEqual({ status: 400, code: 'bad_request', message: 'message 400' });
    expect(refusalOf(answered(403, 'forbidden'))).toEqual({ status: 403, code: 'forbidden', message: 'message 403' });
    expect(refusalOf(answered(413, 'payload_too_large'))).toEqual({ status: 413, code: 'payload_too_large', message: 'message 413' });
  });

  it('401, 404, 409 (not yet received), 426, 429, a relay down and anything unexpected mean "later"', () => {
    for (const [status, code] of [[401, 'unauthorized'], [404, 'not_found'], [409, 'assessment_not_yet_received'], [426, 'protocol_mismatch'], [429, 'rate_limited']] as const) {
      expect(refusalOf(answered(status, code))).toBeNull();
    }
    expect(refusalOf(new RelayUnreachableError('relay answered 503'))).toBeNull();
    expect(refusalOf(new TypeError('fetch failed'))).toBeNull();
  });
});
