/** Registers the service worker with 'prompt' semantics: updates wait for the person (see app-update.store.ts). */
import { registerSW } from 'virtual:pwa-register';
import { useAppUpdate } from './app-update.store.ts';
import { createUpdateFlow } from './update-flow.ts';

/** How often an open page asks the relay whether a new version exists. */
const UPDATE_CHECK_INTERVAL_MS = 30 * 60 * 1000;

export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  const flow = createUpdateFlow({ reload: () => window.location.reload() });
  const updateSW = registerSW({
    immediate: true,
    onNeedRefresh() {
      flow.onNeedRefresh(() => updateSW(true));
    },
    // [UPDATE-3] Without this, vite-plugin-pwa reloads the page itself when a new version takes control (also when
    // another tab applied it), test open or not.
    onNeedReload() {
      flow.onNeedReload();
    },
    onOfflineReady() {
      useAppUpdate.getState().setOfflineReady(true);
    },
    onRegisteredSW(_url, registration) {
      if (!registration) return;
      setInterval(() => {
        if (navigator.onLine) registration.update().catch(() => undefined);
      }, UPDATE_CHECK_INTERVAL_MS);
    },
  });
}
