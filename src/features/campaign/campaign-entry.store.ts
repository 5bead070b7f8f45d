/**
 * /campagnes/<CODE> before the test: the campaign behind the code (or why it cannot be taken here), the student's
 * participation, the rules of the game once per student ([SHOW-4]), then "Je commence" or "Reprendre". Looking
 * creates nothing; the participation is created when the student starts ([ENTRY-3]).
 */
import { create } from 'zustand';
import { getEngine } from '../../data/engine-client.ts';
import type { CampaignSummary, ParticipationSummary } from '../../data/engine-client.ts';

export type EntryView =
  | { kind: 'loading' }
  /** `reason` is a worker outcome ('unknown-campaign', 'archived-campaign', …) or 'error' with `message`. */
  | { kind: 'problem'; reason: string; message?: string }
  | { kind: 'landing'; campaign: CampaignSummary; participation: ParticipationSummary | null }
  | { kind: 'rules'; campaign: CampaignSummary; step: number }
  | { kind: 'starting'; campaign: CampaignSummary }
  | { kind: 'running'; campaign: CampaignSummary; assessmentId: string };

/** The four screens of the rules of the game (SCREENS.md), by locale key. */
export const RULES = ['web', 'time', 'tutorials', 'adaptive'] as const;

interface CampaignEntryState {
  code: string | null;
  learnerId: string | null;
  view: EntryView;
  look: (code: string, learnerId: string | null) => Promise<void>;
  /** "Je commence" on the landing page: the rules first if this student has not seen them on this machine. */
  begin: () => Promise<void>;
  nextRule: () => Promise<void>;
  /** "Reprendre" (or the results of a finished participation): the same participation, where it stands. */
  resume: () => Promise<void>;
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export const useCampaignEntry = create<CampaignEntryState>()((set, get) => {
  let lookup = 0;

  async function start(campaign: CampaignSummary): Promise<void> {
    const { code } = get();
    if (!code) return;
    set({ view: { kind: 'starting', campaign } });
    try {
      const outcome = await getEngine().startAssessment({ kind: 'campaign', campaignCode: code });
      if (get().code !== code) return;
      set({ view: outcome.ok ? { kind: 'running', campaign, assessmentId: outcome.assessmentId } : { kind: 'problem', reason: outcome.reason } });
    } catch (error) {
      set({ view: { kind: 'problem', reason: 'error', message: messageOf(error) } });
    }
  }

  return {
    code: null,
    learnerId: null,
    view: { kind: 'loading' },

    async look(code, learnerId) {
      const ticket = ++lookup;
      set({ code, learnerId, view: { kind: 'loading' } });
      try {
        const outcome = await getEngine().campaignLanding({ campaignCode: code, learnerId });
        if (ticket !== lookup) return;
        set({ view: outcome.ok ? { kind: 'landing', campaign: outcome.campaign, participation: outcome.participation } : { kind: 'problem', reason: outcome.reason } });
      } catch (error) {
        if (ticket === lookup) set({ view: { kind: 'problem', reason: 'error', message: messageOf(error) } });
      }
    },

    async begin() {
      const { view, learnerId } = get();
      if (view.kind !== 'landing' || !learnerId) return;
      const seen = await getEngine()
        .gameRulesSeen({ learnerId })
        .catch(() => false);
      if (seen) await start(view.campaign);
      else set({ view: { kind: 'rules', campaign: view.campaign, step: 0 } });
    },

    async nextRule() {
      const { view, learnerId } = get();
      if (view.kind !== 'rules' || !learnerId) return;
      if (view.step < RULES.length - 1) {
        set({ view: { ...view, step: view.step + 1 } });
        return;
      }
      // Remembered before starting: a reload during the first challenge does not show the rules again.
      await getEngine()
        .markGameRulesSeen({ learnerId })
        .catch(() => undefined);
      await start(view.campaign);
    },

    async resume() {
      const { view } = get();
      if (view.kind !== 'landing' || !view.participation) return;
      if (view.participation.state === 'started') {
        // Through startAssessment, which finds the open participation: the test counts as open in this tab again.
        await start(view.campaign);
        return;
      }
      set({ view: { kind: 'running', campaign: view.campaign, assessmentId: view.participation.assessmentId } });
    },
  };
});
