/**
 * "Créer une campagne" and "Modifier" (SCREENS.md): name, purpose ("Évaluer les participants" / "Collecter les profils
 * Pix des participants"), "Que souhaitez-vous tester ?" (whole competences or topics of the chosen pack), the pack,
 * an external id, title, landing text (5000 characters at most) and multiple sendings. Once someone took part, what
 * decides how tests run (multiple sendings, target, pack) is shown but cannot change ([CAMPAIGNS-4]).
 */
import { useEffect, useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchPackTubes } from '../../../data/campaigns-client.ts';
import type { PackTube } from '../../../data/campaigns-client.ts';
import type { CampaignFormValues, CampaignSummary } from '../../../data/campaign-types.ts';
import { COMPETENCES, DOMAINS } from '../../../core/referential.ts';
import { useCampaigns } from './campaigns.store.ts';
import { competenceName } from './campaign-format.ts';
import { staffToken } from './staff-token.ts';

const MAX_LANDING_TEXT = 5000;

type TargetKind = 'competences' | 'tubes';

function initialValues(campaign: CampaignSummary | null): CampaignFormValues & { targetKind: TargetKind; ids: string[]; askExternalId: boolean } {
  return {
    name: campaign?.name ?? '',
    type: campaign?.type ?? 'ASSESSMENT',
    title: campaign?.title ?? '',
    landingText: campaign?.landingText ?? '',
    multipleSendings: campaign?.multipleSendings ?? false,
    externalIdLabel: campaign?.externalIdLabel ?? null,
    askExternalId: campaign?.externalIdLabel !== undefined && campaign !== null,
    contentVersion: campaign?.contentVersion ?? null,
    targetKind: campaign?.targetProfile?.kind ?? 'competences',
    ids: campaign?.targetProfile?.ids ?? [],
  };
}

