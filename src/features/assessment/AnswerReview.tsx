import { useTranslation } from 'react-i18next';
import type { AnswerValue, PublicChallenge } from '../../core/content/types.ts';
import type { CheckpointReviewItem } from '../../data/engine-client.ts';
import { Markdown, MarkdownInline } from '../../ui/markdown/Markdown.tsx';
import { isChoice } from './answer-draft.ts';
import { TutorialActions } from '../profile/TutorialActions.tsx';

/** "Réponses et tutos" for one answer ([CAMP-7]): the question, the answer given, the expected one, why, tutorials. */
export function AnswerReview({ item }: { item: CheckpointReviewItem }) {
  const { t } = useTranslation();
  const { challenge, expected } = item;
  if (!challenge || !expected) return <p>{t('checkpoint.removed')}</p>;
  return (
    <div className="answer-review">
      <Markdown text={challenge.instruction} className="instruction" lang="fr" headingLevel={5} />
      <h4>{t('checkpoint.yourAnswer')}</h4>
      <GivenAnswer challenge={challenge} value={item.given} skipped={item.result === 'aband'} />
      <h4>{t('checkpoint.expected')}</h4>
      <div lang="fr">
        {expected.kind === 'choice' && <ProposalList challenge={challenge} selected={expected.selected} />}
        {expected.kind === 'fields' && (
          <ul>
            {expected.fields.map((field) => (
              <li key={field.key}>
                {`${field.label} : ${field.accepted[0] ?? ''}`}
                {field.accepted.length > 1 && ` ${t('checkpoint.acceptedAlso', { list: field.accepted.slice(1).join(', ') })}`}
              </li>
            ))}
          </ul>
        )}
        {expected.kind === 'groups' && (
          <>
            <p>{t('checkpoint.groups', { count: expected.fieldCount })}</p>
            <ul>
              {expected.groups.map((group) => (
                <li key={group.join('|')}>{group.join(t('checkpoint.or'))}</li>
              ))}
            </ul>
          </>
        )}
      </div>
      {item.explanation.trim() !== '' && (
        <>
          <h4>{t('checkpoint.explanation')}</h4>
          <Markdown text={item.explanation} lang="fr" headingLevel={5} />
        </>
      )}
      {item.tutorials.length > 0 && (
        <>
          <h4>{t('checkpoint.tutorials')}</h4>
          <ul className="tutorials">
            {item.tutorials.map((tutorial) => (
              <li key={tutorial.id}>
                <details>
                  <summary lang="fr" id={`tuto-${item.answerId}-${tutorial.id}`}>
                    {tutorial.title}
                  </summary>
                  <p className="hint">{t('checkpoint.tutorialMeta', { format: tutorial.format, minutes: tutorial.durationMinutes, source: tutorial.source })}</p>
                  <Markdown text={tutorial.text} lang="fr" headingLevel={5} />
                  {tutorial.link && (
                    <p>
                      <a href={tutorial.link} target="_blank" rel="noopener noreferrer">
                        {t('checkpoint.tutorialLink')}
                      </a>
                    </p>
                  )}
                </details>
                <TutorialActions tutorialId={tutorial.id} describedBy={`tuto-${item.answerId}-${tutorial.id}`} />
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

function GivenAnswer({ challenge, value, skipped }: { challenge: PublicChallenge; value: AnswerValue; skipped: boolean }) {
  const { t } = useTranslation();
  if (skipped) return <p>{t('checkpoint.noAnswer')}</p>;
  if (value.kind === 'choice') return value.selected.length === 0 ? <p>{t('checkpoint.noAnswer')}</p> : <ProposalList challenge={challenge} selected={value.selected} />;
  const fields = isChoice(challenge) ? [] : challenge.fields;
  return (
    <ul lang="fr">
      {fields.map((field) => (
        <li key={field.key}>{`${field.label} : ${value.fields[field.key] ?? ''}`}</li>
      ))}
    </ul>
  );
}

function ProposalList({ challenge, selected }: { challenge: PublicChallenge; selected: readonly number[] }) {
  if (!isChoice(challenge)) return null;
  return (
    <ul lang="fr">
      {selected.map((index) => (
        <li key={index}>
          <MarkdownInline text={challenge.proposals[index - 1] ?? String(index)} />
        </li>
      ))}
    </ul>
  );
}
