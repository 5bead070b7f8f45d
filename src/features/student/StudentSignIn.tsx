import { useEffect, useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { getEngine } from '../../data/engine-client.ts';
import type { RosterLearner } from '../../data/engine-client.ts';
import { useStudentSession } from './student-session.store.ts';

type Step = { kind: 'class' } | { kind: 'name'; className: string } | { kind: 'date'; learner: RosterLearner };

/** Class → name → birth date (or personal code), against the roster this machine holds: works with no network. */
export function StudentSignIn() {
  const { t } = useTranslation();
  const signIn = useStudentSession((s) => s.signIn);
  // Just after a reload the worker may still be finding this tab's student: no sign-in form until it has said.
  const restored = useStudentSession((s) => s.restored);
  const [step, setStep] = useState<Step>({ kind: 'class' });
  const [classes, setClasses] = useState<{ name: string; learners: number }[] | null>(null);
  const [learners, setLearners] = useState<RosterLearner[]>([]);
  const [birthDate, setBirthDate] = useState('');
  const [personalCode, setPersonalCode] = useState('');
  const [useCode, setUseCode] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const dateId = useId();

  useEffect(() => {
    void getEngine().listClasses().then(setClasses);
  }, []);

  async function chooseClass(className: string) {
    setLearners(await getEngine().listLearners({ className }));
    setStep({ kind: 'name', className });
  }

  async function submit(event: FormEvent<HTMLFormElement>, learner: RosterLearner) {
    event.preventDefault();
    setPending(true);
    setError(null);
    const outcome = await signIn(useCode ? { learnerId: learner.id, personalCode } : { learnerId: learner.id, birthDate });
    setPending(false);
    if (!outcome.ok) setError(t(`student.errors.${outcome.reason}`));
  }

  if (!restored || classes === null) return <p role="status">{t('student.loading')}</p>;
  if (classes.length === 0) {
    return (
      <section aria-labelledby="student-signin">
        <h2 id="student-signin">{t('student.signInTitle')}</h2>
        <p>{t('student.noRoster')}</p>
      </section>
    );
  }

  return (
    <section aria-labelledby="student-signin">
      <h2 id="student-signin">{t('student.signInTitle')}</h2>
      {step.kind === 'class' && (
        <>
          <p>{t('student.chooseClass')}</p>
          <ul className="choice-grid">
            {classes.map((c) => (
              <li key={c.name}>
                <button type="button" className="secondary" onClick={() => void chooseClass(c.name)}>
                  {c.name}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {step.kind === 'name' && (
        <>
          <p>{t('student.chooseName', { className: step.className })}</p>
          <ul className="choice-grid">
            {learners.map((l) => (
              <li key={l.id}>
                <button type="button" className="secondary" onClick={() => setStep({ kind: 'date', learner: l })}>
                  {`${l.lastName} ${l.firstName}`}
                </button>
              </li>
            ))}
          </ul>
          <p className="hint">{t('student.notInList')}</p>
          <button type="button" className="link-button" onClick={() => setStep({ kind: 'class' })}>
            {t('student.otherClass')}
          </button>
        </>
      )}
      {step.kind === 'date' && (
        <form onSubmit={(event) => void submit(event, step.learner)}>
          <p>{t('student.hello', { name: `${step.learner.firstName} ${step.learner.lastName}` })}</p>
          {useCode ? (
            <>
              <label htmlFor={dateId}>{t('student.personalCode')}</label>
              <input id={dateId} autoComplete="off" autoCapitalize="characters" spellCheck={false} required value={personalCode} placeholder="ABCD-EFGH" onChange={(e) => setPersonalCode(e.target.value)} />
            </>
          ) : (
            <>
              <label htmlFor={dateId}>{t('student.birthDate')}</label>
              <input id={dateId} inputMode="numeric" autoComplete="off" required value={birthDate} placeholder="jj/mm/aaaa" onChange={(e) => setBirthDate(e.target.value)} />
            </>
          )}
          {error && (
            <p className="field-error" role="alert">
              {error}
            </p>
          )}
          <button type="submit" disabled={pending}>
            {t('student.submit')}
          </button>
          <button
            type="button"
            className="link-button"
            onClick={() => {
              setUseCode(!useCode);
              setError(null);
            }}
          >
            {useCode ? t('student.useBirthDate') : t('student.usePersonalCode')}
          </button>
          <button type="button" className="link-button" onClick={() => setStep({ kind: 'name', className: step.learner.className })}>
            {t('student.notMe')}
          </button>
        </form>
      )}
    </section>
  );
}
