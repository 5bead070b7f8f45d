import { useTranslation } from 'react-i18next';
import { durationWords } from './duration-words.ts';

/** Before a timed challenge shows: the time it gives, and a button to start it ([SHOW-1]). */
export function TimedWarning({ timer, onStart, pending }: { timer: number; onStart: () => void; pending: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="timed-warning card">
      <h3>{t('challenge.timed.warningTitle')}</h3>
      <p>{t('challenge.timed.warning', { time: durationWords(t, timer) })}</p>
      <button type="button" onClick={onStart} disabled={pending}>
        {t('challenge.timed.start')}
      </button>
    </div>
  );
}
