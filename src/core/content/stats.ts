/**
 * Coverage of a pack: per competence, how many challenges at each level and of each type, how many skills
 * have variants, and how much of it works offline, has files to work on, is timed or focused. This is what
 * authors and reviewers look at to see where the bank is thin (npm run content:stats).
 */
import { MAX_REFERENTIAL_LEVEL } from '../referential.ts';
import type { UnversionedPack } from './compile.ts';
import type { ChallengeType } from './types.ts';

export interface CoverageRow {
  /** A competence id, or 'total'. */
  competenceId: string;
  tubes: number;
  skills: number;
  challenges: number;
  tutorials: number;
  /** Challenges per skill level: index 0 is level 1 … index 7 level 8. */
  challengesByLevel: number[];
  /** Skills per level, same indexing. */
  skillsByLevel: number[];
  challengesByType: Record<ChallengeType, number>;
  /** challengesByLevelAndType[level − 1][type]. */
  challengesByLevelAndType: Record<ChallengeType, number>[];
  /** Skills with 2 or more challenges. */
  skillsWithVariants: number;
  /** Challenges that can be answered without the Internet. */
  offline: number;
  withAttachments: number;
  illustrated: number;
  timed: number;
  focused: number;
}

export interface BankStats {
  competences: CoverageRow[];
  total: CoverageRow;
}

export function bankStats(pack: UnversionedPack): BankStats {
  const rows = new Map<string, CoverageRow>();
  for (const competence of pack.competences) rows.set(competence.id, emptyRow(competence.id));
  const total = emptyRow('total');
  const rowsOf = (competenceId: string | undefined): CoverageRow[] => {
    if (competenceId === undefined) return [total];
    let row = rows.get(competenceId);
    if (!row) {
      row = emptyRow(competenceId);
      rows.set(competenceId, row);
    }
    return [row, total];
  };

  const competenceOfTube = new Map(pack.tubes.map((tube) => [tube.id, tube.competenceId]));
  const skillById = new Map(pack.skills.map((skill) => [skill.id, skill]));
  for (const tube of pack.tubes) for (const row of rowsOf(tube.competenceId)) row.tubes++;
  for (const tutorial of pack.tutorials) for (const row of rowsOf(competenceOfTube.get(tutorial.tubeId))) row.tutorials++;
  for (const skill of pack.skills) {
    for (const row of rowsOf(competenceOfTube.get(skill.tubeId))) {
      row.skills++;
      bump(row.skillsByLevel, skill.level);
    }
  }
  const challengesPerSkill = new Map<string, number>();
  for (const challenge of pack.challenges) {
    challengesPerSkill.set(challenge.skillId, (challengesPerSkill.get(challenge.skillId) ?? 0) + 1);
    const skill = skillById.get(challenge.skillId);
    for (const row of rowsOf(skill && competenceOfTube.get(skill.tubeId))) {
      row.challenges++;
      row.challengesByType[challenge.type]++;
      if (skill) {
        bump(row.challengesByLevel, skill.level);
        const byType = row.challengesByLevelAndType[skill.level - 1];
        if (byType) byType[challenge.type]++;
      }
      if (!challenge.requiresInternet) row.offline++;
      if (challenge.attachments.length > 0) row.withAttachments++;
      if (challenge.illustration) row.illustrated++;
      if (challenge.timer !== undefined) row.timed++;
      if (challenge.focused) row.focused++;
    }
  }
  for (const [skillId, count] of challengesPerSkill) {
    const skill = skillById.get(skillId);
    if (skill && count >= 2) for (const row of rowsOf(competenceOfTube.get(skill.tubeId))) row.skillsWithVariants++;
  }
  const competences = [...rows.values()].sort((a, b) => a.competenceId.localeCompare(b.competenceId, 'en', { numeric: true }));
  return { competences, total };
}

function emptyRow(competenceId: string): CoverageRow {
  const levels = (): number[] => Array.from({ length: MAX_REFERENTIAL_LEVEL }, () => 0);
  return {
    competenceId,
    tubes: 0,
    skills: 0,
    challenges: 0,
    tutorials: 0,
    challengesByLevel: levels(),
    skillsByLevel: levels(),
    challengesByType: zeroByType(),
    challengesByLevelAndType: Array.from({ length: MAX_REFERENTIAL_LEVEL }, zeroByType),
    skillsWithVariants: 0,
    offline: 0,
    withAttachments: 0,
    illustrated: 0,
    timed: 0,
    focused: 0,
  };
}

function zeroByType(): Record<ChallengeType, number> {
  return { QCU: 0, QCM: 0, QROC: 0, 'QROCM-ind': 0, 'QROCM-dep': 0 };
}

function bump(perLevel: number[], level: number): void {
  const index = level - 1;
  const current = perLevel[index];
  if (current !== undefined) perLevel[index] = current + 1;
}
