import { useTranslation } from 'react-i18next';
import { attestationUrl, resultsCsvUrl } from '../../data/certification-client.ts';
import type { CandidateResult } from '../../data/certification-client.ts';
import { useInvigilator } from './invigilator.store.ts';

/** A processed session's results: score /895 per candidate, the results CSV and each attestation PDF. */
export function SessionResults({ sessionId, results }: { sessionId: string; results: CandidateResult[] }) {
  const { t } = useTranslation();
  const { busy, download } = useInvigilator();
  return (
    <section aria-labelledby="session-results-title">
      <h2 id="session-results-title">{t('invigilator.results.title')}</h2>
      <p>
        <button type="button" disabled={busy} onClick={() => void download(resultsCsvUrl(sessionId), `resultats-${sessionId}.csv`)}>
          {t('invigilator.results.csv')}
        </button>
      </p>
      <table>
        <caption>{t('invigilator.results.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('invigilator.candidates.fields.lastName')}</th>
            <th scope="col">{t('invigilator.candidates.fields.firstName')}</th>
            <th scope="col">{t('invigilator.results.status')}</th>
            <th scope="col">{t('invigilator.results.score')}</th>
            <th scope="col">{t('invigilator.results.attestation')}</th>
          </tr>
        </thead>
        <tbody>
          {results.map((r) => (
            <tr key={r.candidateId}>
              <td>{r.lastName}</td>
              <td>{r.firstName}</td>
              <td>{t(`invigilator.results.outcome.${r.outcome.status}`)}</td>
              <td>{r.outcome.score === undefined ? '—' : t('invigilator.results.scoreValue', { score: r.outcome.score })}</td>
              <td>
                {r.verificationCode ? (
                  <button type="button" className="secondary" disabled={busy} onClick={() => void download(attestationUrl(sessionId, r.candidateId), `attestation-${r.verificationCode ?? ''}.pdf`)}>
                    {t('invigilator.results.pdf', { name: `${r.lastName} ${r.firstName}` })}
                  </button>
                ) : (
                  '—'
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
