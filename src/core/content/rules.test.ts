import { describe, expect, it } from 'vitest';
import type { UnversionedPack } from './compile.ts';
import { compileBank } from './compile.ts';
import { isChoiceChallenge } from './is-choice-challenge.ts';
import { checkAuthoredRules, checkCompetenceFileName, checkPackRules } from './rules.ts';
import { sampleCompetence } from './test-support/sample-competence.ts';
import type { ChoiceChallenge, FreeChallenge } from './types.ts';

function samplePack(): UnversionedPack {
  return compileBank([sampleCompetence()]).pack;
}

/** The issues of the sample pack after one change. */
function issuesAfter(change: (pack: UnversionedPack) => void) {
  const pack = samplePack();
  change(pack);
  return checkPackRules(pack);
}

function at<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new Error(`no item ${index}`);
  return item;
}
function choice(pack: UnversionedPack, i: number): ChoiceChallenge {
  const challenge = at(pack.challenges, i);
  if (!isChoiceChallenge(challenge)) throw new Error(`challenge ${i} is not a choice`);
  return challenge;
}
function renameSkill(pack: UnversionedPack, from: string, to: string): void {
  for (const skill of pack.skills) if (skill.id === from) skill.id = to;
  for (const challenge of pack.challenges) if (challenge.skillId === from) challenge.skillId = to;
}
function free(pack: UnversionedPack, i: number): FreeChallenge {
  const challenge = at(pack.challenges, i);
  if (isChoiceChallenge(challenge)) throw new Error(`challenge ${i} is a choice`);
  return challenge;
}

