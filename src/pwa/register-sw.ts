/** Registers the service worker with 'prompt' semantics: updates wait for the person (see app-update.store.ts). */
import { registerSW } from 'virtual:pwa-register';
import { useAppUpdate } from './app-update.store.ts';

/** How often an open page asks the relay whether a new version exists. */
const UPDATE_CHECK_INTERVAL_MS = 30 * 60 * 1000;

export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  const updateSW = registerSW({
    immediate: true,
    onNeedRefresh() {
      useAppUpdate.getState().setNeedRefresh(() => updateSW(true));
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
