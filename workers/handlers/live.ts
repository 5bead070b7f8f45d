/**
 * Subscriptions from the screens ([LIVE-1]): the UI hands a Comlink-proxied callback (src/data/live.ts) and
 * receives `{topic, ids}` as changes happen. Plain data in, plain data out; an unknown topic is refused as a value.
 */
import { isLiveTopic } from '../live/live-hub.ts';
import type { LiveCallback, LiveHub, LiveTopic } from '../live/live-hub.ts';

export type SubscribeOutcome = { ok: true; subscriptionId: string } | { ok: false; reason: 'unknown-topic' };

export interface LiveHandlers {
  subscribe(input: { topics: LiveTopic[] }, onChange: LiveCallback): Promise<SubscribeOutcome>;
  unsubscribe(input: { subscriptionId: string }): Promise<{ ok: boolean }>;
}

export function createLiveHandlers(hub: LiveHub): LiveHandlers {
  return {
    async subscribe({ topics }, onChange) {
      if (!Array.isArray(topics) || topics.length === 0 || !topics.every(isLiveTopic)) return { ok: false, reason: 'unknown-topic' };
      return { ok: true, subscriptionId: await hub.subscribe(topics, onChange) };
    },
    unsubscribe: ({ subscriptionId }) => Promise.resolve({ ok: hub.unsubscribe(subscriptionId) }),
  };
}
