/**
 * Service worker updates never reload a page on their own (ARCHITECTURE.md): a waiting version is offered only
 * while no test is open on this page, and applied when the person says so.
 */
import { create } from 'zustand';
import { openTests } from '../data/open-tests.ts';

interface AppUpdateState {
  /** A new version is waiting (or already active after another tab applied it): a reload would bring it in. */
  needRefresh: boolean;
  offlineReady: boolean;
  /** A test is open in this tab: never offer a reload then. Follows src/data/open-tests.ts. */
  testInProgress: boolean;
  /** Dismissed until the next update or the next page. */
  dismissed: boolean;
  apply: () => Promise<void>;
  setNeedRefresh: (apply: () => Promise<void>) => void;
  setOfflineReady: (ready: boolean) => void;
  setTestInProgress: (open: boolean) => void;
  dismiss: () => void;
}

export const useAppUpdate = create<AppUpdateState>()((set) => ({
  needRefresh: false,
  offlineReady: false,
  testInProgress: false,
  dismissed: false,
  apply: () => Promise.resolve(),
  setNeedRefresh: (apply) => set({ needRefresh: true, dismissed: false, apply }),
  setOfflineReady: (offlineReady) => set({ offlineReady }),
  setTestInProgress: (testInProgress) => set({ testInProgress }),
  dismiss: () => set({ dismissed: true }),
}));

// [UPDATE-1] [UPDATE-2] The guard follows the tests open in this tab, fed by the engine client and by test screens.
openTests.subscribe((open) => useAppUpdate.getState().setTestInProgress(open));

/** Whether to show the update prompt now. */
export function shouldOfferUpdate(state: Pick<AppUpdateState, 'needRefresh' | 'testInProgress' | 'dismissed'>): boolean {
  return state.needRefresh && !state.testInProgress && !state.dismissed;
}
