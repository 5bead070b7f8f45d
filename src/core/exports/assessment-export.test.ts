import { describe, expect, it } from 'vitest';
import { participationResults } from '../campaign/participation-results.ts';
import { DEFAULT_STAGES } from '../campaign/stages.ts';
import { targetSkillIds } from '../campaign/target-profile.ts';
import { buildPackIndex } from '../content/pack-index.ts';
import { computeKnowledgeElements } from '../knowledge/compute-knowledge-elements.ts';
import { challengeIdOf, makeAnswers, makePack } from '../test/make-pack.ts';
import { assessmentExportTable } from './assessment-export.ts';
import type { ExportCampaign } from './export-participant.ts';
import { profilesExportTable } from './profiles-export.ts';
import { scoreProfile } from '../scoring/score-profile.ts';

const index = buildPackIndex(
  makePack({
    competences: [
      { id: '1.1', tubes: [{ id: '@a', levels: [1, 2, 3, 4] }] },
      { id: '4.1', tubes: [{ id: '@d', levels: [1, 2] }] },
    ],
  }),
);
const target = targetSkillIds(index, { kind: 'tubes', tubes: [{ tubeId: '@a' }, { tubeId: '@d' }] });
const structure = participationResults({ index, targetSkillIds: target, knowledge: new Map(), finished: false });
const campaign: ExportCampaign = { organizationName: 'Lycée Test', id: 'camp-1', code: 'QWERTY234', name: 'Rentrée', targetProfileName: '1.1, 4.1', externalIdLabel: null };
const JAN_15 = Date.UTC(2026, 0, 15, 9);
const JAN_16 = Date.UTC(2026, 0, 16, 9);

function results(answers: [string, 'ok' | 'ko'][]) {
  return participationResults({ index, targetSkillIds: target, knowledge: computeKnowledgeElements({ index, answers: makeAnswers('p', answers) }), finished: true });
}

describe('assessment campaign export', () => {
  it('[EXPORT-5] the columns of DOMAIN.md: campaign, participant, progress, dates, sharing, stage, mastery, then per competence and per domain', () => {
    const table = assessmentExportTable({ campaign, target: structure, stages: DEFAULT_STAGES, participants: [] });
    expect(table.header).toEqual([
      "Nom de l'organisation", 'ID Campagne', 'Code', 'Nom de la campagne', 'Nom du profil cible', 'Nom du participant', 'Prénom du participant', 'Classe',
      '% de progression', 'Date de début', 'Partage (O/N)', 'Date du partage', 'Palier obtenu (/3)', "% de maîtrise de l'ensemble des acquis du profil",
      "% de maîtrise des acquis de la compétence 1.1 Mener une recherche et une veille d'information",
      "Nombre d'acquis du profil cible dans la compétence 1.1 Mener une recherche et une veille d'information",
      "Acquis maîtrisés dans la compétence 1.1 Mener une recherche et une veille d'information",
      "% de maîtrise des acquis de la compétence 4.1 Sécuriser l'environnement numérique",
      "Nombre d'acquis du profil cible dans la compétence 4.1 Sécuriser l'environnement numérique",
      "Acquis maîtrisés dans la compétence 4.1 Sécuriser l'environnement numérique",
      '% de maîtrise des acquis du domaine 1 Information et données', "Nombre d'acquis du profil cible du domaine 1 Information et données", 'Acquis maîtrisés du domaine 1 Information et données',
      '% de maîtrise des acquis du domaine 4 Protection et sécurité', "Nombre d'acquis du profil cible du domaine 4 Protection et sécurité", 'Acquis maîtrisés du domaine 4 Protection et sécurité',
    ]);
  });

  it('[EXPORT-5] [FOLLOW-3] values from the shared results; a participation not sent shows its progress and start only (NA)', () => {
    // @a3 ok validates @a1 … @a3 (3/4); @d1 ko invalidates @d1, @d2: 3 of 6 = 50 %, "fragile" (1 star).
    const shared = results([[challengeIdOf('@a3'), 'ok'], [challengeIdOf('@d1'), 'ko']]);
    const table = assessmentExportTable({
      campaign: { ...campaign, externalIdLabel: "Numéro d'élève" },
      target: structure,
      stages: DEFAULT_STAGES,
      participants: [
        { lastName: 'MARTIN', firstName: 'Camille', className: '2NDE A', externalId: '=1+1', startedAt: JAN_15, sharedAt: JAN_16, progress: 1, results: shared },
        { lastName: 'BERNARD', firstName: 'Léa', className: '2NDE A', externalId: null, startedAt: JAN_15, sharedAt: null, progress: 0.5, results: shared },
      ],
    });
    expect(table.header[8]).toBe("Numéro d'élève");
    expect(table.rows).toEqual([
      ['Lycée Test', 'camp-1', 'QWERTY234', 'Rentrée', '1.1, 4.1', 'BERNARD', 'Léa', '2NDE A', '', 50, '15/01/2026', 'N', '', 'NA', 'NA', 'NA', 4, 'NA', 'NA', 2, 'NA', 'NA', 4, 'NA', 'NA', 2, 'NA'],
      ['Lycée Test', 'camp-1', 'QWERTY234', 'Rentrée', '1.1, 4.1', 'MARTIN', 'Camille', '2NDE A', '=1+1', 100, '15/01/2026', 'O', '16/01/2026', 1, 50, 75, 4, 3, 0, 2, 0, 75, 4, 3, 0, 2, 0],
    ]);
  });
});

describe('profiles collection export', () => {
  it('[EXPORT-6] sent, send date, total pix, certifiable, certifiable competences, then level and pix of the 16 competences', () => {
    const knowledge = computeKnowledgeElements({ index, answers: makeAnswers('p', [[challengeIdOf('@a4'), 'ok']]) });
    const profile = scoreProfile(index, knowledge);
    const table = profilesExportTable({
      campaign: { ...campaign, targetProfileName: null },
      participants: [
        { lastName: 'MARTIN', firstName: 'Camille', className: '2NDE A', externalId: null, sharedAt: JAN_16, profile },
        { lastName: 'ABEL', firstName: 'Jo', className: '2NDE A', externalId: null, sharedAt: null, profile: null },
      ],
    });
    expect(table.header.slice(0, 12)).toEqual([
      "Nom de l'organisation", 'ID Campagne', 'Code', 'Nom de la campagne', 'Nom du participant', 'Prénom du participant', 'Classe',
      'Envoi (O/N)', "Date de l'envoi", 'Nombre de pix total', 'Certifiable (O/N)', 'Nombre de compétences certifiables',
    ]);
    expect(table.header).toHaveLength(12 + 32);
    expect(table.header[12]).toBe("Niveau pour la compétence 1.1 Mener une recherche et une veille d'information");
    expect(table.header[43]).toBe('Nombre de pix pour la compétence 5.2 Évoluer dans un environnement numérique');
    const [abel, martin] = table.rows;
    expect(abel?.slice(7)).toEqual(['N', '', 'NA', 'NA', 'NA', ...Array<string>(32).fill('NA')]);
    const competence11 = profile.competences.find((c) => c.competenceId === '1.1');
    expect(martin?.slice(7, 14)).toEqual(['O', '16/01/2026', profile.totalPix, 'N', 1, competence11?.level, competence11?.pix]);
    expect(profile.certifiableCompetenceCount).toBe(1);
    expect(competence11?.pix).toBeGreaterThan(0);
  });
});
