import { useEffect } from 'react';

/**
 * Calls `onLeave` when the student leaves the window while `active` ([SHOW-2]): another window or application takes
 * the focus (blur), or the page is hidden (another tab, a minimised window).
 */
export function useWindowLeave(active: boolean, onLeave: () => void): void {
  useEffect(() => {
    if (!active) return;
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') onLeave();
    };
    window.addEventListener('blur', onLeave);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('blur', onLeave);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [active, onLeave]);
}
