/** Enrolling a lab machine for the caller's organisation ("Inscrire ce poste"). */
import { randomUUID } from 'node:crypto';
import { issueToken } from '../auth/tokens.ts';
import type { Store } from '../store/store.ts';

export async function enrolDevice(
  store: Store,
  input: { name: string; organizationId: string; enrolledBy: string },
  now: number,
): Promise<{ deviceId: string; token: string }> {
  const deviceId = randomUUID();
  await store.createDevice({ id: deviceId, organizationId: input.organizationId, name: input.name.trim(), enrolledBy: input.enrolledBy, createdAt: now });
  const token = await issueToken(store, { type: 'device', id: deviceId, organizationId: input.organizationId }, now);
  return { deviceId, token };
}
