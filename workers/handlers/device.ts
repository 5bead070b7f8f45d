/** "Inscrire ce poste": a teacher or admin signs in once; the machine is enrolled and starts pulling its roster. */
import type { LabRuntime } from '../runtime/lab-runtime.ts';

export type EnrolOutcome =
  | { ok: true; name: string }
  | { ok: false; reason: 'invalid-credentials' | 'forbidden' | 'unreachable' | 'invalid-name' };

export type DeviceStatus = { enrolled: false } | { enrolled: true; name: string; deviceId: string; enrolledAt: number };

export interface DeviceHandlers {
  deviceStatus(): Promise<DeviceStatus>;
  enrolDevice(input: { email: string; password: string; name: string }): Promise<EnrolOutcome>;
}

/** How long enrolment waits for the first roster pull before answering (the pull goes on afterwards). */
const FIRST_SYNC_WAIT_MS = 15_000;

export function createDeviceHandlers(runtime: LabRuntime): DeviceHandlers {
  const post = async (path: string, body: unknown, token?: string): Promise<Response> =>
    (runtime.deps.fetchImpl ?? fetch)(`${runtime.deps.baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });

  return {
    async deviceStatus() {
      const enrolment = await runtime.enrolment();
      if (!enrolment) return { enrolled: false };
      void runtime.startSync();
      return { enrolled: true, name: enrolment.name, deviceId: enrolment.deviceId, enrolledAt: enrolment.enrolledAt };
    },

    async enrolDevice({ email, password, name }) {
      if (!name.trim()) return { ok: false, reason: 'invalid-name' };
      let login: Response;
      try {
        login = await post('/api/auth/login', { email, password });
      } catch {
        return { ok: false, reason: 'unreachable' };
      }
      if (login.status === 401 || login.status === 400) return { ok: false, reason: 'invalid-credentials' };
      if (!login.ok) return { ok: false, reason: 'unreachable' };
      const { token: userToken, user } = (await login.json()) as { token: string; user: { organizationId: string } };
      const device = await post('/api/devices', { name: name.trim() }, userToken).catch(() => null);
      if (!device) return { ok: false, reason: 'unreachable' };
      if (device.status === 403) return { ok: false, reason: 'forbidden' };
      if (!device.ok) return { ok: false, reason: 'unreachable' };
      const { deviceId, token } = (await device.json()) as { deviceId: string; token: string };
      await runtime.stopSync();
      await runtime.deviceDb.enrolment.put({ key: 'device', deviceId, token, name: name.trim(), organizationId: user.organizationId, enrolledAt: runtime.now() });
      await runtime.startSync();
      await Promise.race([runtime.replicating?.awaitInSync(), new Promise((resolve) => setTimeout(resolve, FIRST_SYNC_WAIT_MS))]).catch(() => undefined);
      return { ok: true, name: name.trim() };
    },
  };
}
