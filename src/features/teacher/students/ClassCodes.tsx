/**
 * Personal codes for a class, drawn on the relay and shown once as a sheet of slips to print and cut (print styles
 * in teacher.css print the slips alone). Drawing again replaces the class's previous codes.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStudents } from './students.store.ts';

export function ClassCodes() {
  const { t } = useTranslation();
  const { list, codes, drawing, codesFailure, drawCodes, closeCodes } = useStudents();
  const [chosen, setChosen] = useState('');
  const headingId = useId();
  const classId = useId();
  const sheetHeading = useRef<HTMLHeadingElement>(null);
  const classes = list?.classes ?? [];
  const className = classes.includes(chosen) ? chosen : (classes[0] ?? '');
  useEffect(() => {
    if (codes) sheetHeading.current?.focus();
  }, [codes]);

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('teacher.students.codes.title')}</h2>
      <p className="hint">{t('teacher.students.codes.intro')}</p>
      <form
        className="filters"
        onSubmit={(e) => {
          e.preventDefault();
          if (className) void drawCodes(className);
        }}
      >
        <div>
          <label htmlFor={classId}>{t('teacher.students.codes.class')}</label>
          <select id={classId} value={className} onChange={(e) => setChosen(e.target.value)}>
            {classes.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" disabled={drawing || !className}>
          {drawing ? t('teacher.students.codes.pending') : t('teacher.students.codes.submit')}
        </button>
      </form>
      {codesFailure && (
        <p role="alert" className="field-error">
          {t('teacher.students.codes.failed', { message: codesFailure.message ?? t('teacher.students.import.unreachable') })}
        </p>
      )}
      {codes && (
        <div className="slip-sheet">
          <h3 ref={sheetHeading} tabIndex={-1}>
            {t('teacher.students.codes.sheetTitle', { className: codes.className })}
          </h3>
          <p className="no-print">
            <button type="button" onClick={() => window.print()}>
              {t('teacher.students.codes.print')}
            </button>{' '}
            <button type="button" className="secondary" onClick={closeCodes}>
              {t('teacher.students.codes.close')}
            </button>
          </p>
          <ul className="slips">
            {codes.codes.map((slip) => (
              <li key={slip.learnerId} className="slip">
                <p>
                  <strong>
                    {slip.lastName} {slip.firstName}
                  </strong>{' '}
                  – {slip.className}
                </p>
                <p>
                  {t('teacher.students.codes.slipCode')} <span className="slip-code">{slip.code}</span>
                </p>
                <p className="hint">{t('teacher.students.codes.slipHelp', { school: list?.organization.name ?? '' })}</p>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