describe('checkPackRules', () => {
  it('accepts the sample bank', () => {
    expect(checkPackRules(samplePack())).toEqual([]);
  });

  const cases: { name: string; change: (pack: UnversionedPack) => void; path: (string | number)[]; message: RegExp }[] = [
    { name: 'a QCU with two solutions', change: (p) => (choice(p, 0).solution = [1, 2]), path: ['challenges', 0, 'solution'], message: /QCU a exactement une solution/ },
    { name: 'a QCU solution outside the proposals', change: (p) => (choice(p, 0).solution = [4]), path: ['challenges', 0, 'solution'], message: /solution 4 ne désigne aucune proposition \(1 à 3\)/ },
    { name: 'a QCM with one solution', change: (p) => (choice(p, 1).solution = [1]), path: ['challenges', 1, 'solution'], message: /QCM a au moins 2 solutions/ },
    { name: 'a QCM whose solution is every proposal', change: (p) => (choice(p, 1).solution = [1, 2, 3, 4]), path: ['challenges', 1, 'solution'], message: /toutes les propositions/ },
    { name: 'a QCM solution out of range', change: (p) => (choice(p, 1).solution = [1, 0]), path: ['challenges', 1, 'solution', 1], message: /solution 0 ne désigne aucune/ },
    { name: 'a repeated QCM solution', change: (p) => (choice(p, 1).solution = [1, 3, 3]), path: ['challenges', 1, 'solution', 2], message: /solution 3 est en double/ },
    { name: 'repeated proposals (case and spaces ignored)', change: (p) => (choice(p, 1).proposals[3] = ' De '), path: ['challenges', 1, 'proposals', 3], message: /proposition 4 répète la proposition 1/ },
    { name: 'too many proposals', change: (p) => (choice(p, 1).proposals = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i']), path: ['challenges', 1, 'proposals'], message: /de 2 à 8 propositions/ },
    { name: 'a QROC with two fields', change: (p) => free(p, 2).fields.push({ key: 'autre', label: 'Autre', solutions: ['x'] }), path: ['challenges', 2, 'fields'], message: /QROC a exactement un champ/ },
    { name: 'a QROC field without solution', change: (p) => (at(free(p, 2).fields, 0).solutions = []), path: ['challenges', 2, 'fields', 0], message: /champ « mot » n'a aucune solution/ },
    { name: 'repeated field keys', change: (p) => (at(free(p, 3).fields, 1).key = 'premiere'), path: ['challenges', 3, 'fields', 1, 'key'], message: /clé de champ « premiere » est en double/ },
    { name: 'a QROCM-ind with one field', change: (p) => free(p, 3).fields.pop(), path: ['challenges', 3, 'fields'], message: /QROCM-ind a au moins 2 champs/ },
    { name: 'a non-numeric solution in number format', change: (p) => (at(free(p, 3).fields, 0).solutions = ['trois']), path: ['challenges', 3, 'fields', 0, 'solutions', 0], message: /« trois » n'est pas un nombre/ },
    { name: 'a blank accepted answer', change: (p) => (at(free(p, 2).fields, 0).solutions = ['la', ' ']), path: ['challenges', 2, 'fields', 0, 'solutions', 1], message: /solution est vide/ },
    { name: 'QROCM-dep fields with solutions', change: (p) => (at(free(p, 4).fields, 0).solutions = ['le']), path: ['challenges', 4, 'fields', 0, 'solutions'], message: /solutionGroups, pas dans les champs/ },
    { name: 'QROCM-dep with fewer groups than fields', change: (p) => (free(p, 4).solutionGroups = [['le']]), path: ['challenges', 4, 'solutionGroups'], message: /au moins autant de groupes de solutions que de champs \(1 groupe pour 2 champs\)/ },
    { name: 'an empty QROCM-dep group', change: (p) => (free(p, 4).solutionGroups = [['le'], [], ['la']]), path: ['challenges', 4, 'solutionGroups', 1], message: /groupe de solutions 2 est vide/ },
    { name: 'groups on a QROC', change: (p) => (free(p, 2).solutionGroups = [['la']]), path: ['challenges', 2, 'solutionGroups'], message: /seule une QROCM-dep/ },
    { name: 'an unknown tolerance', change: (p) => (at(p.challenges, 2).tolerances = ['T1', 'T9' as 'T1']), path: ['challenges', 2, 'tolerances', 1], message: /tolérance inconnue « T9 »/ },
    { name: 'a repeated tolerance', change: (p) => (at(p.challenges, 2).tolerances = ['T2', 'T2']), path: ['challenges', 2, 'tolerances', 1], message: /tolérance T2 en double/ },
    { name: 'a timer under 10 s', change: (p) => (at(p.challenges, 0).timer = 9), path: ['challenges', 0, 'timer'], message: /entre 10 et 600/ },
    { name: 'a timer over 600 s', change: (p) => (at(p.challenges, 0).timer = 601), path: ['challenges', 0, 'timer'], message: /entre 10 et 600 \(trouvé : 601\)/ },
    { name: 'an illustration without alt text', change: (p) => (at(p.challenges, 0).illustration = { url: '/content/attachments/x.svg', alt: '  ' }), path: ['challenges', 0, 'illustration', 'alt'], message: /texte alternatif/ },
    { name: 'a non-positive discrimination', change: (p) => (at(p.challenges, 0).irt = { a: 0, b: 0 }), path: ['challenges', 0, 'irt'], message: /a > 0/ },
    { name: 'a blank instruction', change: (p) => (at(p.challenges, 0).instruction = ' \n'), path: ['challenges', 0, 'instruction'], message: /consigne est vide/ },
    { name: 'a repeated challenge id', change: (p) => (at(p.challenges, 3).id = 'sample-mots-cles-1-a'), path: ['challenges', 3, 'id'], message: /identifiant d'épreuve « sample-mots-cles-1-a » en double \(déjà utilisé : acquis @sampleMotsCles1\)/ },
    { name: 'a challenge of an unknown skill', change: (p) => (at(p.challenges, 0).skillId = '@inconnu1'), path: ['challenges', 0, 'skillId'], message: /acquis inconnu \(@inconnu1\)/ },
    { name: 'a skill without challenge', change: (p) => p.skills.push({ id: '@sampleMotsCles3', tubeId: '@sampleMotsCles', level: 3, hint: 'h' }), path: ['skills', 2], message: /@sampleMotsCles3 n'a aucune épreuve/ },
    { name: 'a skill level out of 1–8', change: (p) => (at(p.skills, 1).level = 9), path: ['skills', 1, 'level'], message: /de 1 à 8 \(trouvé : 9\)/ },
    { name: 'a repeated level in a tube', change: (p) => (at(p.skills, 1).level = 1), path: ['skills', 1, 'level'], message: /niveau 1 est en double dans le sujet @sampleMotsCles/ },
    { name: 'a skill not named tube + level', change: (p) => renameSkill(p, '@sampleMotsCles2', '@autreNom2'), path: ['skills', 1, 'id'], message: /doit s'appeler @sampleMotsCles2/ },
    { name: 'a skill of an unknown tube', change: (p) => (at(p.skills, 1).tubeId = '@inconnu'), path: ['skills', 1, 'tubeId'], message: /sujet inconnu \(@inconnu\)/ },
    { name: 'a tube without tutorial', change: (p) => (p.tutorials = []), path: ['tubes', 0, 'tutorials'], message: /@sampleMotsCles n'a aucun tutoriel/ },
    { name: 'a blank tutorial', change: (p) => (at(p.tutorials, 0).text = ''), path: ['tutorials', 0, 'text'], message: /n'a pas de texte/ },
    { name: 'a tutorial aimed at a skill of another tube', change: (p) => (at(p.tutorials, 0).skillIds = ['@sampleMotsCles1', '@ailleurs2']), path: ['tutorials', 0, 'skillIds', 1], message: /vise l'acquis @ailleurs2/ },
    { name: 'a repeated tutorial id', change: (p) => p.tutorials.push({ ...at(p.tutorials, 0) }), path: ['tutorials', 1, 'id'], message: /identifiant de tutoriel « tuto-sample-mots-cles » en double/ },
    { name: 'a tube of a competence missing from the pack', change: (p) => (p.competences = []), path: ['tubes', 0, 'competenceId'], message: /compétence 1.1 du sujet @sampleMotsCles est absente/ },
    { name: 'a competence that is not the referential one', change: (p) => (at(p.competences, 0).domainId = '2'), path: ['competences', 0], message: /n'est pas celle du référentiel/ },
  ];

  for (const { name, change, path, message } of cases) {
    it(`reports ${name}`, () => {
      const issues = issuesAfter(change);
      expect(issues).toHaveLength(1);
      expect(issues[0]?.path).toEqual(path);
      expect(issues[0]?.message).toMatch(message);
    });
  }

  it('names the challenge in every challenge issue', () => {
    const issues = issuesAfter((p) => (choice(p, 0).solution = [7]));
    expect(issues[0]?.message).toMatch(/^épreuve sample-mots-cles-1-a : /);
  });

  it('accepts French numbers in number format', () => {
    const issues = issuesAfter((p) => (at(free(p, 3).fields, 0).solutions = ['3,5', '3.50', '1 000', '−2']));
    expect(issues).toEqual([]);
  });
});

describe('checkAuthoredRules', () => {
  it('reports pack issues at their place in the authored file', () => {
    const authored = sampleCompetence();
    const challenge = authored.tubes[0]?.skills[1]?.challenges[2];
    if (!challenge) throw new Error('sample changed');
    challenge.solutionGroups = [['le']];
    const second = sampleCompetence();
    second.competence = '1.2';
    const tube = second.tubes[0];
    if (!tube) throw new Error('sample changed');
    tube.id = '@autreSujet';
    tube.tutorials = [];
    tube.skills.forEach((skill) => skill.challenges.forEach((c: { id: string }) => (c.id = `autre-${c.id}`)));
    const { issues, compiled } = checkAuthoredRules([authored, second]);
    expect(compiled.pack.challenges).toHaveLength(10);
    expect(issues).toEqual([
      { source: 1, path: ['tubes', 0, 'tutorials'], message: "le sujet @autreSujet n'a aucun tutoriel" },
      {
        source: 0,
        path: ['tubes', 0, 'skills', 1, 'challenges', 2, 'solutionGroups'],
        message: expect.stringMatching(/^épreuve sample-mots-cles-2-c : il faut au moins autant de groupes/) as unknown,
      },
    ]);
  });

  it('reports a repeated id across files in the later file', () => {
    const { issues } = checkAuthoredRules([sampleCompetence(), { ...sampleCompetence(), competence: '1.2' }]);
    expect(issues[0]).toMatchObject({ source: 1, path: ['tubes', 0, 'id'], message: expect.stringMatching(/identifiant de sujet « @sampleMotsCles » en double \(déjà utilisé : compétence 1.1\)/) as unknown });
  });
});

describe('checkCompetenceFileName', () => {
  it('accepts a file named after its competence', () => {
    expect(checkCompetenceFileName({ source: 'content/competences/1.1.yaml', competence: sampleCompetence() })).toEqual([]);
  });

  it('reports a competence code that is not the file name', () => {
    const issues = checkCompetenceFileName({ source: 'content/competences/2.3.yaml', competence: sampleCompetence() });
    expect(issues).toEqual([{ path: ['competence'], message: 'la compétence « 1.1 » ne correspond pas au nom du fichier 2.3.yaml (attendu : 1.1.yaml, ou competence: "2.3")' }]);
  });

  it('names the expected file when the file name is not a competence code', () => {
    const issues = checkCompetenceFileName({ source: 'content/competences/brouillon.yaml', competence: sampleCompetence() });
    expect(issues[0]?.message).toBe('la compétence « 1.1 » ne correspond pas au nom du fichier brouillon.yaml (attendu : 1.1.yaml)');
  });
});
