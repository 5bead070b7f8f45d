/**
 * Durable storage for answers: ask the browser not to evict this origin's data, and report quota problems
 * instead of swallowing them (ARCHITECTURE.md, "Durability rules on the client").
 */

/** Above this share of the quota, warn: answers may soon fail to be written. */
export const QUOTA_WARNING_RATIO = 0.9;

export type StorageHealth =
  | { kind: 'ok'; persisted: boolean; usageRatio: number | null }
  | { kind: 'unavailable'; message: string };

export async function checkStorageHealth(storage: StorageManager | undefined = navigator.storage): Promise<StorageHealth> {
  if (!storage) return { kind: 'unavailable', message: 'StorageManager absent' };
  try {
    const persisted = (await storage.persisted()) || (await storage.persist());
    const { usage, quota } = await storage.estimate();
    const usageRatio = usage !== undefined && quota ? usage / quota : null;
    return { kind: 'ok', persisted, usageRatio };
  } catch (error) {
    return { kind: 'unavailable', message: error instanceof Error ? error.message : String(error) };
  }
}
