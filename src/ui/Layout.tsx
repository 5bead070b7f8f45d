import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router';
import { EngineStatusLine, StorageNotice } from './DeviceNotices.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { SyncIndicator } from './SyncIndicator.tsx';
import { UpdatePrompt } from './UpdatePrompt.tsx';

export function Layout() {
  const { t } = useTranslation();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="site-header">
        <Link to="/" className="brand">
          <img src="/icons/icon.svg" alt="" width="32" height="32" />
          <span>{t('app.name')}</span>
        </Link>
        <LanguageSwitch />
      </header>
      <SyncIndicator />
      <UpdatePrompt />
      <StorageNotice />
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="site-footer">
        <p>{t('app.footer')}</p>
        <EngineStatusLine />
      </footer>
    </>
  );
}
