/**
 * "Que souhaitez-vous tester ?" ([CAMPAIGNS-2]): whole competences or tubes, checked against the pack the campaign
 * runs on and turned into its target skills. A profiles collection tests nothing: it has no target.
 */
import { targetSkillIds } from '../../src/core/campaign/target-profile.ts';
import type { PackIndex } from '../../src/core/content/pack-index.ts';
import { isCompetenceId } from '../../src/core/referential.ts';
import type { CampaignTargetProfile, CampaignType } from '../../src/core/sync/documents.ts';
import { HttpError } from '../http-error.ts';

/** What a request names: `{competenceIds}` or `{tubeIds}` (the creation form's two ways). */
export type TargetInput = { competenceIds: string[] } | { tubeIds: string[] };

export interface ResolvedTarget {
  targetProfile: CampaignTargetProfile | undefined;
  targetSkillIds: string[];
}

function badTarget(message: string): HttpError {
  return new HttpError(400, 'bad_request', `Requête invalide : ${message}`);
}

export function toTargetProfile(input: TargetInput): CampaignTargetProfile {
  return 'competenceIds' in input ? { kind: 'competences', ids: [...new Set(input.competenceIds)] } : { kind: 'tubes', ids: [...new Set(input.tubeIds)] };
}

export function resolveTarget(index: PackIndex, type: CampaignType, input: TargetInput | undefined): ResolvedTarget {
  if (type === 'PROFILES_COLLECTION') return { targetProfile: undefined, targetSkillIds: [] };
  if (input === undefined) throw badTarget('choisissez ce que la campagne teste (des compétences ou des sujets).');
  const profile = toTargetProfile(input);
  if (profile.kind === 'competences') {
    const unknown = profile.ids.filter((id) => !isCompetenceId(id));
    if (unknown.length > 0) throw badTarget(`compétences inconnues : ${unknown.join(', ')}.`);
  } else {
    const unknown = profile.ids.filter((id) => !index.tubeById.has(id));
    if (unknown.length > 0) throw badTarget(`sujets absents du paquet de contenu de la campagne : ${unknown.join(', ')}.`);
  }
  const tubeIds = profile.kind === 'tubes' ? profile.ids : profile.ids.flatMap((id) => (isCompetenceId(id) ? (index.tubesByCompetence.get(id) ?? []).map((t) => t.id) : []));
  const skills = targetSkillIds(index, { kind: 'tubes', tubes: tubeIds.map((tubeId) => ({ tubeId })) });
  if (skills.length === 0) throw badTarget('le profil cible ne contient aucun acquis de ce référentiel.');
  return { targetProfile: profile, targetSkillIds: skills };
}

/** How the target reads in a list or an export: "1.1, 4.1" or the tubes' titles. */
export function targetProfileName(index: PackIndex | null, profile: CampaignTargetProfile | undefined): string {
  if (profile === undefined) return '';
  if (profile.kind === 'competences') return profile.ids.join(', ');
  return profile.ids.map((id) => index?.tubeById.get(id)?.title ?? id).join(', ');
}
