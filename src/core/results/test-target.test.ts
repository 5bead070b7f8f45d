/**
 * What a test targets ([REPLAY-3]: the campaign document's skills, or every skill of the competence; certification
 * takes its blueprint from the whole bank): the replay and the mastery both count against it ([RESULTS-1]).
 */
import { describe, expect, it } from 'vitest';
import { engineContent } from '../test/engine-log.ts';
import { makePack } from '../test/make-pack.ts';
import { testTargetSkillIds } from './test-target.ts';

const pack = makePack({ competences: [{ id: '1.1', tubes: [{ id: '@a', levels: [1, 2] }] }, { id: '2.1', tubes: [{ id: '@b', levels: [3] }] }] });
const { index } = engineContent(pack);

describe('[REPLAY-3] [RESULTS-1] the skills a test targets', () => {
  it('competence training: every skill of its competence, and none without a valid competence', () => {
    expect(testTargetSkillIds(index, { kind: 'competence', competenceId: '1.1' }, null).sort()).toEqual(['@a1', '@a2']);
    expect(testTargetSkillIds(index, { kind: 'competence', competenceId: '2.1' }, ['@a1'])).toEqual(['@b3']);
    expect(testTargetSkillIds(index, { kind: 'competence', competenceId: null }, null)).toEqual([]);
    expect(testTargetSkillIds(index, { kind: 'competence', competenceId: '9.9' }, null)).toEqual([]);
  });

  it("a campaign: its document's list as it is (a copy), none when the campaign is not held", () => {
    const targets = ['@b3', '@a1', '@gone'];
    const skills = testTargetSkillIds(index, { kind: 'campaign', competenceId: null }, targets);
    expect(skills).toEqual(['@b3', '@a1', '@gone']);
    skills.push('@x');
    expect(targets).toHaveLength(3);
    expect(testTargetSkillIds(index, { kind: 'campaign', competenceId: null }, null)).toEqual([]);
  });

  it('certification: no target list, whatever is handed in', () => {
    expect(testTargetSkillIds(index, { kind: 'certification', competenceId: null }, null)).toEqual([]);
    expect(testTargetSkillIds(index, { kind: 'certification', competenceId: '1.1' }, ['@a1'])).toEqual([]);
  });
});
