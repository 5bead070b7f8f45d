import { describe, expect, it } from 'vitest';
import type { ImportedLearner } from './learner-import.ts';
import { planRosterImport } from './plan-roster-import.ts';
import type { RosterLearner } from './plan-roster-import.ts';

function row(lastName: string, firstName: string, overrides: Partial<ImportedLearner> = {}): ImportedLearner {
  return { line: 2, nationalId: null, lastName, firstName, sex: null, birthDate: '2010-03-14', className: '2NDE A', ...overrides };
}
function learner(id: string, lastName: string, firstName: string, overrides: Partial<RosterLearner> = {}): RosterLearner {
  return { id, nationalId: null, lastName, firstName, className: '2NDE A', birthDate: '2010-03-14', active: true, ...overrides };
}
function ids(): () => string {
  let n = 0;
  return () => `new-${++n}`;
}

describe('[IMPORT-6] matching a file to the roster', () => {
  it('by national id first, whatever the names became', () => {
    const roster = [learner('a', 'MARTIN', 'Camille', { nationalId: '1A' })];
    const plan = planRosterImport(roster, [row('MARTIN-DURAND', 'Camille', { nationalId: '1A', className: '1ERE B' })], ids());
    expect(plan.updated).toEqual([{ ...roster[0], lastName: 'MARTIN-DURAND', className: '1ERE B' }]);
    expect(plan.created).toEqual([]);
  });

  it('else by name (case, accents and punctuation aside) and birth date, taking the national id the file gives', () => {
    const roster = [learner('a', 'ÇELIK', 'Emre', { birthDate: '2009-12-15' })];
    const plan = planRosterImport(roster, [row('Celik', 'EMRE', { birthDate: '2009-12-15', nationalId: '9Z' })], ids());
    expect(plan.updated).toEqual([{ ...roster[0], lastName: 'Celik', firstName: 'EMRE', nationalId: '9Z' }]);
  });

  it('never matches by name a learner who has another national id (a namesake born the same day)', () => {
    const roster = [learner('a', 'MARTIN', 'Camille', { nationalId: '1A' })];
    const plan = planRosterImport(roster, [row('MARTIN', 'Camille', { nationalId: '2B' })], ids());
    expect(plan.created).toEqual([{ id: 'new-1', nationalId: '2B', lastName: 'MARTIN', firstName: 'Camille', className: '2NDE A', birthDate: '2010-03-14', active: true }]);
    expect(plan.disabled).toEqual([{ ...roster[0], active: false }]);
  });

  it('a file without national ids keeps the one the roster knows; an unchanged learner is left alone', () => {
    const roster = [learner('a', 'MARTIN', 'Camille', { nationalId: '1A' })];
    const plan = planRosterImport(roster, [row('MARTIN', 'Camille')], ids());
    expect(plan).toEqual({ created: [], updated: [], unchanged: [roster[0]], disabled: [] });
  });

  it('each learner is matched once: the row naming them by id wins over a row matching by name', () => {
    const roster = [learner('a', 'MARTIN', 'Camille', { nationalId: '1A' })];
    const plan = planRosterImport(roster, [row('MARTIN', 'Camille'), row('MARTIN', 'Camille', { nationalId: '1A', line: 3 })], ids());
    expect(plan.unchanged.map((l) => l.id)).toEqual(['a']);
    expect(plan.created.map((l) => l.id)).toEqual(['new-1']);
  });
});

describe('[IMPORT-7] a re-import disables the absent and brings back the returning', () => {
  it('disables active learners absent from the file, re-enables a disabled one the file lists again, ignores the already disabled', () => {
    const roster = [
      learner('stays', 'MARTIN', 'Camille', { nationalId: '1A' }),
      learner('leaves', 'BERNARD', 'Lucas', { nationalId: '2B' }),
      learner('returns', 'DUBOIS', 'Léa', { nationalId: '3C', active: false }),
      learner('gone', 'THOMAS', 'Hugo', { nationalId: '4D', active: false }),
    ];
    const plan = planRosterImport(roster, [row('MARTIN', 'Camille', { nationalId: '1A' }), row('DUBOIS', 'Léa', { nationalId: '3C' })], ids());
    expect(plan.unchanged.map((l) => l.id)).toEqual(['stays']);
    expect(plan.updated).toEqual([{ ...roster[2], active: true }]);
    expect(plan.disabled).toEqual([{ ...roster[1], active: false }]);
    expect(plan.created).toEqual([]);
  });
});
