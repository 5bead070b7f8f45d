/**
 * The verdict at the top of "Postes" (SCREENS.md): "Tout est sur le relais" or "N réponses ne sont encore que sur
 * des postes", then what else needs an eye (machines that never reported, refused documents). Told in words and an
 * icon, never by colour alone; announced politely when a refresh changes it.
 */
import { useTranslation } from 'react-i18next';
import type { LabSummary } from './lab-summary.ts';

export function LabVerdict({ summary }: { summary: LabSummary }) {
  const { t } = useTranslation();
  if (summary.machines === 0) {
    return (
      <p role="status" className="lab-verdict">
        {t('teacher.devices.verdict.noMachine')}
      </p>
    );
  }
  const safe = summary.allOnRelay;
  const headline =
    summary.pendingAnswers > 0
      ? t('teacher.devices.verdict.pending', { count: summary.pendingAnswers })
      : summary.silentMachines > 0
        ? t('teacher.devices.verdict.unknown')
        : t('teacher.devices.verdict.allOnRelay');
  return (
    <div role="status" className={`lab-verdict ${safe ? 'lab-verdict-ok' : 'lab-verdict-warn'}`} data-all-on-relay={safe}>
      <p className="lab-verdict-headline">
        <span aria-hidden="true">{safe ? '✓ ' : '⚠ '}</span>
        {headline}
      </p>
      {summary.machinesWithPending > 0 && <p>{t('teacher.devices.verdict.pendingMachines', { count: summary.machinesWithPending })}</p>}
      {summary.silentMachines > 0 && <p>{t('teacher.devices.verdict.silent', { count: summary.silentMachines })}</p>}
      {summary.refusedDocuments > 0 && <p>{t('teacher.devices.verdict.refused', { count: summary.refusedDocuments })}</p>}
    </div>
  );
}
