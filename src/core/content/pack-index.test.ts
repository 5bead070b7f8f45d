import { describe, expect, it } from 'vitest';
import { makePack } from '../test/make-pack.ts';
import { buildPackIndex, compareIds, InconsistentPackError } from './pack-index.ts';

function samplePack() {
  const pack = makePack({
    competences: [
      { id: '1.1', tubes: [{ id: '@recherche', levels: [4, 1, 2], variants: 2 }, { id: '@veille', levels: [3] }] },
      { id: '4.2', tubes: [{ id: '@cookies', levels: [2, 5] }] },
    ],
  });
  pack.tutorials.push({ ...pack.tutorials[0]!, id: 'tuto-precis', skillIds: ['@recherche4'] });
  pack.challenges.reverse();
  return pack;
}

describe('pack index', () => {
  it('[INDEX-1] finds challenges, skills, tubes and competences by id', () => {
    const index = buildPackIndex(samplePack());
    expect(index.challengeById.get('recherche2-b')?.skillId).toBe('@recherche2');
    expect(index.skillById.get('@cookies5')?.level).toBe(5);
    expect(index.tubeById.get('@veille')?.competenceId).toBe('1.1');
    expect(index.competenceById.get('4.2')?.domainId).toBe('4');
    expect(index.competenceIdBySkill.get('@cookies2')).toBe('4.2');
    expect(index.domainIdByCompetence.get('1.1')).toBe('1');
  });

  it('[INDEX-2] lists the skills of a tube by level and the variants of a skill by id', () => {
    const index = buildPackIndex(samplePack());
    expect(index.skillsByTube.get('@recherche')?.map((s) => s.level)).toEqual([1, 2, 4]);
    expect(index.challengesBySkill.get('@recherche4')?.map((c) => c.id)).toEqual(['recherche4-a', 'recherche4-b']);
    expect(index.skillsByCompetence.get('1.1')?.map((s) => s.id)).toEqual(['@recherche1', '@recherche2', '@recherche4', '@veille3']);
    expect(index.tubesByCompetence.get('4.2')?.map((t) => t.id)).toEqual(['@cookies']);
  });

  it('[INDEX-1] gives each skill the tutorials of its tube plus those naming it', () => {
    const index = buildPackIndex(samplePack());
    expect(index.tutorialsBySkill.get('@recherche4')?.map((t) => t.id)).toEqual(['tuto-recherche', 'tuto-precis']);
    expect(index.tutorialsBySkill.get('@recherche1')?.map((t) => t.id)).toEqual(['tuto-recherche']);
  });

  it('[INDEX-1] refuses duplicate ids and dangling references', () => {
    const duplicate = samplePack();
    duplicate.challenges.push({ ...duplicate.challenges[0]! });
    expect(() => buildPackIndex(duplicate)).toThrow(InconsistentPackError);
    const dangling = samplePack();
    dangling.challenges.push({ ...dangling.challenges[0]!, id: 'orphelin-a', skillId: '@inconnu1' });
    expect(() => buildPackIndex(dangling)).toThrow(/orphelin-a.*@inconnu1/);
    const noTube = samplePack();
    noTube.skills.push({ id: '@perdu1', tubeId: '@perdu', level: 1, hint: '' });
    expect(() => buildPackIndex(noTube)).toThrow(/@perdu/);
  });

  it('[INDEX-3] orders ids by code unit, whatever the locale', () => {
    expect(['b', 'B', 'a', 'é', 'e'].sort(compareIds)).toEqual(['B', 'a', 'b', 'e', 'é']);
  });
});
