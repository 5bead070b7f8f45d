import { describe, expect, it } from 'vitest';
import { compileBank } from './compile.ts';
import { bankStats } from './stats.ts';
import { formatStatsTable } from './stats-table.ts';
import { sampleCompetence } from './test-support/sample-competence.ts';

function twoCompetences() {
  const second = sampleCompetence();
  second.competence = '4.2';
  const tube = second.tubes[0];
  if (!tube) throw new Error('sample changed');
  tube.id = '@autreSujet';
  tube.skills = tube.skills.slice(0, 1);
  const [first] = tube.skills;
  if (first) first.level = 5;
  return compileBank([sampleCompetence(), second]).pack;
}

describe('bankStats', () => {
  it('counts per competence and in total', () => {
    const stats = bankStats(twoCompetences());
    expect(stats.competences.map((row) => row.competenceId)).toEqual(['1.1', '4.2']);
    const [first, second] = stats.competences;
    expect(first).toMatchObject({ tubes: 1, skills: 2, challenges: 5, tutorials: 1, skillsWithVariants: 2, offline: 4, withAttachments: 1, illustrated: 1, timed: 1, focused: 1 });
    expect(first?.challengesByLevel).toEqual([2, 3, 0, 0, 0, 0, 0, 0]);
    expect(first?.skillsByLevel).toEqual([1, 1, 0, 0, 0, 0, 0, 0]);
    expect(first?.challengesByType).toEqual({ QCU: 1, QCM: 1, QROC: 1, 'QROCM-ind': 1, 'QROCM-dep': 1 });
    expect(second).toMatchObject({ skills: 1, challenges: 2, skillsWithVariants: 1, offline: 2 });
    expect(second?.challengesByLevel).toEqual([0, 0, 0, 0, 2, 0, 0, 0]);
    expect(second?.challengesByLevelAndType[4]).toEqual({ QCU: 1, QCM: 1, QROC: 0, 'QROCM-ind': 0, 'QROCM-dep': 0 });
    expect(stats.total).toMatchObject({ competenceId: 'total', tubes: 2, skills: 3, challenges: 7, skillsWithVariants: 3, offline: 6, timed: 2, focused: 2 });
    expect(stats.total.challengesByType.QCU).toBe(2);
  });

  it('formats a table with a row per competence, the total and a level × type table', () => {
    const text = formatStatsTable(bankStats(twoCompetences()));
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^compétence\s+sujets\s+acquis\s+tutos\s+épreuves\s+N1\s+N2/);
    expect(lines.find((line) => line.startsWith('1.1'))?.split(/\s+/)).toEqual(['1.1', '1', '2', '1', '5', '2', '3', '0', '0', '0', '0', '1', '1', '1', '1', '1', '2/2', '80', '%', '1', '1', '1', '1']);
    expect(lines.find((line) => line.startsWith('total'))?.split(/\s+/).slice(0, 5)).toEqual(['total', '2', '3', '2', '7']);
    expect(text).toContain('épreuves par niveau et par type');
    expect(lines.find((line) => line.startsWith('N5'))?.split(/\s+/)).toEqual(['N5', '1', '1', '1', '0', '0', '0', '2']);
  });
});
