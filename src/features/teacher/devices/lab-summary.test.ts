/** The "Postes" verdict ([DEVICE-STATUS-1]): whether anything is still only on a lab machine. */
import { describe, expect, it } from 'vitest';
import type { LabMachine, MachineReport } from '../../../data/devices-client.ts';
import { lastContact, summarizeLab } from './lab-summary.ts';

function machine(id: string, report: Partial<MachineReport> | null, lastSeenAt: number | null = 1_000): LabMachine {
  return {
    id,
    name: `Poste ${id}`,
    enrolledAt: 0,
    lastSeenAt,
    report: report && { pendingAnswers: 0, refusedCount: 0, refusedDocuments: [], contentVersion: 'abcdef12', appVersion: '0.1.0', reportedAt: 2_000, ...report },
  };
}

describe('summarizeLab', () => {
  it('says everything is on the relay only when every machine reported nothing pending', () => {
    expect(summarizeLab([machine('1', {}), machine('2', { refusedCount: 2 })])).toEqual({
      machines: 2, pendingAnswers: 0, machinesWithPending: 0, refusedDocuments: 2, silentMachines: 0, allOnRelay: true,
    });
    expect(summarizeLab([])).toMatchObject({ machines: 0, allOnRelay: true });
  });

  it('adds up the answers machines still hold, and never vouches for a machine that has not reported', () => {
    const summary = summarizeLab([machine('1', { pendingAnswers: 3 }), machine('2', { pendingAnswers: 1 }), machine('3', {}), machine('4', null)]);
    expect(summary).toEqual({ machines: 4, pendingAnswers: 4, machinesWithPending: 2, refusedDocuments: 0, silentMachines: 1, allOnRelay: false });
    expect(summarizeLab([machine('4', null)]).allOnRelay).toBe(false);
  });
});

describe('lastContact', () => {
  it('is the later of the last call and the last report', () => {
    expect(lastContact(machine('1', {}, 1_000))).toBe(2_000);
    expect(lastContact(machine('1', { reportedAt: 500 }, 1_000))).toBe(1_000);
    expect(lastContact(machine('1', null, null))).toBeNull();
  });
});
