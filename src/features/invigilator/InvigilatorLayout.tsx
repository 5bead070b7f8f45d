/**
 * The invigilator space (SCREENS.md "Invigilator"): only a signed-in invigilator or admin of the school gets past it;
 * anyone else goes to the "Espace surveillant" sign-in. Loaded only when opened, never with the students' screens.
 */
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet } from 'react-router';
import { useStaffSession } from '../auth/staff-session.store.ts';

export function InvigilatorLayout() {
  const { t } = useTranslation();
  const user = useStaffSession((s) => s.user);
  if (!user) return <Navigate to="/surveillant" replace />;
  if (!user.roles.some((role) => role === 'admin' || role === 'invigilator')) {
    return (
      <p role="alert" className="field-error">
        {t('invigilator.forbidden')}
      </p>
    );
  }
  return <Outlet />;
}
