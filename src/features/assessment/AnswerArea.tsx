import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublicChallenge } from '../../core/content/types.ts';
import { MarkdownInline } from '../../ui/markdown/Markdown.tsx';
import { isChoice, setField, toggleChoice } from './answer-draft.ts';
import type { AnswerDraft } from './answer-draft.ts';

interface AnswerAreaProps {
  challenge: PublicChallenge;
  draft: AnswerDraft;
  onChange: (draft: AnswerDraft) => void;
  contentLang: string;
  /** Id of the message saying the answer is empty, when shown. */
  invalidId: string | undefined;
}

/** The answer by type: QCU radios, QCM checkboxes, QROC one field, QROCM several labelled fields. */
export function AnswerArea({ challenge, draft, onChange, contentLang, invalidId }: AnswerAreaProps) {
  const { t } = useTranslation();
  const base = useId();
  const hintId = `${base}-hint`;
  const describedBy = invalidId ? `${hintId} ${invalidId}` : hintId;

  if (isChoice(challenge)) {
    const single = challenge.type === 'QCU';
    const selected = draft.kind === 'choice' ? draft.selected : [];
    return (
      <fieldset className="answer-area answer-choices" aria-describedby={describedBy}>
        <legend>{t('challenge.answerLegend')}</legend>
        <p id={hintId} className="hint">
          {single ? t('challenge.chooseOne') : t('challenge.chooseSeveral')}
        </p>
        {challenge.proposals.map((proposal, i) => {
          const id = `${base}-p${i + 1}`;
          return (
            <div className="choice" key={id}>
              <input
                id={id}
                type={single ? 'radio' : 'checkbox'}
                name={`${base}-answer`}
                value={i + 1}
                checked={selected.includes(i + 1)}
                onChange={() => onChange(toggleChoice(draft, i + 1, single))}
              />
              <label htmlFor={id} lang={contentLang}>
                <MarkdownInline text={proposal} />
              </label>
            </div>
          );
        })}
      </fieldset>
    );
  }

  const fields = draft.kind === 'fields' ? draft.fields : {};
  return (
    <fieldset className="answer-area answer-fields" aria-describedby={invalidId}>
      <legend>{t('challenge.answerLegend')}</legend>
      {challenge.fields.map((field) => {
        const id = `${base}-${field.key}`;
        return (
          <div className="field" key={field.key}>
            <label htmlFor={id} lang={contentLang}>
              {field.label}
            </label>
            <input
              id={id}
              name={field.key}
              value={fields[field.key] ?? ''}
              placeholder={field.placeholder}
              inputMode={challenge.format === 'number' ? 'decimal' : undefined}
              autoComplete="off"
              spellCheck={false}
              aria-invalid={invalidId ? true : undefined}
              aria-describedby={invalidId}
              onChange={(event) => onChange(setField(draft, field.key, event.target.value))}
            />
          </div>
        );
      })}
    </fieldset>
  );
}
