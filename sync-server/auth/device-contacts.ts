/**
 * Records when each lab machine last called the relay ("dernier contact" on the Postes screen). A write per request
 * would cost more than most requests, so a machine's contact is written at most once per CONTACT_RESOLUTION_MS by
 * this relay process; the list is as precise as that.
 */
import type { Store } from '../store/store.ts';

export const CONTACT_RESOLUTION_MS = 60_000;

export class DeviceContacts {
  /** Device id → when this process last wrote its contact. Bounded by the number of enrolled machines. */
  private readonly written = new Map<string, number>();

  constructor(private readonly store: Store) {}

  async seen(deviceId: string, now: number): Promise<void> {
    const last = this.written.get(deviceId);
    if (last !== undefined && now - last < CONTACT_RESOLUTION_MS) return;
    this.written.set(deviceId, now);
    await this.store.touchDevice(deviceId, now);
  }

  /** A withdrawn machine's entry is dropped, so the map only holds machines that may still call. */
  forget(deviceId: string): void {
    this.written.delete(deviceId);
  }
}
