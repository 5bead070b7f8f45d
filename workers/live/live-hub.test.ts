import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBankRuntime } from '../../test/bank-runtime.ts';
import type { BankRuntime } from '../../test/bank-runtime.ts';
import { LearnerSession } from '../session/learner-session.ts';
import { LiveHub } from './live-hub.ts';

let lab: BankRuntime;

beforeAll(() => {
  lab = createBankRuntime();
});

afterAll(() => lab.dispose());

describe('live hub', () => {
  it('[LIVE-4] a subscriber whose callback fails (its page is gone) is dropped; the others go on', async () => {
    const session = new LearnerSession(lab.runtime);
    const hub = new LiveHub(lab.runtime, session);
    const told: string[] = [];
    await hub.subscribe(['campaigns'], () => {
      throw new Error('page gone');
    });
    await hub.subscribe(['campaigns'], () => Promise.reject(new Error('port closed')));
    await hub.subscribe(['campaigns'], (change) => told.push(...change.ids));
    expect(hub.size).toBe(3);
    await lab.addCampaign({ id: 'c-live', code: 'QWERTY234' });
    await expect.poll(() => told).toEqual(['c-live']);
    await expect.poll(() => hub.size).toBe(1);
    hub.stop();
    expect(hub.size).toBe(0);
  });

  it('[LIVE-3] a change to the log announces "sync", whoever it belongs to', async () => {
    const hub = new LiveHub(lab.runtime, new LearnerSession(lab.runtime));
    const topics: string[] = [];
    await hub.subscribe(['sync', 'answers'], (change) => topics.push(change.topic));
    const db = await lab.runtime.db();
    await db.events.insert({
      id: 'e-1', kind: 'tutorial-saved', learnerId: 'someone', assessmentId: null, challengeId: null, competenceId: null, category: null, comment: null,
      tutorialId: 't', at: 1, deviceId: 'd', updatedAt: 0, _deleted: false,
    });
    await expect.poll(() => topics).toEqual(['sync']);
    hub.stop();
  });
});
