import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useInvigilator } from './invigilator.store.ts';

/** The CSV import of candidates: all or nothing, the relay lists every line's errors. */
export function CandidateImport({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  const { busy, importCandidates } = useInvigilator();
  const [file, setFile] = useState<File | null>(null);
  const baseId = useId();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (file) await importCandidates(sessionId, await file.text());
  }

  return (
    <section aria-labelledby={`${baseId}-title`}>
      <h2 id={`${baseId}-title`}>{t('invigilator.import.title')}</h2>
      <p id={`${baseId}-help`}>{t('invigilator.import.help')}</p>
      <form onSubmit={(e) => void submit(e)}>
        <label htmlFor={`${baseId}-file`}>{t('invigilator.import.file')}</label>
        <input id={`${baseId}-file`} type="file" accept=".csv,text/csv" aria-describedby={`${baseId}-help`} required onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        <button type="submit" disabled={busy || !file}>
          {t('invigilator.import.submit')}
        </button>
      </form>
    </section>
  );
}
