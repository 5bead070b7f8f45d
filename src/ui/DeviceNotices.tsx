import { useTranslation } from 'react-i18next';
import { useDeviceStatus } from './device-status.store.ts';

/** Storage problems are surfaced, never swallowed: losing an answer must not be a surprise. */
export function StorageNotice() {
  const { t } = useTranslation();
  const storage = useDeviceStatus((s) => s.storage);
  if (storage.kind === 'none') return null;
  const text =
    storage.kind === 'error'
      ? t('storage.error', { message: storage.message })
      : storage.kind === 'quota-low'
        ? t('storage.quotaLow', { percent: storage.percent })
        : t('storage.notPersistent');
  return (
    <p className={storage.kind === 'not-persistent' ? 'notice' : 'notice notice-error'} role={storage.kind === 'not-persistent' ? 'status' : 'alert'}>
      {text}
    </p>
  );
}

export function EngineStatusLine() {
  const { t } = useTranslation();
  const engine = useDeviceStatus((s) => s.engine);
  const text = engine.kind === 'ready' ? t('engine.ready') : engine.kind === 'loading' ? t('engine.loading') : t('engine.failed', { message: engine.message });
  return (
    <p className="engine-status" role="status" data-engine={engine.kind}>
      {text}
    </p>
  );
}
