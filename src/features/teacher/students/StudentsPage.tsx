/** "Élèves" (SCREENS.md): import the school's list, see it with filters, draw personal codes for a class. */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ClassCodes } from './ClassCodes.tsx';
import { ImportLearnersForm } from './ImportLearnersForm.tsx';
import { LearnerList } from './LearnerList.tsx';
import { useStudents } from './students.store.ts';

export function StudentsPage() {
  const { t } = useTranslation();
  const load = useStudents((s) => s.load);
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <>
      <h1>{t('teacher.students.title')}</h1>
      <ImportLearnersForm />
      <LearnerList />
      <ClassCodes />
    </>
  );
}
