/**
 * A small valid authored competence for tests: one tube, two skills, one challenge of each type, an
 * attachment, an illustration, a timed and a focused challenge. Each call returns a fresh copy, so a test
 * can break one thing without affecting the others.
 */
import type { AuthoredCompetence } from '../authored-types.ts';

export function sampleCompetence(): AuthoredCompetence {
  return {
    competence: '1.1',
    tubes: [
      {
        id: '@sampleMotsCles',
        title: 'Choisir des mots-clés',
        description: 'Formuler une requête efficace.',
        tutorials: [
          {
            id: 'tuto-sample-mots-cles',
            title: 'Bien choisir ses mots-clés',
            source: 'Équipe pédagogique',
            format: 'texte',
            durationMinutes: 3,
            text: 'Gardez les mots qui portent le sens ; retirez les mots vides.',
          },
        ],
        skills: [
          {
            level: 1,
            hint: 'Gardez les mots importants.',
            challenges: [
              {
                id: 'sample-mots-cles-1-a',
                type: 'QCU',
                instruction: 'Quel mot garder dans « recette de crêpes » ?',
                proposals: ['de', 'recette', 'la'],
                solution: 2,
                explanation: '« recette » porte le sens.',
                attachments: ['1.1/mots.csv'],
                illustration: { file: '1.1/requete.svg', alt: 'Une barre de recherche.' },
                timer: 60,
              },
              {
                id: 'sample-mots-cles-1-b',
                type: 'QCM',
                instruction: 'Quels mots sont des mots vides ?',
                proposals: ['de', 'volcan', 'la', 'lave'],
                solution: [1, 3],
                explanation: '« de » et « la » ne portent pas de sens.',
                focused: true,
              },
            ],
          },
          {
            level: 2,
            hint: 'Un moteur compte les mots, pas les phrases.',
            challenges: [
              {
                id: 'sample-mots-cles-2-a',
                type: 'QROC',
                instruction: 'Quel mot retirer de « la tour Eiffel » ?',
                fields: [{ key: 'mot', label: 'Mot à retirer', solutions: ['la'], placeholder: 'un mot' }],
                tolerances: ['T1'],
                explanation: '« la » est un mot vide.',
              },
              {
                id: 'sample-mots-cles-2-b',
                type: 'QROCM-ind',
                format: 'number',
                instruction: 'Combien de mots compte chaque requête ?',
                fields: [
                  { key: 'premiere', label: 'tour Eiffel hauteur', solutions: ['3'] },
                  { key: 'seconde', label: 'volcan', solutions: ['1'] },
                ],
                explanation: 'On compte les mots séparés par des espaces.',
                irt: { a: 2, b: 0.5 },
              },
              {
                id: 'sample-mots-cles-2-c',
                type: 'QROCM-dep',
                instruction: 'Citez deux mots vides.',
                fields: [
                  { key: 'premier', label: 'Premier mot' },
                  { key: 'second', label: 'Second mot' },
                ],
                solutionGroups: [['le'], ['la'], ['de', "d'"]],
                explanation: 'le, la, de sont des mots vides.',
                requiresInternet: true,
              },
            ],
          },
        ],
      },
    ],
  };
}
