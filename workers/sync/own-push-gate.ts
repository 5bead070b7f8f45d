/**
 * [SYNC-ACK] The relay's copy of a document this machine pushed can come back (in a pull page or on the stream)
 * before RxDB has recorded the push as acknowledged: RxDB then takes the local document for a change not yet sent,
 * drops the relay's copy and moves its checkpoint on, so the machine keeps the answer "waiting to be sent" forever
 * (its `updatedAt` stays 0). What comes from the relay for a collection the machine pushes is therefore handed to
 * RxDB only once that collection's push cycle under way has finished, acknowledgement recorded.
 */
import type { RxReplicationState } from 'rxdb/plugins/replication';

export class OwnPushGate {
  private readonly states = new Map<string, Pick<RxReplicationState<unknown, unknown>, 'internalReplicationState'>>();
  private readonly queues = new Map<string, Promise<void>>();

  /** The replication of a collection this machine pushes. */
  watch(collection: string, state: Pick<RxReplicationState<unknown, unknown>, 'internalReplicationState'>): void {
    this.states.set(collection, state);
  }

  /** Resolves once the push cycle under way for the collection (if any) is over, acknowledgements written. */
  async settled(collection: string): Promise<void> {
    // RxDB's upstream queue: a cycle sends, then writes what the relay acknowledged; both happen inside it.
    await this.states.get(collection)?.internalReplicationState?.streamQueue.up;
  }

  /** Runs `deliver` after the collection's push cycle under way, keeping the order of deliveries. */
  deliverInOrder(collection: string, deliver: () => void): void {
    const previous = this.queues.get(collection) ?? Promise.resolve();
    const next = previous.then(() => this.settled(collection)).then(deliver, deliver);
    this.queues.set(collection, next.catch(() => undefined));
  }
}
