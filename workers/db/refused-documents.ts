/**
 * [SYNC-POISON-2] Documents set aside because the relay refused them: kept in the device database with the reason,
 * never deleted from their collection, counted by the sync indicator and reported to the relay. A record goes away
 * when the relay accepts the document after all (changed locally, or offered again by a new app version).
 */
import type { DeviceDb, RefusedDocument } from './device-db.ts';

/** A collection the machine pushes to the relay. */
export type PushedCollection = RefusedDocument['collection'];

export class RefusedDocuments {
  private readonly listeners = new Set<() => void>();

  constructor(private readonly deviceDb: DeviceDb) {}

  async setAside(records: RefusedDocument[]): Promise<void> {
    if (records.length === 0) return;
    await this.deviceDb.refused.bulkPut(records);
    this.emit();
  }

  /** Forgets the records of documents the relay has now accepted; a no-op (and no event) for the others. */
  async release(collection: PushedCollection, ids: string[]): Promise<void> {
    const held = await this.get(collection, ids);
    if (held.size === 0) return;
    await this.deviceDb.refused.bulkDelete([...held.keys()].map((id): [string, string] => [collection, id]));
    this.emit();
  }

  /** The records of these documents, by id (those that have one). */
  async get(collection: PushedCollection, ids: string[]): Promise<Map<string, RefusedDocument>> {
    if (ids.length === 0) return new Map();
    const found = await this.deviceDb.refused.bulkGet(ids.map((id): [string, string] => [collection, id]));
    return new Map(found.filter((r): r is RefusedDocument => r !== undefined).map((r) => [r.id, r]));
  }

  /** Answers held back with their assessment. */
  async childrenOf(parentIds: string[]): Promise<RefusedDocument[]> {
    if (parentIds.length === 0) return [];
    return this.deviceDb.refused.where('parentId').anyOf(parentIds).toArray();
  }

  /** Every record, oldest refusal first. */
  async list(): Promise<RefusedDocument[]> {
    return (await this.deviceDb.refused.toArray()).sort((a, b) => a.refusedAt - b.refusedAt || a.id.localeCompare(b.id));
  }

  count(): Promise<number> {
    return this.deviceDb.refused.count();
  }

  /** Called after every change (in this worker); returns the unsubscribe. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}
