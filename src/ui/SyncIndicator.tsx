import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSyncStatus } from './sync-status.store.ts';

/**
 * Always visible on an enrolled machine (SCREENS.md): answers waiting to be sent, all sent, or the relay unreachable
 * since when; documents the relay refused ("1 réponse refusée par le relais", with the reasons on demand); and
 * "Synchroniser maintenant". State is told in words and an icon, never by colour alone.
 */
export function SyncIndicator() {
  const { t, i18n } = useTranslation();
  const { status, syncing, progress, follow, syncNow } = useSyncStatus();

  // Told by the worker when anything it shows changes (no polling).
  useEffect(() => follow(), [follow]);

  if (!status?.enrolled) return null;
  const time = (ms: number): string => new Intl.DateTimeFormat(i18n.language, { hour: '2-digit', minute: '2-digit' }).format(ms);
  const lines: string[] = [];
  if (status.unreachableSince !== null) lines.push(t('sync.unreachableSince', { time: time(status.unreachableSince) }));
  // Refused documents are kept on the machine and no longer sent: said apart from those still waiting.
  if (status.refusedCount > 0) lines.push(t('sync.refused', { count: status.refusedCount }));
  lines.push(status.pendingAnswers > 0 ? t('sync.pending', { count: status.pendingAnswers }) : t('sync.allSent'));
  if (status.lastSuccessAt !== null) lines.push(t('sync.lastSync', { time: time(status.lastSuccessAt) }));
  const state = status.unreachableSince !== null ? 'offline' : status.refusedCount > 0 ? 'refused' : status.pendingAnswers > 0 ? 'pending' : 'ok';

  return (
    <div className={`sync-indicator sync-${state}`} data-sync-state={state} data-pending={status.pendingAnswers} data-refused={status.refusedCount}>
      <span aria-hidden="true">{state === 'ok' ? '✓' : state === 'pending' ? '⟳' : '⚠'}</span>
      <p role="status" aria-live="polite">
        {lines.join(' · ')}
      </p>
      {status.refused.length > 0 && (
        <details className="sync-refused">
          <summary>{t('sync.refusedDetails')}</summary>
          <ul>
            {status.refused.map((r) => (
              <li key={`${r.collection}/${r.id}`}>{t('sync.refusedItem', { id: r.id, time: time(r.refusedAt), message: r.message })}</li>
            ))}
          </ul>
        </details>
      )}
      {progress && progress.toSend > 0 && (
        // Documents sent / to send while "Synchroniser maintenant" runs: the bar and the same figures in words.
        <span className="sync-progress">
          <progress max={progress.toSend} value={progress.sent} aria-label={t('sync.progressLabel')} />
          <span>{t('sync.progress', { sent: progress.sent, count: progress.toSend })}</span>
        </span>
      )}
      <button type="button" className="secondary small" disabled={syncing} onClick={() => void syncNow()}>
        {syncing ? t('sync.syncing') : t('sync.syncNow')}
      </button>
    </div>
  );
}
