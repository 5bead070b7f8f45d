import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionFields } from '../../data/certification-client.ts';

const FIELDS = ['room', 'address', 'date', 'time', 'examiner'] as const;
const INPUT_TYPES: Record<(typeof FIELDS)[number], string> = { room: 'text', address: 'text', date: 'date', time: 'time', examiner: 'text' };

/** "Salle", "Adresse", "Date", "Heure", "Surveillant", "Description": creating or editing a session. */
export function SessionForm({ initial, submitLabel, busy, onSubmit }: { initial: SessionFields; submitLabel: string; busy: boolean; onSubmit: (fields: SessionFields) => Promise<void> }) {
  const { t } = useTranslation();
  const [fields, setFields] = useState<SessionFields>(initial);
  const baseId = useId();
  const set = (key: keyof SessionFields, value: string) => setFields((f) => ({ ...f, [key]: value }));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void onSubmit(fields);
  }

  return (
    <form onSubmit={submit}>
      {FIELDS.map((key) => (
        <div key={key}>
          <label htmlFor={`${baseId}-${key}`}>{t(`invigilator.fields.${key}`)}</label>
          <input id={`${baseId}-${key}`} type={INPUT_TYPES[key]} required value={fields[key]} onChange={(e) => set(key, e.target.value)} />
        </div>
      ))}
      <label htmlFor={`${baseId}-description`}>{t('invigilator.fields.description')}</label>
      <textarea id={`${baseId}-description`} value={fields.description} maxLength={2000} onChange={(e) => set('description', e.target.value)} />
      <button type="submit" disabled={busy}>
        {submitLabel}
      </button>
    </form>
  );
}
