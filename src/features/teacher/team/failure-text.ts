/**
 * A refused team action in the reader's language: the relay's codes the page expects get their own sentence; any
 * other refusal shows the relay's own (French) message, and no answer at all says the relay cannot be reached.
 */
import type { TFunction } from 'i18next';
import type { CallFailure } from '../../../data/teacher-client.ts';

const KNOWN_CODES = ['own_account', 'last_admin', 'already_member', 'not_found', 'forbidden'] as const;

export function failureText(t: TFunction, failure: CallFailure): string {
  const code = KNOWN_CODES.find((known) => known === failure.code);
  if (code) return t(`teacher.team.errors.${code}`);
  if (failure.reason === 'unreachable' || failure.message === null) return t('teacher.team.unreachable');
  return failure.message;
}
