import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isCampaignCode, normalizeCampaignCode } from '../../core/campaign-code.ts';

export function CampaignCodeForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [code, setCode] = useState('');
  const [invalid, setInvalid] = useState(false);
  const inputId = useId();
  const hintId = useId();
  const errorId = useId();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!isCampaignCode(code)) {
      setInvalid(true);
      return;
    }
    void navigate(`/campagnes/${normalizeCampaignCode(code)}`);
  }

  return (
    <form onSubmit={submit} noValidate>
      <label htmlFor={inputId}>{t('home.codeLabel')}</label>
      <p id={hintId} className="hint">
        {t('home.codeHint')}
      </p>
      <input
        id={inputId}
        name="code"
        value={code}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        maxLength={12}
        aria-describedby={invalid ? `${hintId} ${errorId}` : hintId}
        aria-invalid={invalid}
        onChange={(event) => {
          setCode(event.target.value);
          setInvalid(false);
        }}
      />
      {invalid && (
        <p id={errorId} className="field-error" role="alert">
          {t('home.codeInvalid')}
        </p>
      )}
      <button type="submit">{t('home.start')}</button>
    </form>
  );
}
