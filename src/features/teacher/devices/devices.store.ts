/**
 * The "Postes" page's state: the school's lab machines with their last reports, refreshed on demand
 * ("Synchroniser maintenant" in the teacher space) and every LAB_REFRESH_MS while the page is open, and a machine
 * being withdrawn. A token the relay no longer accepts signs the teacher out.
 */
import { create } from 'zustand';
import { fetchLabMachines, withdrawLabMachine } from '../../../data/devices-client.ts';
import type { LabMachine } from '../../../data/devices-client.ts';
import type { CallFailure } from '../../../data/teacher-client.ts';
import { useStaffSession } from '../../auth/staff-session.store.ts';

/** Machines report a little after each sync and every 5 minutes: half a minute keeps the page current enough. */
export const LAB_REFRESH_MS = 30_000;

interface DevicesState {
  machines: LabMachine[] | null;
  refreshing: boolean;
  refreshedAt: number | null;
  failure: CallFailure | null;
  /** The machine whose withdrawal is being confirmed. */
  confirming: LabMachine | null;
  withdrawing: boolean;
  /** Name of the machine last withdrawn, for the confirmation message. */
  withdrawn: string | null;
  withdrawFailure: CallFailure | null;
  refresh: () => Promise<void>;
  askWithdraw: (machine: LabMachine) => void;
  cancelWithdraw: () => void;
  confirmWithdraw: () => Promise<void>;
}

function signOutWhenUnauthorized(failure: CallFailure): void {
  if (failure.reason === 'unauthorized') useStaffSession.getState().signOut();
}

export const useLabMachines = create<DevicesState>()((set, get) => ({
  machines: null,
  refreshing: false,
  refreshedAt: null,
  failure: null,
  confirming: null,
  withdrawing: false,
  withdrawn: null,
  withdrawFailure: null,

  async refresh() {
    const token = useStaffSession.getState().token;
    if (!token || get().refreshing) return;
    set({ refreshing: true });
    const result = await fetchLabMachines(token);
    if (result.ok) set({ machines: result.machines, refreshing: false, refreshedAt: Date.now(), failure: null });
    else {
      set({ refreshing: false, failure: result });
      signOutWhenUnauthorized(result);
    }
  },

  askWithdraw(machine) {
    set({ confirming: machine, withdrawFailure: null, withdrawn: null });
  },

  cancelWithdraw() {
    set({ confirming: null });
  },

  async confirmWithdraw() {
    const token = useStaffSession.getState().token;
    const machine = get().confirming;
    if (!token || !machine) return;
    set({ withdrawing: true });
    const result = await withdrawLabMachine(token, machine.id);
    if (result.ok) {
      set({ withdrawing: false, confirming: null, withdrawn: machine.name, machines: get().machines?.filter((m) => m.id !== machine.id) ?? null });
      await get().refresh();
    } else {
      set({ withdrawing: false, confirming: null, withdrawFailure: result });
      signOutWhenUnauthorized(result);
    }
  },
}));
