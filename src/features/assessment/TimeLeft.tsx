import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { durationWords } from './duration-words.ts';
import { announcementDue, formatClock, secondsLeft } from './time-left.ts';

/** How often the countdown is read again; the clock on screen moves by whole seconds. */
const TICK_MS = 250;

/**
 * The time left of a timed challenge ([SHOW-1]), counted from when the student started it. Shown every second;
 * told to screen readers politely at 60, 30 and 10 seconds left and when the time is up, not every second.
 */
export function TimeLeft({ timer, shownAt }: { timer: number; shownAt: number }) {
  const { t } = useTranslation();
  const [left, setLeft] = useState(() => secondsLeft(timer, shownAt, Date.now()));
  const [announcement, setAnnouncement] = useState('');

  useEffect(() => {
    let before = secondsLeft(timer, shownAt, Date.now());
    const id = setInterval(() => {
      const after = secondsLeft(timer, shownAt, Date.now());
      const mark = announcementDue(before, after, timer);
      if (before > 0 && after === 0) setAnnouncement(t('challenge.timed.over'));
      else if (mark !== null) setAnnouncement(t('challenge.timed.announce', { time: durationWords(t, mark) }));
      before = after;
      setLeft(after);
    }, TICK_MS);
    return () => clearInterval(id);
  }, [timer, shownAt, t]);

  return (
    <div className={left === 0 ? 'time-left time-over' : 'time-left'}>
      <p role="timer" aria-live="off" data-seconds-left={left}>
        <span aria-hidden="true">⏱ </span>
        {t('challenge.timed.timeLeft', { time: formatClock(left) })}
      </p>
      {left === 0 && <p className="time-over-text">{t('challenge.timed.over')}</p>}
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}
