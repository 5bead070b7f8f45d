/**
 * The CRCN referential: 5 domains, 16 competences, levels 1–8.
 * Competence ids are the CRCN codes ("1.1" … "5.2") everywhere: pack, API, documents.
 */

export const DOMAINS = [
  { id: '1', name: { fr: 'Information et données', en: 'Information and data' } },
  { id: '2', name: { fr: 'Communication et collaboration', en: 'Communication and collaboration' } },
  { id: '3', name: { fr: 'Création de contenus', en: 'Content creation' } },
  { id: '4', name: { fr: 'Protection et sécurité', en: 'Protection and security' } },
  { id: '5', name: { fr: 'Environnement numérique', en: 'Digital environment' } },
] as const;

export const COMPETENCES = [
  { id: '1.1', domainId: '1', name: { fr: "Mener une recherche et une veille d'information", en: 'Searching and monitoring information' } },
  { id: '1.2', domainId: '1', name: { fr: 'Gérer des données', en: 'Managing data' } },
  { id: '1.3', domainId: '1', name: { fr: 'Traiter des données', en: 'Processing data' } },
  { id: '2.1', domainId: '2', name: { fr: 'Interagir', en: 'Interacting' } },
  { id: '2.2', domainId: '2', name: { fr: 'Partager et publier', en: 'Sharing and publishing' } },
  { id: '2.3', domainId: '2', name: { fr: 'Collaborer', en: 'Collaborating' } },
  { id: '2.4', domainId: '2', name: { fr: "S'insérer dans le monde numérique", en: 'Finding a place in the digital world' } },
  { id: '3.1', domainId: '3', name: { fr: 'Développer des documents textuels', en: 'Developing text documents' } },
  { id: '3.2', domainId: '3', name: { fr: 'Développer des documents multimédia', en: 'Developing multimedia documents' } },
  { id: '3.3', domainId: '3', name: { fr: 'Adapter les documents à leur finalité', en: 'Adapting documents to their purpose' } },
  { id: '3.4', domainId: '3', name: { fr: 'Programmer', en: 'Programming' } },
  { id: '4.1', domainId: '4', name: { fr: "Sécuriser l'environnement numérique", en: 'Securing the digital environment' } },
  { id: '4.2', domainId: '4', name: { fr: 'Protéger les données personnelles et la vie privée', en: 'Protecting personal data and privacy' } },
  { id: '4.3', domainId: '4', name: { fr: "Protéger la santé, le bien-être et l'environnement", en: 'Protecting health, well-being and the environment' } },
  { id: '5.1', domainId: '5', name: { fr: 'Résoudre des problèmes techniques', en: 'Solving technical problems' } },
  { id: '5.2', domainId: '5', name: { fr: 'Évoluer dans un environnement numérique', en: 'Evolving in a digital environment' } },
] as const;

export type DomainId = (typeof DOMAINS)[number]['id'];
export type CompetenceId = (typeof COMPETENCES)[number]['id'];

export const COMPETENCE_IDS: readonly CompetenceId[] = COMPETENCES.map((c) => c.id);

/** Highest level of the referential; levels 1–5 are used in schools today. */
export const MAX_REFERENTIAL_LEVEL = 8;
/** Competence levels are capped at this value unless configured otherwise (DOMAIN.md). */
export const DEFAULT_LEVEL_CAP = 5;
/** Pix per competence level. */
export const PIX_PER_LEVEL = 8;
/** Profile total is 16 competences × 64 pix. */
export const MAX_PROFILE_PIX = COMPETENCES.length * PIX_PER_LEVEL * MAX_REFERENTIAL_LEVEL;

export function isCompetenceId(value: string): value is CompetenceId {
  return (COMPETENCE_IDS as readonly string[]).includes(value);
}

export function levelBand(level: number): 'novice' | 'independent' | 'advanced' | 'expert' {
  if (level <= 2) return 'novice';
  if (level <= 4) return 'independent';
  if (level <= 6) return 'advanced';
  return 'expert';
}
