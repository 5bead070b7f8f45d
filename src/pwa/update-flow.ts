/**
 * [UPDATE-3] What this page does when a new version is waiting or has taken control. vite-plugin-pwa reloads every
 * open tab as soon as the new service worker controls it, including when another tab applied the update; with
 * `onNeedReload` handed over to this flow, a page reloads only when it asked for the update itself and has no test
 * open. Otherwise the reload is offered through the same prompt, which stays hidden while a test is open.
 */
import { useAppUpdate } from './app-update.store.ts';

export interface UpdateFlow {
  /** A new version is installed and waiting; `skipWaiting` makes it take control of every tab. */
  onNeedRefresh(skipWaiting: () => Promise<void>): void;
  /** The new version controls this page now. */
  onNeedReload(): void;
}

export function createUpdateFlow(deps: { reload: () => void }): UpdateFlow {
  let requestedHere = false;
  const reloadLater = (): void =>
    useAppUpdate.getState().setNeedRefresh(() => {
      deps.reload();
      return Promise.resolve();
    });
  return {
    onNeedRefresh(skipWaiting) {
      useAppUpdate.getState().setNeedRefresh(async () => {
        requestedHere = true;
        await skipWaiting();
      });
    },
    onNeedReload() {
      // A test may have opened between the click and the new version taking control.
      if (requestedHere && !useAppUpdate.getState().testInProgress) deps.reload();
      else reloadLater();
    },
  };
}
