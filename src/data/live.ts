/**
 * Live updates from the engine worker ([LIVE-1]): a screen subscribes to topics and reads again what it shows when
 * told; nothing polls. The callback crosses into the worker as a Comlink proxy.
 */
import { proxy } from 'comlink';
import { useEffect, useState } from 'react';
import type { LiveHandlers } from '../../workers/handlers/live.ts';
import type { LiveChange, LiveTopic } from '../../workers/live/live-hub.ts';
import { getEngine } from './engine-client.ts';

export type { LiveChange, LiveTopic } from '../../workers/live/live-hub.ts';

/** The part of the engine (the Comlink remote, or the handlers themselves in tests) a subscription needs. */
export interface LiveEngine {
  subscribe: (...args: Parameters<LiveHandlers['subscribe']>) => ReturnType<LiveHandlers['subscribe']>;
  unsubscribe: (...args: Parameters<LiveHandlers['unsubscribe']>) => ReturnType<LiveHandlers['unsubscribe']>;
}

/**
 * Subscribes to `topics`; the returned function ends the subscription, also when called before the worker has
 * answered (a screen left at once).
 */
export function subscribeLive(engine: LiveEngine, topics: readonly LiveTopic[], onChange: (change: LiveChange) => void): () => void {
  let ended = false;
  let subscriptionId: string | null = null;
  void engine.subscribe({ topics: [...topics] }, proxy(onChange)).then((outcome) => {
    if (!outcome.ok) return;
    if (ended) void engine.unsubscribe({ subscriptionId: outcome.subscriptionId });
    else subscriptionId = outcome.subscriptionId;
  });
  return () => {
    ended = true;
    if (subscriptionId !== null) void engine.unsubscribe({ subscriptionId });
  };
}

/**
 * A number that goes up each time one of `topics` changes (for the signed-in learner): put it in the dependencies of
 * the effect that reads what the screen shows.
 */
export function useLive(...topics: LiveTopic[]): number {
  const [version, setVersion] = useState(0);
  const key = topics.join(',');
  useEffect(() => subscribeLive(getEngine(), key.split(',') as LiveTopic[], () => setVersion((v) => v + 1)), [key]);
  return version;
}
