import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { RULES, useCampaignEntry } from './campaign-entry.store.ts';

/** The rules of the game, once per student on this machine ([SHOW-4]): 4 short screens, "Suivant", "Je commence". */
export function GameRules({ step }: { step: number }) {
  const { t } = useTranslation();
  const nextRule = useCampaignEntry((s) => s.nextRule);
  const heading = useRef<HTMLHeadingElement>(null);
  const rule = RULES[step] ?? RULES[0];
  const last = step >= RULES.length - 1;

  useEffect(() => {
    // Each screen's title takes the focus, so a screen reader reads the new rule.
    heading.current?.focus();
  }, [step]);

  return (
    <div className="narrow game-rules">
      <h1>{t('rules.title')}</h1>
      <p className="hint">{t('rules.step', { current: step + 1, total: RULES.length })}</p>
      <section className="card" aria-labelledby="game-rule-title">
        <h2 id="game-rule-title" ref={heading} tabIndex={-1}>
          {t(`rules.items.${rule}.title`)}
        </h2>
        <p>{t(`rules.items.${rule}.text`)}</p>
      </section>
      <p>
        <button type="button" onClick={() => void nextRule()}>
          {last ? t('rules.start') : t('rules.next')}
        </button>
      </p>
    </div>
  );
}
