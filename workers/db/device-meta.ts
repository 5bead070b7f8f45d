/**
 * Small JSON records the machine keeps for itself in the device database's `meta` table (key → text): not
 * replicated, not part of the answer log. Keys are namespaced by their owner ("presentation:…", "game-rules:…").
 */
import type { DeviceDb } from './device-db.ts';

export async function readMeta<T>(db: DeviceDb, key: string, isValid: (value: unknown) => value is T): Promise<T | null> {
  const row = await db.meta.get(key);
  if (!row) return null;
  try {
    const value: unknown = JSON.parse(row.value);
    return isValid(value) ? value : null;
  } catch {
    // A record this version cannot read counts as absent: it is only ever a convenience, never the truth.
    return null;
  }
}

export async function writeMeta(db: DeviceDb, key: string, value: unknown): Promise<void> {
  await db.meta.put({ key, value: JSON.stringify(value) });
}
