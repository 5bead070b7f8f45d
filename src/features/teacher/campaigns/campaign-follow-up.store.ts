/**
 * One campaign followed by its teacher: the campaign, "Activité" with its filters, "Résultats", "Analyse", and the
 * export. Figures are read again when the relay's event stream says one of its participations moved
 * ([CAMPAIGNS-LIVE]); reads that arrive together are coalesced, so a lab pushing twenty answers reads once.
 */
import { create } from 'zustand';
import { fetchActivity, fetchAnalysis, fetchCampaign, fetchExport, fetchResults } from '../../../data/campaigns-client.ts';
import type { CampaignFailure } from '../../../data/campaigns-client.ts';
import { followCampaignEvents } from '../../../data/campaign-live.ts';
import type { ActivityFilters, CampaignActivity, CampaignAnalysisView, CampaignResultsView, CampaignSummary } from '../../../data/campaign-types.ts';
import { signOutWhenUnauthorized, staffToken } from './staff-token.ts';

/** Live changes within this window are read once. */
export const LIVE_COALESCE_MS = 300;

interface FollowUpState {
  campaignId: string | null;
  campaign: CampaignSummary | null;
  activity: CampaignActivity | null;
  results: CampaignResultsView | null;
  analysis: CampaignAnalysisView | null;
  filters: ActivityFilters;
  failure: CampaignFailure | null;
  live: boolean;
  exporting: boolean;
  exportFailure: CampaignFailure | null;
  open: (campaignId: string) => void;
  close: () => void;
  refresh: () => Promise<void>;
  setFilters: (filters: Partial<ActivityFilters>) => Promise<void>;
  setCampaign: (campaign: CampaignSummary) => void;
  exportCsv: () => Promise<{ blob: Blob; fileName: string } | null>;
}

const NO_FILTERS: ActivityFilters = { className: '', status: '', name: '' };

export const useCampaignFollowUp = create<FollowUpState>()((set, get) => {
  let stopLive: (() => void) | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const assessmentIds = new Set<string>();

  function fail(failure: CampaignFailure): void {
    set({ failure });
    signOutWhenUnauthorized(failure);
  }

  async function readActivity(token: string, campaignId: string): Promise<void> {
    const activity = await fetchActivity(token, campaignId, get().filters);
    if (get().campaignId !== campaignId) return;
    if (activity.ok) set({ activity: activity.value });
    else fail(activity);
  }

  function scheduleRefresh(): void {
    clearTimeout(timer);
    timer = setTimeout(() => void get().refresh(), LIVE_COALESCE_MS);
  }

  return {
    campaignId: null,
    campaign: null,
    activity: null,
    results: null,
    analysis: null,
    filters: NO_FILTERS,
    failure: null,
    live: false,
    exporting: false,
    exportFailure: null,

    open(campaignId) {
      if (get().campaignId === campaignId && stopLive) return;
      get().close();
      set({ campaignId, filters: NO_FILTERS });
      const token = staffToken();
      if (!token) return;
      // The stream opens with "RESYNC", which reads everything once; later events read again when they concern us.
      stopLive = followCampaignEvents(token, (touch) => {
        set({ live: true });
        if (touch.resync || touch.campaignIds.includes(campaignId) || touch.assessmentIds.some((id) => assessmentIds.has(id))) scheduleRefresh();
      });
      void get().refresh();
    },

    close() {
      stopLive?.();
      stopLive = null;
      clearTimeout(timer);
      assessmentIds.clear();
      set({ campaignId: null, campaign: null, activity: null, results: null, analysis: null, failure: null, live: false, exportFailure: null });
    },

    async refresh() {
      const { campaignId } = get();
      const token = staffToken();
      if (!campaignId || !token) return;
      const campaign = await fetchCampaign(token, campaignId);
      if (get().campaignId !== campaignId) return;
      if (!campaign.ok) return fail(campaign);
      set({ campaign: campaign.value, failure: null });
      const [results, analysis] = await Promise.all([
        fetchResults(token, campaignId),
        campaign.value.type === 'ASSESSMENT' ? fetchAnalysis(token, campaignId) : Promise.resolve(null),
        readActivity(token, campaignId),
      ]);
      if (get().campaignId !== campaignId) return;
      if (results.ok) set({ results: results.value });
      if (analysis?.ok) set({ analysis: analysis.value });
      // The campaign's tests, so that an event carrying only answers is recognised as ours.
      for (const p of get().activity?.participants ?? []) assessmentIds.add(p.assessmentId);
    },

    async setFilters(filters) {
      set({ filters: { ...get().filters, ...filters } });
      const { campaignId } = get();
      const token = staffToken();
      if (campaignId && token) await readActivity(token, campaignId);
    },

    setCampaign(campaign) {
      if (campaign.id === get().campaignId) set({ campaign });
    },

    async exportCsv() {
      const { campaignId } = get();
      const token = staffToken();
      if (!campaignId || !token) return null;
      set({ exporting: true, exportFailure: null });
      const file = await fetchExport(token, campaignId);
      set({ exporting: false });
      if (file.ok) return file.value;
      set({ exportFailure: file });
      signOutWhenUnauthorized(file);
      return null;
    },
  };
});
