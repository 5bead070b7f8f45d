import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AnswerReview } from './AnswerReview.tsx';
import { useAssessment } from './assessment.store.ts';
import type { AssessmentPhase } from './assessment.store.ts';

/**
 * After every 5 answers (and at the end for the last ones) ([CAMP-6], [SHOW-5]): progress, "Vos réponses" with each
 * answer right or wrong in words and a sign (never by colour alone), "Réponses et tutos" per answer.
 */
export function CheckpointScreen({ phase }: { phase: Extract<AssessmentPhase, { kind: 'checkpoint' }> }) {
  const { t } = useTranslation();
  const continueAfterCheckpoint = useAssessment((s) => s.continueAfterCheckpoint);
  const heading = useRef<HTMLHeadingElement>(null);
  const [opened, setOpened] = useState<ReadonlySet<string>>(new Set());

  useEffect(() => {
    heading.current?.focus();
  }, []);

  function toggle(answerId: string) {
    setOpened((before) => {
      const next = new Set(before);
      if (!next.delete(answerId)) next.add(answerId);
      return next;
    });
  }

  return (
    <section className="checkpoint" aria-labelledby="checkpoint-title">
      <h2 id="checkpoint-title" ref={heading} tabIndex={-1}>
        {t('checkpoint.title')}
      </h2>
      {phase.progressPercent !== null && (
        <div className="progress-line">
          <p>{t('checkpoint.progress', { percent: phase.progressPercent })}</p>
          <div className="bar" aria-hidden="true">
            <span style={{ width: `${phase.progressPercent}%` }} />
          </div>
        </div>
      )}
      <ol className="checkpoint-list">
        {phase.items.map((item) => {
          const headingId = `checkpoint-${item.answerId}`;
          const panelId = `review-${item.answerId}`;
          const open = opened.has(item.answerId);
          return (
            <li key={item.answerId} className={item.correct ? 'checkpoint-item is-correct' : 'checkpoint-item is-incorrect'} data-result={item.result}>
              <h3 id={headingId}>{t('checkpoint.question', { position: item.position })}</h3>
              <p className="checkpoint-result">
                <span aria-hidden="true">{item.correct ? '✓ ' : '✗ '}</span>
                {t(`checkpoint.results.${item.result}`)}
              </p>
              <button type="button" className="link-button" aria-expanded={open} aria-controls={panelId} aria-describedby={headingId} onClick={() => toggle(item.answerId)}>
                {t('checkpoint.review')}
              </button>
              <div id={panelId} hidden={!open}>
                {open && <AnswerReview item={item} />}
              </div>
            </li>
          );
        })}
      </ol>
      <button type="button" onClick={() => void continueAfterCheckpoint()}>
        {phase.finished ? t('checkpoint.seeResults') : t('checkpoint.continue')}
      </button>
    </section>
  );
}
