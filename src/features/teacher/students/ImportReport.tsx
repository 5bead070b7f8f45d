/** What an import did: the counts, or every error of the file by line (focused, so a screen reader reads it). */
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useStudents } from './students.store.ts';

export function ImportReport() {
  const { t } = useTranslation();
  const state = useStudents((s) => s.importState);
  const errors = useRef<HTMLDivElement>(null);
  const headingId = useId();
  useEffect(() => {
    if (state.phase === 'invalid') errors.current?.focus();
  }, [state]);

  if (state.phase === 'done') {
    return (
      <p role="status" className="success">
        {t('teacher.students.import.done', { ...state.counts })}
      </p>
    );
  }
  if (state.phase === 'failed') {
    return (
      <p role="alert" className="field-error">
        {state.reason === 'unreachable' ? t('teacher.students.import.unreachable') : t('teacher.students.import.failed', { message: state.message ?? '' })}
      </p>
    );
  }
  if (state.phase !== 'invalid') return null;
  return (
    <div ref={errors} tabIndex={-1} className="import-errors" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('teacher.students.import.invalidTitle', { count: state.errors.length })}</h3>
      <ul>
        {state.errors.map((error, i) => (
          <li key={i}>{error.line === null ? t('teacher.students.import.wholeFile', { message: error.message }) : t('teacher.students.import.line', { line: error.line, message: error.message })}</li>
        ))}
      </ul>
    </div>
  );
}
