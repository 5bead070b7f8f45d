/** The progress of "Synchroniser maintenant" on a lab machine, from the pending count the worker reports. */
import { describe, expect, it } from 'vitest';
import { advanceProgress, startProgress } from './sync-progress.ts';

describe('sync progress', () => {
  it('counts the answers sent out of those waiting when the sync started', () => {
    let progress = startProgress(5);
    expect(progress).toEqual({ sent: 0, toSend: 5 });
    progress = advanceProgress(progress, 3);
    expect(progress).toEqual({ sent: 2, toSend: 5 });
    progress = advanceProgress(progress, 0);
    expect(progress).toEqual({ sent: 5, toSend: 5 });
  });

  it('never moves backwards: an answer written during the sync joins what there is to send', () => {
    let progress = advanceProgress(startProgress(4), 2);
    progress = advanceProgress(progress, 3);
    expect(progress).toEqual({ sent: 2, toSend: 5 });
    progress = advanceProgress(progress, 1);
    expect(progress).toEqual({ sent: 4, toSend: 5 });
  });

  it('has nothing to show when nothing was waiting', () => {
    expect(advanceProgress(startProgress(0), 0)).toEqual({ sent: 0, toSend: 0 });
    expect(startProgress(-1)).toEqual({ sent: 0, toSend: 0 });
  });
});
