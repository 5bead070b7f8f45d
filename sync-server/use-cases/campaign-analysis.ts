/**
 * "Analyse" ([FOLLOW-6], [FOLLOW-7], [CAMPAIGNS-7]): the topics the participants master least, tutorials to suggest,
 * and each competence's distribution over the stages, from the results they sent. A profiles collection tests
 * nothing and has no analysis.
 */
import { competenceDistribution } from '../../src/core/campaign/competence-distribution.ts';
import type { CompetenceDistribution } from '../../src/core/campaign/competence-distribution.ts';
import { participationResults } from '../../src/core/campaign/participation-results.ts';
import { DEFAULT_STAGES } from '../../src/core/campaign/stages.ts';
import { suggestedTutorials, tubeMastery } from '../../src/core/campaign/tube-analysis.ts';
import type { TubeMastery } from '../../src/core/campaign/tube-analysis.ts';
import type { Tutorial } from '../../src/core/content/types.ts';
import type { KnowledgeElement } from '../../src/core/knowledge/knowledge-element.ts';
import { findCampaign } from '../campaigns/campaign-access.ts';
import { campaignContent, contentUnavailable } from '../campaigns/campaign-content.ts';
import { campaignParticipations, participationOf } from '../campaigns/campaign-participations.ts';
import { HttpError } from '../http-error.ts';
import type { ResultsDeps } from './campaign-results.ts';

export interface CampaignAnalysis {
  sharedCount: number;
  tubes: TubeMastery[];
  tutorials: (Pick<Tutorial, 'id' | 'title' | 'source' | 'format' | 'durationMinutes'> & { tubeId: string; link: string | null })[];
  distribution: CompetenceDistribution[];
}

export async function campaignAnalysis(deps: ResultsDeps, organizationId: string, campaignId: string): Promise<CampaignAnalysis> {
  const campaign = await findCampaign(deps.store, organizationId, campaignId);
  if (campaign.type !== 'ASSESSMENT') throw new HttpError(409, 'not_an_assessment', "Une collecte de profils n'a pas d'analyse : elle ne teste rien.");
  const content = await campaignContent(deps.library, organizationId, campaign);
  if (!content) throw contentUnavailable();
  const outcomes = (await campaignParticipations(deps, organizationId, campaignId)).filter((p) => p.status === 'SHARED').flatMap((p) => {
    const outcome = participationOf(p.result);
    return outcome ? [outcome] : [];
  });
  const tubes = tubeMastery(
    content.index,
    campaign.targetSkillIds,
    outcomes.map((o) => new Map(o.knowledgeElements.map((ke: KnowledgeElement) => [ke.skillId, ke]))),
  );
  const structure = participationResults({ index: content.index, targetSkillIds: campaign.targetSkillIds, knowledge: new Map(), finished: false });
  return {
    sharedCount: outcomes.length,
    tubes,
    tutorials: suggestedTutorials(content.index, tubes).map(({ tubeId, tutorial }) => ({
      id: tutorial.id,
      title: tutorial.title,
      source: tutorial.source,
      format: tutorial.format,
      durationMinutes: tutorial.durationMinutes,
      link: tutorial.link ?? null,
      tubeId,
    })),
    distribution: competenceDistribution(DEFAULT_STAGES, structure, outcomes.map((o) => o.participation)),
  };
}
