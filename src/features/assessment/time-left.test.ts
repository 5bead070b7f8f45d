import { describe, expect, it } from 'vitest';
import { announcementDue, formatClock, secondsLeft, splitDuration } from './time-left.ts';

describe('the countdown of a timed challenge', () => {
  it('[SHOW-1] counts from when the challenge was started, also read again after a reload', () => {
    expect(secondsLeft(30, 1_000, 1_000)).toBe(30);
    expect(secondsLeft(30, 1_000, 1_001)).toBe(30);
    expect(secondsLeft(30, 1_000, 21_000)).toBe(10);
    expect(secondsLeft(30, 1_000, 31_000)).toBe(0);
    expect(secondsLeft(30, 1_000, 500_000)).toBe(0);
  });

  it('[SHOW-1] is shown as minutes and seconds and announced at 60, 30 and 10 seconds left only', () => {
    expect([0, 9, 65, 600].map(formatClock)).toEqual(['0:00', '0:09', '1:05', '10:00']);
    expect(splitDuration(65)).toEqual({ minutes: 1, seconds: 5 });
    expect(announcementDue(31, 30, 45)).toBe(30);
    expect(announcementDue(30, 29, 45)).toBeNull();
    expect(announcementDue(61, 9, 120)).toBe(10);
    // A 30-second timer does not say "30 seconds left" at its start.
    expect(announcementDue(31, 30, 30)).toBeNull();
  });
});
