/**
 * Reads the relay's Server-Sent Events over fetch (EventSource cannot send the device token) and reconnects with
 * backoff. Each (re)connection starts with "RESYNC" from the relay, which makes RxDB re-run a checkpointed pull:
 * nothing written while the machine was cut off is missed.
 */
import type { RelayConnection } from './relay-connection.ts';

export const RECONNECT_MIN_MS = 1_000;
export const RECONNECT_MAX_MS = 30_000;

/** Splits an SSE byte stream into the `data:` payloads of its events. */
export function parseEventStream(buffer: string): { events: string[]; rest: string } {
  const events: string[] = [];
  const blocks = buffer.split(/\r?\n\r?\n/);
  const rest = blocks.pop() ?? '';
  for (const block of blocks) {
    const data = block
      .split(/\r?\n/)
      .filter((line) => line.startsWith('data:'))
      .map((line) => line.slice(5).replace(/^ /, ''))
      .join('\n');
    if (data) events.push(data);
  }
  return { events, rest };
}

export function followEventStream(connection: RelayConnection, path: string, onEvent: (data: string) => void): () => void {
  const controller = new AbortController();
  let delay = RECONNECT_MIN_MS;

  const loop = async (): Promise<void> => {
    while (!controller.signal.aborted) {
      try {
        const response = await connection.openStream(path, controller.signal);
        delay = RECONNECT_MIN_MS;
        const reader = (response.body as ReadableStream<Uint8Array>).getReader();
        const decoder = new TextDecoder();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += decoder.decode(value, { stream: true });
          const parsed = parseEventStream(buffer);
          buffer = parsed.rest;
          parsed.events.forEach(onEvent);
        }
      } catch {
        // The relay is unreachable or the stream broke: wait and reconnect.
      }
      if (controller.signal.aborted) return;
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(RECONNECT_MAX_MS, delay * 2);
    }
  };
  void loop();
  return () => controller.abort();
}
