import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBankRuntime } from '../../test/bank-runtime.ts';
import type { BankRuntime } from '../../test/bank-runtime.ts';
import { DeviceDb } from '../db/device-db.ts';
import { LabRuntime } from '../runtime/lab-runtime.ts';
import { createPresentationHandlers } from './challenge-presentation.ts';
import type { PresentationHandlers } from './challenge-presentation.ts';
import { createGameRulesHandlers } from './game-rules.ts';

let lab: BankRuntime;
let shown: PresentationHandlers;

beforeAll(() => {
  lab = createBankRuntime();
  shown = createPresentationHandlers(lab.runtime);
});

afterAll(() => lab.dispose());

/** The same machine after a reload: a new worker over the same device database. */
function afterReload(): PresentationHandlers {
  const name = lab.runtime.deviceDb.name;
  return createPresentationHandlers(new LabRuntime({ ...lab.runtime.deps, deviceDb: new DeviceDb(name) }));
}

describe('challenge on screen', () => {
  it('[SHOW-1] the first time a challenge is shown is kept, also across a reload; a later call does not restart it', async () => {
    expect(await shown.challengePresentation({ assessmentId: 'a1', challengeId: 'c1' })).toBeNull();
    expect(await shown.presentChallenge({ assessmentId: 'a1', challengeId: 'c1', at: 1_000.4 })).toEqual({ challengeId: 'c1', shownAt: 1_000, focusedOut: false });
    expect(await shown.presentChallenge({ assessmentId: 'a1', challengeId: 'c1', at: 9_000 })).toEqual({ challengeId: 'c1', shownAt: 1_000, focusedOut: false });
    expect(await afterReload().challengePresentation({ assessmentId: 'a1', challengeId: 'c1' })).toEqual({ challengeId: 'c1', shownAt: 1_000, focusedOut: false });
  });

  it('[SHOW-1] the next challenge starts its own clock; assessments do not share one', async () => {
    expect(await shown.presentChallenge({ assessmentId: 'a1', challengeId: 'c2', at: 20_000 })).toEqual({ challengeId: 'c2', shownAt: 20_000, focusedOut: false });
    expect(await shown.challengePresentation({ assessmentId: 'a1', challengeId: 'c1' })).toBeNull();
    expect(await shown.challengePresentation({ assessmentId: 'a2', challengeId: 'c2' })).toBeNull();
  });

  it('[SHOW-2] leaving the window is recorded for the challenge on screen and survives a reload', async () => {
    expect(await shown.recordFocusOut({ assessmentId: 'a1', challengeId: 'c9' })).toBeNull();
    expect(await shown.recordFocusOut({ assessmentId: 'a1', challengeId: 'c2' })).toEqual({ challengeId: 'c2', shownAt: 20_000, focusedOut: true });
    expect(await afterReload().challengePresentation({ assessmentId: 'a1', challengeId: 'c2' })).toMatchObject({ focusedOut: true });
    // Showing it again (after a reload) keeps both the time and the focus-out.
    expect(await shown.presentChallenge({ assessmentId: 'a1', challengeId: 'c2', at: 99_000 })).toEqual({ challengeId: 'c2', shownAt: 20_000, focusedOut: true });
  });

  it('[SHOW-1] a record this version cannot read counts as not shown, never as a crash', async () => {
    await lab.runtime.deviceDb.meta.put({ key: 'presentation:a3', value: '{"challengeId":"c1"' });
    expect(await shown.challengePresentation({ assessmentId: 'a3', challengeId: 'c1' })).toBeNull();
    await lab.runtime.deviceDb.meta.put({ key: 'presentation:a3', value: '{"challengeId":"c1","shownAt":"x","focusedOut":false}' });
    expect(await shown.presentChallenge({ assessmentId: 'a3', challengeId: 'c1', at: 5 })).toEqual({ challengeId: 'c1', shownAt: 5, focusedOut: false });
  });

  it('[SHOW-4] the rules of the game are seen once per learner on this machine', async () => {
    const rules = createGameRulesHandlers(lab.runtime);
    expect(await rules.gameRulesSeen({ learnerId: 'camille' })).toBe(false);
    await rules.markGameRulesSeen({ learnerId: 'camille' });
    expect(await rules.gameRulesSeen({ learnerId: 'camille' })).toBe(true);
    expect(await rules.gameRulesSeen({ learnerId: 'lucas' })).toBe(false);
  });
});
