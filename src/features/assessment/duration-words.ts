import type { TFunction } from 'i18next';
import { splitDuration } from './time-left.ts';

/** "1 minute et 5 secondes", "45 secondes", in the screen's language. */
export function durationWords(t: TFunction, seconds: number): string {
  const parts = splitDuration(seconds);
  const minutes = t('challenge.duration.minutes', { count: parts.minutes });
  const secs = t('challenge.duration.seconds', { count: parts.seconds });
  if (parts.minutes === 0) return secs;
  if (parts.seconds === 0) return minutes;
  return t('challenge.duration.both', { minutes, seconds: secs });
}
