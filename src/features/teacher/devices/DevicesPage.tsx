/**
 * "Postes" (SCREENS.md): the school's lab machines and, at a glance, whether anything is still only on one of them.
 * "Synchroniser maintenant" here refreshes what the machines last reported (a machine sends its own answers: on a
 * lab machine, the sync indicator's button does that); "Retirer ce poste" after a confirmation.
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../ConfirmDialog.tsx';
import { LAB_REFRESH_MS, useLabMachines } from './devices.store.ts';
import { summarizeLab } from './lab-summary.ts';
import { LabVerdict } from './LabVerdict.tsx';
import { MachineTable } from './MachineTable.tsx';

export function DevicesPage() {
  const { t, i18n } = useTranslation();
  const { machines, refreshing, refreshedAt, failure, confirming, withdrawing, withdrawn, withdrawFailure, refresh, askWithdraw, cancelWithdraw, confirmWithdraw } = useLabMachines();

  useEffect(() => {
    void refresh();
    const timer = setInterval(() => void refresh(), LAB_REFRESH_MS);
    return () => clearInterval(timer);
  }, [refresh]);

  const time = (ms: number): string => new Date(ms).toLocaleTimeString(i18n.language, { hour: '2-digit', minute: '2-digit' });
  const pendingOnConfirming = confirming?.report?.pendingAnswers ?? 0;
  return (
    <>
      <h1>{t('teacher.devices.title')}</h1>
      <p className="hint">{t('teacher.devices.intro')}</p>
      {machines && <LabVerdict summary={summarizeLab(machines)} />}
      <div className="toolbar" aria-busy={refreshing}>
        <button type="button" disabled={refreshing} onClick={() => void refresh()}>
          {refreshing ? t('teacher.devices.refreshing') : t('teacher.devices.syncNow')}
        </button>
        {refreshedAt !== null && <p className="hint">{t('teacher.devices.refreshedAt', { time: time(refreshedAt) })}</p>}
      </div>
      {failure && (
        <p role="alert" className="field-error">
          {t('teacher.devices.loadFailed', { message: failure.message ?? t('teacher.devices.unreachable') })}
        </p>
      )}
      {withdrawn && (
        <p role="status" className="success">
          {t('teacher.devices.withdrawn', { name: withdrawn })}
        </p>
      )}
      {withdrawFailure && (
        <p role="alert" className="field-error">
          {t('teacher.devices.withdrawFailed', { message: withdrawFailure.message ?? t('teacher.devices.unreachable') })}
        </p>
      )}
      {machines && machines.length > 0 && <MachineTable machines={machines} onWithdraw={askWithdraw} />}
      {confirming && (
        <ConfirmDialog
          title={t('teacher.devices.confirmTitle', { name: confirming.name })}
          confirmLabel={t('teacher.devices.withdraw')}
          cancelLabel={t('teacher.devices.cancel')}
          busy={withdrawing}
          onConfirm={() => void confirmWithdraw()}
          onCancel={cancelWithdraw}
        >
          <p>{t('teacher.devices.confirmText')}</p>
          {pendingOnConfirming > 0 && <p className="field-error">{t('teacher.devices.confirmPending', { count: pendingOnConfirming })}</p>}
        </ConfirmDialog>
      )}
    </>
  );
}
