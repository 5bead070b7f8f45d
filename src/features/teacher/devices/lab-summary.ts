/**
 * The verdict at the top of "Postes": after class a teacher must know at a glance whether anything is still only on
 * a machine. Answers a machine reported as not yet on the relay are counted; a machine that never reported cannot
 * be vouched for, so "everything is on the relay" is said only when every machine has reported none.
 */
import type { LabMachine } from '../../../data/devices-client.ts';

export interface LabSummary {
  machines: number;
  /** Answers reported as not yet on the relay, all machines together. */
  pendingAnswers: number;
  /** Machines holding such answers. */
  machinesWithPending: number;
  /** Documents the relay refused, kept on the machines. */
  refusedDocuments: number;
  /** Machines that have not reported yet: what they hold is unknown. */
  silentMachines: number;
  /** True only when every machine reported and none holds an answer the relay lacks. */
  allOnRelay: boolean;
}

export function summarizeLab(machines: readonly LabMachine[]): LabSummary {
  let pendingAnswers = 0;
  let machinesWithPending = 0;
  let refusedDocuments = 0;
  let silentMachines = 0;
  for (const machine of machines) {
    if (!machine.report) {
      silentMachines += 1;
      continue;
    }
    pendingAnswers += machine.report.pendingAnswers;
    if (machine.report.pendingAnswers > 0) machinesWithPending += 1;
    refusedDocuments += machine.report.refusedCount;
  }
  return { machines: machines.length, pendingAnswers, machinesWithPending, refusedDocuments, silentMachines, allOnRelay: pendingAnswers === 0 && silentMachines === 0 };
}

/** When the machine was last heard of: its last call or its last report, whichever is later (null: never). */
export function lastContact(machine: LabMachine): number | null {
  const times = [machine.lastSeenAt, machine.report?.reportedAt ?? null].filter((t): t is number => t !== null);
  return times.length > 0 ? Math.max(...times) : null;
}
