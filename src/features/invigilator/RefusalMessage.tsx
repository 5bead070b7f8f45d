import { useTranslation } from 'react-i18next';
import type { Refusal } from './invigilator.store.ts';

/** What the relay refused, in its own French words when it gave some; every line of a refused import. */
export function RefusalMessage({ failure }: { failure: Refusal | null }) {
  const { t } = useTranslation();
  if (!failure) return null;
  const message = failure.message ?? (failure.reason === 'unreachable' ? t('invigilator.unreachable') : t('invigilator.failed'));
  return (
    <div role="alert" className="field-error">
      <p>{message}</p>
      {failure.reason === 'invalid-candidates' && (
        <ul>
          {failure.errors.map((issue, i) => (
            <li key={i}>{issue.line === null ? issue.message : t('invigilator.lineError', { line: issue.line, message: issue.message })}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