export function CampaignForm({ campaign, onSaved, onCancel }: { campaign: CampaignSummary | null; onSaved: (saved: CampaignSummary) => void; onCancel: () => void }) {
  const { t, i18n } = useTranslation();
  const { packs, loadPacks, create, update } = useCampaigns();
  const [values, setValues] = useState(() => initialValues(campaign));
  const [tubes, setTubes] = useState<PackTube[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const id = useId();
  const frozen = campaign !== null && campaign.participantCount > 0;
  const editing = campaign !== null;

  useEffect(() => {
    void loadPacks();
  }, [loadPacks]);
  useEffect(() => {
    const token = staffToken();
    if (!token || values.type !== 'ASSESSMENT' || values.targetKind !== 'tubes') return;
    let current = true;
    void fetchPackTubes(token, values.contentVersion).then((outcome) => {
      if (current) setTubes(outcome.ok ? outcome.value : []);
    });
    return () => {
      current = false;
    };
  }, [values.type, values.targetKind, values.contentVersion]);

  const set = (changes: Partial<typeof values>): void => setValues((v) => ({ ...v, ...changes }));
  const toggle = (itemId: string, on: boolean): void => set({ ids: on ? [...values.ids, itemId] : values.ids.filter((x) => x !== itemId) });

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    setError(null);
    if (values.name.trim() === '') return setError(t('teacher.campaigns.form.nameRequired'));
    if (values.type === 'ASSESSMENT' && values.ids.length === 0) return setError(t('teacher.campaigns.form.targetRequired'));
    if (values.askExternalId && !values.externalIdLabel?.trim()) return setError(t('teacher.campaigns.form.externalIdRequired'));
    const payload: CampaignFormValues = {
      name: values.name,
      type: values.type,
      title: values.title,
      landingText: values.landingText,
      multipleSendings: values.multipleSendings,
      externalIdLabel: values.askExternalId ? values.externalIdLabel : null,
      contentVersion: values.contentVersion,
      ...(values.type === 'ASSESSMENT' ? { target: values.targetKind === 'competences' ? { competenceIds: values.ids } : { tubeIds: values.ids } } : {}),
    };
    setSaving(true);
    // Once someone took part, only the texts are sent: the frozen fields are not the form's to change.
    const { type: _type, multipleSendings, contentVersion, target, ...texts } = payload;
    const changes = frozen ? texts : { ...texts, multipleSendings, contentVersion, ...(target ? { target } : {}) };
    const outcome = editing ? await update(campaign.id, changes) : await create(payload);
    setSaving(false);
    if (outcome.ok) onSaved(outcome.value);
    else setError(t('teacher.campaigns.form.failed', { message: outcome.message ?? t('teacher.campaigns.unreachable') }));
  }

  const yesNo = (name: string, value: boolean, onChange: (v: boolean) => void, disabled = false) => (
    <div className="radio-row">
      {[true, false].map((option) => (
        <label key={String(option)}>
          <input type="radio" name={`${id}-${name}`} checked={value === option} disabled={disabled} onChange={() => onChange(option)} /> {option ? t('teacher.campaigns.form.yes') : t('teacher.campaigns.form.no')}
        </label>
      ))}
    </div>
  );

  return (
    <form className="campaign-form" onSubmit={(e) => void submit(e)} noValidate>
      <div className="field">
        <label htmlFor={`${id}-name`}>{t('teacher.campaigns.form.name')}</label>
        <input id={`${id}-name`} value={values.name} maxLength={255} required onChange={(e) => set({ name: e.target.value })} />
      </div>

      <fieldset disabled={editing}>
        <legend>{t('teacher.campaigns.form.purpose')}</legend>
        {(['ASSESSMENT', 'PROFILES_COLLECTION'] as const).map((type) => (
          <label key={type}>
            <input type="radio" name={`${id}-type`} checked={values.type === type} onChange={() => set({ type })} /> {t(`teacher.campaigns.purposes.${type}`)}
          </label>
        ))}
      </fieldset>

      {frozen && <p className="notice">{t('teacher.campaigns.form.frozen')}</p>}

      {values.type === 'ASSESSMENT' && (
        <>
          <div className="field">
            <label htmlFor={`${id}-pack`}>{t('teacher.campaigns.form.pack')}</label>
            <select id={`${id}-pack`} value={values.contentVersion ?? ''} disabled={frozen} onChange={(e) => set({ contentVersion: e.target.value || null, ...(values.targetKind === 'tubes' ? { ids: [] } : {}) })}>
              <option value="">{t('teacher.campaigns.form.builtinPack')}</option>
              {packs.map((pack) => (
                <option key={pack.version} value={pack.version}>
                  {t('teacher.campaigns.form.importedPack', { name: pack.name, count: pack.challengeCount })}
                </option>
              ))}
            </select>
          </div>
          <fieldset disabled={frozen}>
            <legend>{t('teacher.campaigns.form.target')}</legend>
            <div className="radio-row">
              {(['competences', 'tubes'] as const).map((kind) => (
                <label key={kind}>
                  <input type="radio" name={`${id}-target-kind`} checked={values.targetKind === kind} onChange={() => set({ targetKind: kind, ids: [] })} /> {t(`teacher.campaigns.form.targetKinds.${kind}`)}
                </label>
              ))}
            </div>
            {values.targetKind === 'competences' ? (
              <div className="target-grid">
                {DOMAINS.map((domain) => (
                  <fieldset key={domain.id}>
                    <legend>{`${domain.id}. ${i18n.language.startsWith('en') ? domain.name.en : domain.name.fr}`}</legend>
                    {COMPETENCES.filter((c) => c.domainId === domain.id).map((c) => (
                      <label key={c.id}>
                        <input type="checkbox" checked={values.ids.includes(c.id)} onChange={(e) => toggle(c.id, e.target.checked)} /> {competenceName(c.id, i18n.language)}
                      </label>
                    ))}
                  </fieldset>
                ))}
              </div>
            ) : (
              <div className="target-grid">
                {COMPETENCES.filter((c) => tubes.some((tube) => tube.competenceId === c.id)).map((c) => (
                  <fieldset key={c.id}>
                    <legend>{competenceName(c.id, i18n.language)}</legend>
                    {tubes
                      .filter((tube) => tube.competenceId === c.id)
                      .map((tube) => (
                        <label key={tube.id}>
                          <input type="checkbox" checked={values.ids.includes(tube.id)} onChange={(e) => toggle(tube.id, e.target.checked)} /> {tube.title}
                        </label>
                      ))}
                  </fieldset>
                ))}
              </div>
            )}
          </fieldset>
        </>
      )}

      <fieldset>
        <legend>{t('teacher.campaigns.form.externalId')}</legend>
        {yesNo('external-id', values.askExternalId, (askExternalId) => set({ askExternalId }))}
        {values.askExternalId && (
          <div className="field">
            <label htmlFor={`${id}-label`}>{t('teacher.campaigns.form.externalIdLabel')}</label>
            <input id={`${id}-label`} value={values.externalIdLabel ?? ''} maxLength={255} onChange={(e) => set({ externalIdLabel: e.target.value })} />
          </div>
        )}
      </fieldset>

      <div className="field">
        <label htmlFor={`${id}-title`}>{t('teacher.campaigns.form.title')}</label>
        <input id={`${id}-title`} value={values.title} maxLength={255} onChange={(e) => set({ title: e.target.value })} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-landing`}>{t('teacher.campaigns.form.landingText')}</label>
        <textarea id={`${id}-landing`} rows={6} value={values.landingText} maxLength={MAX_LANDING_TEXT} aria-describedby={`${id}-landing-count`} onChange={(e) => set({ landingText: e.target.value })} />
        <p id={`${id}-landing-count`} className="hint">
          {t('teacher.campaigns.form.landingCount', { count: values.landingText.length, max: MAX_LANDING_TEXT })}
        </p>
      </div>

      <fieldset disabled={frozen}>
        <legend>{t('teacher.campaigns.form.multipleSendings')}</legend>
        {yesNo('multiple', values.multipleSendings, (multipleSendings) => set({ multipleSendings }), frozen)}
      </fieldset>

      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="submit" disabled={saving}>
          {saving ? t('teacher.campaigns.form.saving') : editing ? t('teacher.campaigns.form.submitEdit') : t('teacher.campaigns.form.submitCreate')}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t('teacher.campaigns.form.cancel')}
        </button>
      </div>
    </form>
  );
}
