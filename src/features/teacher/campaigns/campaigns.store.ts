/**
 * "Campagnes": the school's campaigns, the packs it imported (for the creation form), and the writes of the form
 * ("Créer une campagne", "Modifier") and of "Archiver". Calls go through src/data with the teacher's token.
 */
import { create } from 'zustand';
import { createCampaign, fetchCampaigns, fetchImportedPacks, setCampaignArchived, updateCampaign } from '../../../data/campaigns-client.ts';
import type { CampaignFailure, CampaignOutcome } from '../../../data/campaigns-client.ts';
import type { CampaignFormValues, CampaignSummary, ImportedPack } from '../../../data/campaign-types.ts';
import { signOutWhenUnauthorized, staffToken } from './staff-token.ts';

interface CampaignsState {
  campaigns: CampaignSummary[] | null;
  loading: boolean;
  failure: CampaignFailure | null;
  packs: ImportedPack[];
  load: () => Promise<void>;
  loadPacks: () => Promise<void>;
  create: (values: CampaignFormValues) => Promise<CampaignOutcome<CampaignSummary>>;
  update: (id: string, values: Partial<Omit<CampaignFormValues, 'type'>>) => Promise<CampaignOutcome<CampaignSummary>>;
  setArchived: (id: string, archived: boolean) => Promise<CampaignOutcome<CampaignSummary>>;
}

const noToken: CampaignFailure = { ok: false, reason: 'unauthorized', message: null };

/** Keeps the list in step with a campaign the relay just wrote. */
function withCampaign(list: CampaignSummary[] | null, campaign: CampaignSummary): CampaignSummary[] | null {
  if (!list) return list;
  return list.some((c) => c.id === campaign.id) ? list.map((c) => (c.id === campaign.id ? campaign : c)) : [campaign, ...list];
}

export const useCampaigns = create<CampaignsState>()((set, get) => {
  async function write(run: (token: string) => Promise<CampaignOutcome<CampaignSummary>>): Promise<CampaignOutcome<CampaignSummary>> {
    const token = staffToken();
    if (!token) return noToken;
    const outcome = await run(token);
    if (outcome.ok) set({ campaigns: withCampaign(get().campaigns, outcome.value) });
    else signOutWhenUnauthorized(outcome);
    return outcome;
  }

  return {
    campaigns: null,
    loading: false,
    failure: null,
    packs: [],

    async load() {
      const token = staffToken();
      if (!token) return;
      set({ loading: true });
      const outcome = await fetchCampaigns(token);
      if (outcome.ok) set({ campaigns: outcome.value, loading: false, failure: null });
      else {
        set({ loading: false, failure: outcome });
        signOutWhenUnauthorized(outcome);
      }
    },

    async loadPacks() {
      const token = staffToken();
      if (!token) return;
      const outcome = await fetchImportedPacks(token);
      if (outcome.ok) set({ packs: outcome.value });
    },

    create: (values) => write((token) => createCampaign(token, values)),
    update: (id, values) => write((token) => updateCampaign(token, id, values)),
    setArchived: (id, archived) => write((token) => setCampaignArchived(token, id, archived)),
  };
});
