import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { verifyAttestation } from '../../data/certification-client.ts';
import type { Verification } from '../../data/certification-client.ts';
import { COMPETENCES } from '../../core/referential.ts';

type State = { kind: 'loading' } | { kind: 'found'; verification: Verification } | { kind: 'not-found' } | { kind: 'unreachable' };

/** `/verification/<code>` ([CERT-13]): the name, date, score and levels of an attestation, nothing else. */
export function VerificationPage() {
  const { t, i18n } = useTranslation();
  const { code = '' } = useParams();
  const [state, setState] = useState<State>({ kind: 'loading' });
  useEffect(() => {
    let current = true;
    void verifyAttestation(code).then((result) => {
      if (!current) return;
      if (result.ok) setState({ kind: 'found', verification: result.value });
      else setState({ kind: result.reason === 'unreachable' ? 'unreachable' : 'not-found' });
    });
    return () => {
      current = false;
    };
  }, [code]);
  const language = i18n.language.startsWith('en') ? 'en' : 'fr';

  return (
    <div className="narrow">
      <h1>{t('verification.title')}</h1>
      <p>{t('verification.code', { code })}</p>
      {state.kind === 'loading' && <p role="status">{t('verification.loading')}</p>}
      {state.kind === 'not-found' && <p role="alert">{t('verification.notFound')}</p>}
      {state.kind === 'unreachable' && <p role="alert">{t('verification.unreachable')}</p>}
      {state.kind === 'found' && (
        <>
          <p role="status">{t('verification.valid', { name: `${state.verification.lastName} ${state.verification.firstName}`, date: state.verification.date.split('-').reverse().join('/') })}</p>
          <p>{t('verification.score', { score: state.verification.score })}</p>
          <table>
            <caption>{t('verification.levels')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('verification.competence')}</th>
                <th scope="col">{t('verification.level')}</th>
              </tr>
            </thead>
            <tbody>
              {state.verification.competences.map((c) => (
                <tr key={c.competenceId}>
                  <th scope="row">{`${c.competenceId} ${COMPETENCES.find((k) => k.id === c.competenceId)?.name[language] ?? ''}`}</th>
                  <td>{c.level}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
