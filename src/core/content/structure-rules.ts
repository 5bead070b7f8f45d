/**
 * Rules on how the pack holds together: unique ids, references that resolve, skills named after their tube
 * and level, and no empty item (a skill without challenge, a tube without tutorial or a blank tutorial would
 * leave a student with nothing to be asked or nothing to learn from).
 */
import { COMPETENCES, MAX_REFERENTIAL_LEVEL } from '../referential.ts';
import { skillIdOf } from './compile.ts';
import type { UnversionedPack } from './compile.ts';
import type { DocPath } from './pack-origins.ts';
import type { RuleIssue } from './rule-issue.ts';

export function checkStructure(pack: UnversionedPack): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const report = (path: DocPath, message: string): void => {
    issues.push({ path, message });
  };
  const competenceIds = new Set<string>(pack.competences.map((c) => c.id));
  uniqueIds(pack.competences, 'competences', 'de compétence', report);
  pack.competences.forEach((competence, i) => {
    if (!COMPETENCES.some((c) => c.id === competence.id && c.domainId === competence.domainId)) {
      report(['competences', i], `la compétence ${competence.id} n'est pas celle du référentiel (domaine ${competence.domainId})`);
    }
  });

  const tubeIndex = uniqueIds(pack.tubes, 'tubes', 'de sujet', report);
  // Skills of a repeated tube id would all look repeated too: that tube is reported once, above.
  const repeatedTubes = new Set(pack.tubes.filter((tube, i) => tubeIndex.get(tube.id) !== i).map((tube) => tube.id));
  pack.tubes.forEach((tube, i) => {
    if (!competenceIds.has(tube.competenceId)) report(['tubes', i, 'competenceId'], `la compétence ${tube.competenceId} du sujet ${tube.id} est absente du paquet`);
  });

  const skillIndex = new Map<string, number>();
  const levelsByTube = new Map<string, Set<number>>();
  pack.skills.forEach((skill, i) => {
    const levelOk = Number.isInteger(skill.level) && skill.level >= 1 && skill.level <= MAX_REFERENTIAL_LEVEL;
    if (!levelOk) report(['skills', i, 'level'], `le niveau d'un acquis va de 1 à ${MAX_REFERENTIAL_LEVEL} (trouvé : ${skill.level})`);
    const tubeKnown = tubeIndex.has(skill.tubeId);
    if (!tubeKnown) report(['skills', i, 'tubeId'], `l'acquis ${skill.id} appartient à un sujet inconnu (${skill.tubeId})`);
    const levels = levelsByTube.get(skill.tubeId) ?? new Set<number>();
    levelsByTube.set(skill.tubeId, levels);
    if (!repeatedTubes.has(skill.tubeId)) {
      if (levels.has(skill.level)) {
        report(['skills', i, 'level'], `le niveau ${skill.level} est en double dans le sujet ${skill.tubeId}`);
      } else if (skillIndex.has(skill.id)) {
        report(['skills', i, 'id'], `l'identifiant d'acquis ${skill.id} est en double`);
      } else if (levelOk && tubeKnown && skill.id !== skillIdOf(skill.tubeId, skill.level)) {
        report(['skills', i, 'id'], `l'acquis ${skill.id} doit s'appeler ${skillIdOf(skill.tubeId, skill.level)} (sujet + niveau)`);
      }
    }
    levels.add(skill.level);
    if (!skillIndex.has(skill.id)) skillIndex.set(skill.id, i);
  });

  uniqueIds(pack.challenges, 'challenges', "d'épreuve", report);
  const challengesPerSkill = new Map<string, number>();
  pack.challenges.forEach((challenge, i) => {
    if (!skillIndex.has(challenge.skillId)) report(['challenges', i, 'skillId'], `l'épreuve ${challenge.id} appartient à un acquis inconnu (${challenge.skillId})`);
    challengesPerSkill.set(challenge.skillId, (challengesPerSkill.get(challenge.skillId) ?? 0) + 1);
  });
  pack.skills.forEach((skill, i) => {
    if (!challengesPerSkill.has(skill.id)) report(['skills', i], `l'acquis ${skill.id} n'a aucune épreuve`);
  });

  uniqueIds(pack.tutorials, 'tutorials', 'de tutoriel', report);
  const tutorialsPerTube = new Map<string, number>();
  const skillsPerTube = new Map<string, number>();
  for (const skill of pack.skills) skillsPerTube.set(skill.tubeId, (skillsPerTube.get(skill.tubeId) ?? 0) + 1);
  pack.tutorials.forEach((tutorial, i) => {
    if (!tubeIndex.has(tutorial.tubeId)) report(['tutorials', i, 'tubeId'], `le tutoriel ${tutorial.id} appartient à un sujet inconnu (${tutorial.tubeId})`);
    tutorialsPerTube.set(tutorial.tubeId, (tutorialsPerTube.get(tutorial.tubeId) ?? 0) + 1);
    if (tutorial.text.trim() === '') report(['tutorials', i, 'text'], `le tutoriel ${tutorial.id} n'a pas de texte (il doit se lire hors ligne)`);
    tutorial.skillIds.forEach((skillId, k) => {
      const skill = pack.skills[skillIndex.get(skillId) ?? -1];
      if (!skill || skill.tubeId !== tutorial.tubeId) {
        report(['tutorials', i, 'skillIds', k], `le tutoriel ${tutorial.id} vise l'acquis ${skillId}, absent du sujet ${tutorial.tubeId}`);
      }
    });
  });
  pack.tubes.forEach((tube, i) => {
    if (!skillsPerTube.has(tube.id)) report(['tubes', i, 'skills'], `le sujet ${tube.id} n'a aucun acquis`);
    if (!tutorialsPerTube.has(tube.id)) report(['tubes', i, 'tutorials'], `le sujet ${tube.id} n'a aucun tutoriel`);
  });
  return issues;
}

/** Reports every repeated id at its repetition and returns the index of each first occurrence. */
function uniqueIds(items: readonly { id: string }[], collection: string, ofNoun: string, report: (path: DocPath, message: string) => void): Map<string, number> {
  const index = new Map<string, number>();
  items.forEach((item, i) => {
    const first = index.get(item.id);
    if (first === undefined) index.set(item.id, i);
    else report([collection, i, 'id'], `identifiant ${ofNoun} « ${item.id} » en double (déjà utilisé : ${describe(items, first)})`);
  });
  return index;
}

function describe(items: readonly { id: string }[], index: number): string {
  const item = items[index];
  if (item && 'skillId' in item && typeof item.skillId === 'string') return `acquis ${item.skillId}`;
  if (item && 'tubeId' in item && typeof item.tubeId === 'string') return `sujet ${item.tubeId}`;
  if (item && 'competenceId' in item && typeof item.competenceId === 'string') return `compétence ${item.competenceId}`;
  return `élément ${index + 1}`;
}
