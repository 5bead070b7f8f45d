import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_PROBLEM_COMMENT, PROBLEM_CATEGORIES } from '../../core/sync/documents.ts';
import type { ProblemCategory } from '../../core/sync/documents.ts';
import { useProblemReport } from './problem-report.store.ts';

/**
 * "Signaler un problème": a modal dialog (the native one: focus stays inside, Escape closes it) with the categories
 * of DOMAIN.md and an optional comment. Sent to the worker, which keeps it in the learner's log.
 */
export function ReportProblem({ assessmentId, challengeId }: { assessmentId: string; challengeId: string }) {
  const { t } = useTranslation();
  const { state, send, reset } = useProblemReport();
  const dialog = useRef<HTMLDialogElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const [category, setCategory] = useState<ProblemCategory | null>(null);
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  const titleId = useId();
  const missingId = useId();
  const commentId = useId();

  useEffect(() => {
    // A report sent for the previous challenge is not this one's.
    reset();
  }, [challengeId, reset]);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);

  function close() {
    setOpen(false);
    trigger.current?.focus();
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (category === null) {
      setMissing(true);
      return;
    }
    if (await send({ assessmentId, challengeId, category, comment })) {
      setCategory(null);
      setComment('');
      close();
    }
  }

  return (
    <div className="report-problem">
      <button
        ref={trigger}
        type="button"
        className="link-button"
        onClick={() => {
          reset();
          setMissing(false);
          setOpen(true);
        }}
      >
        {t('challenge.report')}
      </button>
      {state.kind === 'sent' && state.challengeId === challengeId && (
        <p role="status" className="success">
          {t('problemReport.sent')}
        </p>
      )}
      <dialog ref={dialog} aria-labelledby={titleId} onClose={() => setOpen(false)} className="report-dialog">
        <form onSubmit={(event) => void submit(event)} noValidate>
          <h2 id={titleId}>{t('problemReport.title')}</h2>
          <p>{t('problemReport.intro')}</p>
          <fieldset aria-describedby={missing ? missingId : undefined}>
            <legend>{t('problemReport.category')}</legend>
            {PROBLEM_CATEGORIES.map((id) => (
              <div className="choice" key={id}>
                <input
                  id={`${titleId}-${id}`}
                  type="radio"
                  name="category"
                  value={id}
                  checked={category === id}
                  onChange={() => {
                    setCategory(id);
                    setMissing(false);
                  }}
                />
                <label htmlFor={`${titleId}-${id}`}>{t(`problemReport.categories.${id}`)}</label>
              </div>
            ))}
          </fieldset>
          {missing && (
            <p id={missingId} className="field-error" role="alert">
              {t('problemReport.chooseCategory')}
            </p>
          )}
          <label htmlFor={commentId}>{t('problemReport.comment')}</label>
          <textarea id={commentId} rows={3} maxLength={MAX_PROBLEM_COMMENT} value={comment} onChange={(event) => setComment(event.target.value)} />
          {state.kind === 'failed' && (
            <p className="field-error" role="alert">
              {t('problemReport.failed', { message: state.message })}
            </p>
          )}
          <div className="challenge-actions">
            <button type="button" className="secondary" onClick={close}>
              {t('problemReport.cancel')}
            </button>
            <button type="submit" disabled={state.kind === 'sending'}>
              {t('problemReport.send')}
            </button>
          </div>
        </form>
      </dialog>
    </div>
  );
}
