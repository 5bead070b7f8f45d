import { useTranslation } from 'react-i18next';
import type { SessionCandidate } from '../../data/certification-client.ts';

/** The session's candidates with their certifiability, in words, never by colour alone ([CERT-5]). */
export function CandidateTable({ candidates }: { candidates: SessionCandidate[] }) {
  const { t } = useTranslation();
  if (candidates.length === 0) return <p>{t('invigilator.candidates.none')}</p>;
  return (
    <table>
      <caption>{t('invigilator.candidates.caption', { count: candidates.length })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('invigilator.candidates.fields.lastName')}</th>
          <th scope="col">{t('invigilator.candidates.fields.firstName')}</th>
          <th scope="col">{t('invigilator.candidates.fields.birthDate')}</th>
          <th scope="col">{t('invigilator.candidates.fields.extraTimePercent')}</th>
          <th scope="col">{t('invigilator.candidates.certifiability')}</th>
        </tr>
      </thead>
      <tbody>
        {candidates.map((c) => (
          <tr key={c.id}>
            <td>{c.lastName}</td>
            <td>{c.firstName}</td>
            <td>{c.birthDate}</td>
            <td>{c.extraTimePercent}</td>
            <td>
              {c.certifiability.certifiable
                ? t('invigilator.candidates.certifiable', { count: c.certifiability.competenceCount })
                : t('invigilator.candidates.notCertifiable', { count: c.certifiability.competenceCount })}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
