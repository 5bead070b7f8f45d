import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n } from './i18n/i18n.ts';
import { registerServiceWorker } from './pwa/register-sw.ts';
import { useStudentSession } from './features/student/student-session.store.ts';
import { App } from './ui/App.tsx';
import { useDeviceStatus } from './ui/device-status.store.ts';
import './ui/styles.css';

async function start(): Promise<void> {
  await initI18n();
  const root = document.getElementById('root');
  if (!root) throw new Error('#root is missing from index.html');
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
  registerServiceWorker();
  void useDeviceStatus.getState().check();
  // The student this tab had before a reload, if any ([SESSION-2]).
  void useStudentSession.getState().restore();
}

void start();
