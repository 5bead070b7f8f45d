/** The school's students with filters by class and certifiability ("Certifiable", "Non certifiable", "Non communiqué"). */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { CERTIFIABILITY_FILTERS } from '../../../data/teacher-client.ts';
import { formatIsoDate } from './format-date.ts';
import { useStudents } from './students.store.ts';

export function LearnerList() {
  const { t, i18n } = useTranslation();
  const { list, loading, listFailure, filters, setFilters } = useStudents();
  const headingId = useId();
  const classId = useId();
  const certifiabilityId = useId();

  return (
    <section aria-labelledby={headingId} aria-busy={loading}>
      <h2 id={headingId}>{t('teacher.students.list.title')}</h2>
      {listFailure && (
        <p role="alert" className="field-error">
          {t('teacher.students.list.loadFailed', { message: listFailure.message ?? t('teacher.students.import.unreachable') })}
        </p>
      )}
      {list?.lastImport && (
        <p className="hint">{t('teacher.students.list.lastImport', { fileName: list.lastImport.fileName, date: new Date(list.lastImport.importedAt).toLocaleString(i18n.language) })}</p>
      )}
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <div>
          <label htmlFor={classId}>{t('teacher.students.list.class')}</label>
          <select id={classId} value={filters.className} onChange={(e) => void setFilters({ className: e.target.value })}>
            <option value="">{t('teacher.students.list.allClasses')}</option>
            {list?.classes.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={certifiabilityId}>{t('teacher.students.list.certifiability')}</label>
          <select
            id={certifiabilityId}
            value={filters.certifiability}
            onChange={(e) => void setFilters({ certifiability: CERTIFIABILITY_FILTERS.find((c) => c === e.target.value) ?? '' })}
          >
            <option value="">{t('teacher.students.list.allCertifiabilities')}</option>
            {CERTIFIABILITY_FILTERS.map((value) => (
              <option key={value} value={value}>
                {t(`teacher.students.list.values.${value}`)}
              </option>
            ))}
          </select>
        </div>
      </form>
      {list && (
        <div className="table-scroll">
          <table className="learner-table">
            <caption>{t('teacher.students.list.caption', { count: list.learners.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('teacher.students.list.lastName')}</th>
                <th scope="col">{t('teacher.students.list.firstName')}</th>
                <th scope="col">{t('teacher.students.list.class')}</th>
                <th scope="col">{t('teacher.students.list.birthDate')}</th>
                <th scope="col">{t('teacher.students.list.certifiability')}</th>
              </tr>
            </thead>
            <tbody>
              {list.learners.length === 0 && (
                <tr>
                  <td colSpan={5}>{t('teacher.students.list.empty')}</td>
                </tr>
              )}
              {list.learners.map((learner) => (
                <tr key={learner.id}>
                  <td>{learner.lastName}</td>
                  <td>{learner.firstName}</td>
                  <td>{learner.className}</td>
                  <td>{formatIsoDate(learner.birthDate)}</td>
                  <td>{t(`teacher.students.list.values.${learner.certifiability}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
