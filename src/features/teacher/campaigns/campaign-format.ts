/** How the campaign pages write figures, dates and names, in the page's language. */
import { COMPETENCES } from '../../../core/referential.ts';

export function percent(rate: number | null): string {
  return rate === null ? '–' : `${Math.round(rate * 100)} %`;
}

export function shortDate(ms: number | null, language: string): string {
  return ms === null ? '–' : new Date(ms).toLocaleDateString(language, { day: '2-digit', month: '2-digit', year: 'numeric' });
}

/** "1.1 Mener une recherche et une veille d'information" in French, the English name otherwise. */
export function competenceName(id: string, language: string): string {
  const competence = COMPETENCES.find((c) => c.id === id);
  if (!competence) return id;
  return `${id} ${language.startsWith('en') ? competence.name.en : competence.name.fr}`;
}

/** The direct link students open on a lab machine (SCREENS.md: `/campagnes/<CODE>`). */
export function directLink(code: string): string {
  return `${window.location.origin}/campagnes/${code}`;
}
