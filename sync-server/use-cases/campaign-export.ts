/**
 * "Exporter les résultats (.csv)" ([EXPORT-1] … [EXPORT-6], [CAMPAIGNS-9]): the relay's own data, shaped by src/core,
 * written with Papaparse. One row per participant ([FOLLOW-2]); results only once sent ([FOLLOW-3]).
 */
import { participationResults } from '../../src/core/campaign/participation-results.ts';
import { DEFAULT_STAGES } from '../../src/core/campaign/stages.ts';
import { assessmentExportTable } from '../../src/core/exports/assessment-export.ts';
import type { ExportCampaign } from '../../src/core/exports/export-participant.ts';
import { profilesExportTable } from '../../src/core/exports/profiles-export.ts';
import { writeCsv } from '../../src/core/exports/write-csv.ts';
import { findCampaign } from '../campaigns/campaign-access.ts';
import { campaignContent, contentUnavailable } from '../campaigns/campaign-content.ts';
import { campaignParticipations, participationOf } from '../campaigns/campaign-participations.ts';
import { targetProfileName } from '../campaigns/campaign-target.ts';
import type { ResultsDeps } from './campaign-results.ts';
import { sentProfiles } from './campaign-results.ts';

export interface CampaignExport {
  fileName: string;
  csv: string;
}

export async function exportCampaign(deps: ResultsDeps, organizationId: string, campaignId: string): Promise<CampaignExport> {
  const campaign = await findCampaign(deps.store, organizationId, campaignId);
  const organization = await deps.store.getOrganization(organizationId);
  const content = await campaignContent(deps.library, organizationId, campaign);
  const participations = await campaignParticipations(deps, organizationId, campaignId);
  const header: ExportCampaign = {
    organizationName: organization?.name ?? '',
    id: campaign.id,
    code: campaign.code,
    name: campaign.name,
    targetProfileName: campaign.type === 'ASSESSMENT' ? targetProfileName(content?.index ?? null, campaign.targetProfile) : null,
    externalIdLabel: campaign.externalIdLabel ?? null,
  };
  // The external id participants give is not collected on lab machines yet: its column stays empty.
  const people = participations.map((p) => ({ ...p, person: { lastName: p.learner.lastName, firstName: p.learner.firstName, className: p.learner.className, externalId: null } }));
  const fileName = `${campaign.code}-resultats.csv`;
  if (campaign.type === 'PROFILES_COLLECTION') {
    const profiles = await sentProfiles(deps, organizationId, participations.filter((p) => p.status === 'SHARED'));
    const table = profilesExportTable({
      campaign: header,
      participants: people.map((p) => ({ ...p.person, sharedAt: p.status === 'SHARED' ? p.assessment.sharedAt : null, profile: profiles.get(p.learner.id) ?? null })),
    });
    return { fileName, csv: writeCsv(table) };
  }
  if (!content) throw contentUnavailable();
  const table = assessmentExportTable({
    campaign: header,
    target: participationResults({ index: content.index, targetSkillIds: campaign.targetSkillIds, knowledge: new Map(), finished: false }),
    stages: DEFAULT_STAGES,
    participants: people.map((p) => {
      const outcome = participationOf(p.result);
      return {
        ...p.person,
        startedAt: p.assessment.startedAt,
        sharedAt: p.status === 'SHARED' ? p.assessment.sharedAt : null,
        progress: outcome?.participation.progress ?? 0,
        results: outcome?.participation ?? null,
      };
    }),
  });
  return { fileName, csv: writeCsv(table) };
}
