/** This machine's enrolment, as the UI sees it (the engine worker holds the real thing). */
import { create } from 'zustand';
import { getEngine } from '../../data/engine-client.ts';
import type { DeviceStatus, EnrolOutcome } from '../../data/engine-client.ts';

interface DeviceState {
  status: DeviceStatus | null;
  refresh: () => Promise<void>;
  enrol: (input: { email: string; password: string; name: string }) => Promise<EnrolOutcome>;
}

export const useDevice = create<DeviceState>()((set) => ({
  status: null,
  async refresh() {
    set({ status: await getEngine().deviceStatus() });
  },
  async enrol(input) {
    const outcome = await getEngine().enrolDevice(input);
    if (outcome.ok) set({ status: await getEngine().deviceStatus() });
    return outcome;
  },
}));
