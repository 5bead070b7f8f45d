/**
 * One row per enrolled lab machine: its name, last contact, answers not yet on the relay, documents the relay
 * refused (reasons on demand), content and app versions, and "Retirer ce poste".
 */
import { useTranslation } from 'react-i18next';
import type { LabMachine } from '../../../data/devices-client.ts';
import { lastContact } from './lab-summary.ts';

/** Content versions are content hashes: the first characters tell machines apart. */
const SHORT_VERSION = 8;

export function MachineTable({ machines, onWithdraw }: { machines: LabMachine[]; onWithdraw: (machine: LabMachine) => void }) {
  const { t, i18n } = useTranslation();
  const when = (ms: number | null): string => (ms === null ? t('teacher.devices.never') : new Date(ms).toLocaleString(i18n.language, { dateStyle: 'short', timeStyle: 'short' }));
  return (
    <div className="table-scroll">
      <table className="learner-table machine-table">
        <caption>{t('teacher.devices.caption', { count: machines.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('teacher.devices.columns.name')}</th>
            <th scope="col">{t('teacher.devices.columns.lastContact')}</th>
            <th scope="col">{t('teacher.devices.columns.pending')}</th>
            <th scope="col">{t('teacher.devices.columns.refused')}</th>
            <th scope="col">{t('teacher.devices.columns.content')}</th>
            <th scope="col">{t('teacher.devices.columns.app')}</th>
            <th scope="col">{t('teacher.devices.columns.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {machines.map((machine) => {
            const report = machine.report;
            return (
              <tr key={machine.id} data-machine={machine.name} data-pending={report?.pendingAnswers ?? ''}>
                <th scope="row">{machine.name}</th>
                <td>{when(lastContact(machine))}</td>
                <td>{report ? t('teacher.devices.pendingCount', { count: report.pendingAnswers }) : t('teacher.devices.noReport')}</td>
                <td>
                  {report ? t('teacher.devices.refusedCount', { count: report.refusedCount }) : t('teacher.devices.noReport')}
                  {report && report.refusedDocuments.length > 0 && (
                    <details>
                      <summary>{t('teacher.devices.refusedReasons')}</summary>
                      <ul>
                        {report.refusedDocuments.map((doc) => (
                          <li key={`${doc.collection}/${doc.id}`}>{t('teacher.devices.refusedItem', { id: doc.id, date: when(doc.refusedAt), message: doc.message })}</li>
                        ))}
                      </ul>
                    </details>
                  )}
                </td>
                <td>{report?.contentVersion ? <code title={report.contentVersion}>{report.contentVersion.slice(0, SHORT_VERSION)}</code> : t('teacher.devices.none')}</td>
                <td>{report?.appVersion ?? t('teacher.devices.none')}</td>
                <td>
                  <button type="button" className="secondary small" aria-label={t('teacher.devices.withdrawNamed', { name: machine.name })} onClick={() => onWithdraw(machine)}>
                    {t('teacher.devices.withdraw')}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
