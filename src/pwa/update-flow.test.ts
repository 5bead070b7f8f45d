/**
 * [UPDATE-3] A new version never reloads a page with a test open. When another tab applies it, the service worker
 * takes control of every tab and vite-plugin-pwa would reload each of them; this page reloads only if it asked
 * for the update itself and has no test open, otherwise it offers the reload for later.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { holdOpenTest } from '../data/open-tests.ts';
import { shouldOfferUpdate, useAppUpdate } from './app-update.store.ts';
import { createUpdateFlow } from './update-flow.ts';

let reloads: number;
let skipWaitingSent: number;
let flow: ReturnType<typeof createUpdateFlow>;

beforeEach(() => {
  reloads = 0;
  skipWaitingSent = 0;
  useAppUpdate.setState({ needRefresh: false, dismissed: false, testInProgress: false });
  flow = createUpdateFlow({
    reload: () => {
      reloads++;
    },
  });
});

const offered = (): boolean => shouldOfferUpdate(useAppUpdate.getState());
const skipWaiting = (): Promise<void> => {
  skipWaitingSent++;
  return Promise.resolve();
};

describe('[UPDATE-3] service worker updates and open tests', () => {
  it('this page asked for the update and has no test open: it reloads once the new version controls it', async () => {
    flow.onNeedRefresh(skipWaiting);
    expect(offered()).toBe(true);
    await useAppUpdate.getState().apply();
    expect(skipWaitingSent).toBe(1);
    expect(reloads).toBe(0);
    flow.onNeedReload();
    expect(reloads).toBe(1);
  });

  it('another tab applied the update while a test is open here: no reload, the prompt comes once the test is over', () => {
    flow.onNeedRefresh(skipWaiting);
    const release = holdOpenTest('as-open');
    flow.onNeedReload();
    expect(reloads).toBe(0);
    expect(offered()).toBe(false);
    release();
    expect(offered()).toBe(true);
    expect(reloads).toBe(0);
    void useAppUpdate.getState().apply();
    expect(reloads).toBe(1);
    // The new version is already active: nothing more to send to the service worker.
    expect(skipWaitingSent).toBe(0);
  });

  it('a test opened between the click and the new version taking control: no reload either', async () => {
    flow.onNeedRefresh(skipWaiting);
    await useAppUpdate.getState().apply();
    const release = holdOpenTest('as-late');
    flow.onNeedReload();
    expect(reloads).toBe(0);
    release();
    expect(offered()).toBe(true);
  });
});
