import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CandidateFields } from '../../data/certification-client.ts';
import { useInvigilator } from './invigilator.store.ts';

const EMPTY: CandidateFields = { lastName: '', firstName: '', birthDate: '', birthplace: '', extraTimePercent: 0, externalId: '', accessibilityNeeds: '' };
const TEXT_FIELDS = ['lastName', 'firstName', 'birthDate', 'birthplace', 'externalId', 'accessibilityNeeds'] as const;
const REQUIRED = new Set<string>(['lastName', 'firstName', 'birthDate']);

/** "Ajouter un candidat": matched by the relay to a student of the school; the form empties once they are added. */
export function AddCandidateForm({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  const { busy, addCandidate } = useInvigilator();
  const [fields, setFields] = useState<CandidateFields>(EMPTY);
  const baseId = useId();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (await addCandidate(sessionId, fields)) setFields(EMPTY);
  }

  return (
    <section aria-labelledby={`${baseId}-title`}>
      <h2 id={`${baseId}-title`}>{t('invigilator.candidates.add')}</h2>
      <form onSubmit={(e) => void submit(e)}>
        {TEXT_FIELDS.map((key) => (
          <div key={key}>
            <label htmlFor={`${baseId}-${key}`}>{t(`invigilator.candidates.fields.${key}`)}</label>
            <input
              id={`${baseId}-${key}`}
              required={REQUIRED.has(key)}
              value={fields[key]}
              placeholder={key === 'birthDate' ? t('invigilator.candidates.birthDateHint') : undefined}
              onChange={(e) => setFields((f) => ({ ...f, [key]: e.target.value }))}
            />
          </div>
        ))}
        <label htmlFor={`${baseId}-extra`}>{t('invigilator.candidates.fields.extraTimePercent')}</label>
        <input id={`${baseId}-extra`} type="number" min={0} max={100} step={1} value={fields.extraTimePercent} onChange={(e) => setFields((f) => ({ ...f, extraTimePercent: Number(e.target.value) }))} />
        <button type="submit" disabled={busy}>
          {t('invigilator.candidates.submit')}
        </button>
      </form>
    </section>
  );
}
