/**
 * [SYNC-POISON-1] The relay applies a push batch all or nothing, so one document it refuses fails the whole batch.
 * On a refusal the batch is split in halves, and each half pushed on its own, until the refused documents are alone:
 * those are reported through `onRefused`, the rest is written. k refused documents among n cost about
 * 2·k·log2(n) extra requests. A failure that means "later" (see refusal.ts) is thrown as it is, from any depth.
 */
import { refusalOf } from './refusal.ts';
import type { Refusal } from './refusal.ts';

export interface IsolatedPush<T> {
  /** Master states of conflicting documents, as the relay answered them. */
  conflicts: unknown[];
  /** Items the relay took (written, unchanged or in conflict). */
  accepted: T[];
}

export async function pushIsolatingRefused<T>(
  items: T[],
  send: (batch: T[]) => Promise<unknown[]>,
  onRefused: (item: T, refusal: Refusal) => Promise<void>,
): Promise<IsolatedPush<T>> {
  if (items.length === 0) return { conflicts: [], accepted: [] };
  try {
    return { conflicts: await send(items), accepted: items };
  } catch (error) {
    const refusal = refusalOf(error);
    if (!refusal) throw error;
    if (items.length === 1) {
      await onRefused(items[0] as T, refusal);
      return { conflicts: [], accepted: [] };
    }
    const middle = Math.ceil(items.length / 2);
    const left = await pushIsolatingRefused(items.slice(0, middle), send, onRefused);
    const right = await pushIsolatingRefused(items.slice(middle), send, onRefused);
    return { conflicts: [...left.conflicts, ...right.conflicts], accepted: [...left.accepted, ...right.accepted] };
  }
}
