import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Markdown } from '../../ui/markdown/Markdown.tsx';
import { emptyDraft, toAnswerValue } from './answer-draft.ts';
import { AnswerArea } from './AnswerArea.tsx';
import { useAssessment } from './assessment.store.ts';
import type { AssessmentPhase } from './assessment.store.ts';
import { ChallengeMedia } from './ChallengeMedia.tsx';
import { ReportProblem } from './ReportProblem.tsx';
import { TimedWarning } from './TimedWarning.tsx';
import { TimeLeft } from './TimeLeft.tsx';
import { useWindowLeave } from './use-window-leave.ts';

/** The bank is written in French (`locale: fr-fr`): its text is marked so, whatever the screen's language. */
const CONTENT_LANG = 'fr';

/**
 * One challenge (SCREENS.md, student 5): "n/5", the instruction, illustration and attachments, the answer area by
 * type, "Je passe" and "Je valide" (disabled until the answer is committed, [SHOW-3]), "Signaler un problème";
 * a timed one behind its warning and with its time left; a focused one says when the window was left.
 */
export function ChallengeScreen({ phase }: { phase: Extract<AssessmentPhase, { kind: 'challenge' }> }) {
  const { t } = useTranslation();
  const assessmentId = useAssessment((s) => s.assessmentId);
  const pending = useAssessment((s) => s.pending);
  const submitError = useAssessment((s) => s.submitError);
  const submit = useAssessment((s) => s.submit);
  const startTimer = useAssessment((s) => s.startTimer);
  const leftWindow = useAssessment((s) => s.leftWindow);
  const { challenge, progress, presentation } = phase;
  const [draft, setDraft] = useState(() => emptyDraft(challenge));
  const [empty, setEmpty] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const headingId = useId();
  const emptyId = useId();
  const revealed = presentation !== null;

  useEffect(() => {
    // [SHOW-3] A new challenge (or one just revealed after its warning) takes the focus at its heading.
    heading.current?.focus();
  }, [challenge.id, revealed]);

  const onLeave = useCallback(() => void leftWindow(), [leftWindow]);
  useWindowLeave(revealed && challenge.focused, onLeave);

  function validate(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = toAnswerValue(draft);
    if (value === null) {
      setEmpty(true);
      return;
    }
    void submit(value);
  }

  return (
    <section className="challenge" aria-labelledby={headingId} data-challenge-id={challenge.id}>
      <h2 id={headingId} ref={heading} tabIndex={-1}>
        {t('challenge.heading', { current: progress.current, total: progress.total })}
      </h2>
      {challenge.timer !== undefined && !presentation ? (
        <TimedWarning timer={challenge.timer} pending={pending} onStart={() => void startTimer()} />
      ) : (
        <>
          {challenge.timer !== undefined && presentation && <TimeLeft timer={challenge.timer} shownAt={presentation.shownAt} />}
          {challenge.focused && (
            <p className={presentation?.focusedOut ? 'notice notice-error focus-notice' : 'notice focus-notice'} role={presentation?.focusedOut ? 'alert' : undefined}>
              {presentation?.focusedOut ? t('challenge.focused.left') : t('challenge.focused.hint')}
            </p>
          )}
          <Markdown text={challenge.instruction} className="instruction" lang={CONTENT_LANG} />
          <ChallengeMedia challenge={challenge} />
          <form className="answer-form" onSubmit={validate} noValidate>
            <AnswerArea
              challenge={challenge}
              draft={draft}
              contentLang={CONTENT_LANG}
              invalidId={empty ? emptyId : undefined}
              onChange={(next) => {
                setDraft(next);
                setEmpty(false);
              }}
            />
            {empty && (
              <p id={emptyId} className="field-error" role="alert">
                {t('challenge.emptyAnswer')}
              </p>
            )}
            {submitError !== null && (
              <p className="field-error" role="alert">
                {t('challenge.notSaved', { message: submitError })}
              </p>
            )}
            <div className="challenge-actions">
              <button type="button" className="secondary" disabled={pending} onClick={() => void submit(null)}>
                {t('challenge.skip')}
              </button>
              <button type="submit" disabled={pending}>
                {t('challenge.validate')}
              </button>
            </div>
            {pending && (
              <p role="status" className="hint">
                {t('challenge.saving')}
              </p>
            )}
          </form>
        </>
      )}
      {assessmentId && <ReportProblem assessmentId={assessmentId} challengeId={challenge.id} />}
    </section>
  );
}
