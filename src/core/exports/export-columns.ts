/**
 * The words of the exports' column headers (DOMAIN.md, "Campaigns"). The files are read in French spreadsheets, as
 * the relay's messages are in French; competence and domain names come from the referential.
 */
import { COMPETENCES, DOMAINS } from '../referential.ts';
import type { CompetenceId, DomainId } from '../referential.ts';

export const COMMON_HEADERS = {
  organization: "Nom de l'organisation",
  campaignId: 'ID Campagne',
  campaignCode: 'Code',
  campaignName: 'Nom de la campagne',
  targetProfile: 'Nom du profil cible',
  lastName: 'Nom du participant',
  firstName: 'Prénom du participant',
  className: 'Classe',
} as const;

export const ASSESSMENT_HEADERS = {
  progress: '% de progression',
  startedAt: 'Date de début',
  shared: 'Partage (O/N)',
  sharedAt: 'Date du partage',
  stage: (maxStars: number) => `Palier obtenu (/${maxStars})`,
  mastery: "% de maîtrise de l'ensemble des acquis du profil",
  competenceMastery: (name: string) => `% de maîtrise des acquis de la compétence ${name}`,
  competenceTarget: (name: string) => `Nombre d'acquis du profil cible dans la compétence ${name}`,
  competenceValidated: (name: string) => `Acquis maîtrisés dans la compétence ${name}`,
  domainMastery: (name: string) => `% de maîtrise des acquis du domaine ${name}`,
  domainTarget: (name: string) => `Nombre d'acquis du profil cible du domaine ${name}`,
  domainValidated: (name: string) => `Acquis maîtrisés du domaine ${name}`,
} as const;

export const PROFILES_HEADERS = {
  sent: 'Envoi (O/N)',
  sentAt: "Date de l'envoi",
  totalPix: 'Nombre de pix total',
  certifiable: 'Certifiable (O/N)',
  certifiableCompetences: 'Nombre de compétences certifiables',
  competenceLevel: (name: string) => `Niveau pour la compétence ${name}`,
  competencePix: (name: string) => `Nombre de pix pour la compétence ${name}`,
} as const;

/** What a cell says of a result the student has not sent: the teacher may not see it yet. */
export const NOT_AVAILABLE = 'NA';

/** "1.1 Mener une recherche et une veille d'information": code and name, as teachers read them. */
export function competenceLabel(id: CompetenceId): string {
  const competence = COMPETENCES.find((c) => c.id === id);
  return competence ? `${id} ${competence.name.fr}` : id;
}

export function domainLabel(id: DomainId): string {
  const domain = DOMAINS.find((d) => d.id === id);
  return domain ? `${id} ${domain.name.fr}` : id;
}
