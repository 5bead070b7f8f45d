import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildPackIndex } from '../content/pack-index.ts';
import type { KnowledgeElement } from '../knowledge/knowledge-element.ts';
import { COMPETENCE_IDS, MAX_PROFILE_PIX } from '../referential.ts';
import type { CompetenceId } from '../referential.ts';
import { makePack } from '../test/make-pack.ts';
import { certifiability } from './certifiability.ts';
import { resolveLevelCap } from './level-cap.ts';
import { scoreCompetence } from './score-competence.ts';
import { scoreProfile } from './score-profile.ts';
import { skillPixValues } from './skill-pix-value.ts';

function validated(skillIds: readonly string[]): Map<string, KnowledgeElement> {
  return new Map(skillIds.map((skillId) => [skillId, { skillId, status: 'validated', source: 'direct', answerId: 'x', assessmentId: 'a' }]));
}

/** n tubes in competence 1.1, all with the given levels: n skills at each level. */
function tubes(n: number, levels: number[]) {
  return Array.from({ length: n }, (_, i) => ({ id: `@tube${String.fromCharCode(97 + i)}`, levels }));
}

describe('scoring', () => {
  it('[SCORE-1] a skill is worth min(4, 8 / skills of its level in its competence)', () => {
    const index = buildPackIndex(
      makePack({
        competences: [
          { id: '1.1', tubes: [{ id: '@a', levels: [1, 2, 3] }, { id: '@b', levels: [2, 3] }, { id: '@c', levels: [2, 4] }] },
          { id: '1.2', tubes: [{ id: '@d', levels: [2] }] },
        ],
      }),
    );
    const values = skillPixValues(index);
    expect(values.get('@a1')).toBe(4);
    expect(values.get('@a2')).toBeCloseTo(8 / 3, 12);
    expect(values.get('@b3')).toBe(4);
    expect(values.get('@c4')).toBe(4);
    // Counted per competence: the level 2 of 1.2 has one skill of its own.
    expect(values.get('@d2')).toBe(4);
    expect(skillPixValues(index)).toBe(values);
  });

  it('[SCORE-2] competence pix is the floor of the validated sum, even when fractions add up a hair under', () => {
    for (const n of [3, 5, 6, 7]) {
      const index = buildPackIndex(makePack({ competences: [{ id: '1.1', tubes: tubes(n, [1]) }] }));
      const all = index.pack.skills.map((s) => s.id);
      expect(scoreCompetence(index, validated(all), '1.1').pix, `${n} skills`).toBe(8);
      expect(scoreCompetence(index, validated(all.slice(1)), '1.1').pix).toBe(Math.floor((8 / n) * (n - 1)));
    }
  });

  it('[SCORE-2] [SCORE-3] pix are capped at 8 × the level cap and the level is floor(pix / 8)', () => {
    const index = buildPackIndex(makePack({ competences: [{ id: '1.1', tubes: tubes(2, [1, 2, 3, 4, 5, 6, 7, 8]) }] }));
    const all = validated(index.pack.skills.map((s) => s.id));
    expect(scoreCompetence(index, all, '1.1')).toMatchObject({ pix: 40, level: 5, validatedSkillCount: 16 });
    expect(scoreCompetence(index, all, '1.1', { levelCap: 8 })).toMatchObject({ pix: 64, level: 8 });
    expect(scoreCompetence(index, all, '1.1', { levelCap: 3 })).toMatchObject({ pix: 24, level: 3 });
    const someOfLevel3 = validated(['@tubea1', '@tubeb1', '@tubea2', '@tubeb2', '@tubea3']);
    expect(scoreCompetence(index, someOfLevel3, '1.1')).toMatchObject({ pix: 20, level: 2 });
    const invalidated = new Map([...all].map(([id, ke]) => [id, { ...ke, status: 'invalidated' as const }]));
    expect(scoreCompetence(index, invalidated, '1.1')).toMatchObject({ pix: 0, level: 0 });
  });

  it('[SCORE-6] the level cap is an integer from 1 to 8', () => {
    expect(resolveLevelCap()).toBe(5);
    expect(resolveLevelCap({ levelCap: 8 })).toBe(8);
    for (const levelCap of [0, 9, 2.5, Number.NaN]) expect(() => resolveLevelCap({ levelCap })).toThrow(RangeError);
  });

  it('[SCORE-4] the profile lists the 16 competences and totals their pix out of 1024', () => {
    const index = buildPackIndex(
      makePack({ competences: [{ id: '1.1', tubes: [{ id: '@a', levels: [1, 2] }] }, { id: '3.4', tubes: [{ id: '@p', levels: [1] }] }] }),
    );
    const profile = scoreProfile(index, validated(['@a1', '@a2', '@p1']));
    expect(profile.competences.map((c) => c.competenceId)).toEqual(COMPETENCE_IDS);
    expect(profile.competences.find((c) => c.competenceId === '1.1')).toMatchObject({ pix: 8, level: 1, domainId: '1' });
    expect(profile.competences.find((c) => c.competenceId === '3.4')).toMatchObject({ pix: 4, level: 0, domainId: '3' });
    expect(profile).toMatchObject({ totalPix: 12, maxPix: 1024, levelCap: 5, certifiable: false, certifiableCompetenceCount: 1 });
  });

  it('[SCORE-5] certifiable from 5 competences at level 1 or more', () => {
    expect(certifiability([1, 1, 1, 1, 0, 0])).toEqual({ certifiable: false, certifiableCompetenceCount: 4 });
    expect(certifiability([1, 2, 3, 1, 5, 0])).toEqual({ certifiable: true, certifiableCompetenceCount: 5 });
    const ids: CompetenceId[] = ['1.1', '1.2', '2.1', '3.1', '5.2'];
    const index = buildPackIndex(makePack({ competences: ids.map((id) => ({ id, tubes: [{ id: `@t${id.replace('.', '')}`, levels: [1] }] })) }));
    const all = index.pack.skills.map((s) => s.id);
    expect(scoreProfile(index, validated(all)).certifiable).toBe(false); // a lone skill is worth 4 pix: level 0
    const doubled = buildPackIndex(
      makePack({ competences: ids.map((id) => ({ id, tubes: [{ id: `@t${id.replace('.', '')}`, levels: [1] }, { id: `@u${id.replace('.', '')}`, levels: [1] }] })) }),
    );
    const profile = scoreProfile(doubled, validated(doubled.pack.skills.map((s) => s.id)));
    expect(profile).toMatchObject({ certifiable: true, certifiableCompetenceCount: 5, totalPix: 40 });
  });

  it('[SCORE-2] [SCORE-3] [SCORE-4] property: pix and levels never exceed their caps, whatever is validated', () => {
    const tubeArb = fc.record({ levels: fc.uniqueArray(fc.integer({ min: 1, max: 8 }), { minLength: 1, maxLength: 8 }) });
    fc.assert(
      fc.property(
        fc.array(fc.record({ competence: fc.constantFrom(...COMPETENCE_IDS), tubes: fc.array(tubeArb, { minLength: 1, maxLength: 6 }) }), { minLength: 1, maxLength: 16 }),
        fc.integer({ min: 1, max: 8 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (specs, levelCap, share) => {
          const byCompetence = new Map(specs.map((s) => [s.competence, s.tubes]));
          const pack = makePack({
            competences: [...byCompetence].map(([id, list]) => ({ id, tubes: list.map((t, i) => ({ id: `@c${id.replace('.', '')}t${i}`, levels: t.levels })) })),
          });
          const index = buildPackIndex(pack);
          const kept = pack.skills.filter((_, i) => (i * 0.618) % 1 < share).map((s) => s.id);
          const profile = scoreProfile(index, validated(kept), { levelCap });
          for (const competence of profile.competences) {
            expect(competence.pix).toBeLessThanOrEqual(8 * levelCap);
            expect(competence.level).toBeLessThanOrEqual(levelCap);
            expect(competence.level).toBe(Math.floor(competence.pix / 8));
            expect(Number.isInteger(competence.pix)).toBe(true);
          }
          expect(profile.totalPix).toBeLessThanOrEqual(MAX_PROFILE_PIX);
        },
      ),
    );
  });
});
