/**
 * "Importer la liste": the format, the file ("Fichier à importer"), a progress bar while the file is read in a worker
 * and sent, then the counts, or every error by line in a list that takes the focus.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LEARNER_IMPORT_FORMATS } from '../../../core/imports/learner-import.ts';
import type { LearnerImportFormat } from '../../../core/imports/learner-import.ts';
import { ImportReport } from './ImportReport.tsx';
import { useStudents } from './students.store.ts';

const ACCEPTED: Readonly<Record<LearnerImportFormat, string>> = { siecle: '.xml,text/xml,application/xml', fregata: '.csv,.txt,text/csv', csv: '.csv,.txt,text/csv' };

export function ImportLearnersForm() {
  const { t } = useTranslation();
  const importState = useStudents((s) => s.importState);
  const ready = useStudents((s) => s.list !== null);
  const importFile = useStudents((s) => s.importFile);
  const [format, setFormat] = useState<LearnerImportFormat>('siecle');
  const [file, setFile] = useState<File | null>(null);
  const [missingFile, setMissingFile] = useState(false);
  const formatId = useId();
  const fileId = useId();
  const headingId = useId();
  const busy = importState.phase === 'reading' || importState.phase === 'sending';

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setMissingFile(file === null);
    if (file) await importFile(file, format);
  }

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('teacher.students.import.title')}</h2>
      <p className="hint">{t('teacher.students.import.intro')}</p>
      <form onSubmit={(event) => void submit(event)}>
        <label htmlFor={formatId}>{t('teacher.students.import.format')}</label>
        <select id={formatId} value={format} onChange={(e) => setFormat(LEARNER_IMPORT_FORMATS.find((f) => f === e.target.value) ?? 'siecle')}>
          {LEARNER_IMPORT_FORMATS.map((f) => (
            <option key={f} value={f}>
              {t(`teacher.students.import.formats.${f}`)}
            </option>
          ))}
        </select>
        <label htmlFor={fileId}>{t('teacher.students.import.file')}</label>
        <input id={fileId} type="file" accept={ACCEPTED[format]} onChange={(e) => setFile(e.target.files?.[0] ?? null)} aria-describedby={missingFile ? `${fileId}-error` : undefined} />
        {missingFile && (
          <p id={`${fileId}-error`} className="field-error" role="alert">
            {t('teacher.students.import.chooseFile')}
          </p>
        )}
        <button type="submit" disabled={busy || !ready}>
          {t('teacher.students.import.submit')}
        </button>
      </form>
      {busy && <ImportProgress phase={importState.phase} progress={importState.progress} />}
      <ImportReport />
    </section>
  );
}

function ImportProgress({ phase, progress }: { phase: 'reading' | 'sending'; progress: number }) {
  const { t } = useTranslation();
  const label = t(`teacher.students.import.${phase}`);
  const live = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    live.current?.scrollIntoView({ block: 'nearest' });
  }, []);
  return (
    <div>
      <p ref={live} role="status">
        {label}
      </p>
      <div className="import-progress" role="progressbar" aria-label={t('teacher.students.import.progressLabel')} aria-valuemin={0} aria-valuemax={100} aria-valuenow={progress} aria-valuetext={`${progress} %`}>
        <div className="import-progress-fill" style={{ width: `${progress}%` }} />
      </div>
    </div>
  );
}
