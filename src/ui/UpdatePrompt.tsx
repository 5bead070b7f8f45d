import { useTranslation } from 'react-i18next';
import { shouldOfferUpdate, useAppUpdate } from '../pwa/app-update.store.ts';

/** Offers a waiting version only when no test is open on the page; never reloads by itself. */
export function UpdatePrompt() {
  const { t } = useTranslation();
  const state = useAppUpdate();
  if (!shouldOfferUpdate(state)) return null;
  return (
    <div className="banner" role="status">
      <p>{t('update.available')}</p>
      <button type="button" onClick={() => void state.apply()}>
        {t('update.apply')}
      </button>
      <button type="button" className="secondary" onClick={state.dismiss}>
        {t('update.later')}
      </button>
    </div>
  );
}
