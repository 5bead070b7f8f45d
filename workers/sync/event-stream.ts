/**
 * Reads the relay's Server-Sent Events over fetch (EventSource cannot send the device token) and reconnects with
 * backoff. Each (re)connection starts with "RESYNC" from the relay, which makes RxDB re-run a checkpointed pull:
 * nothing written while the machine was cut off is missed.
 */
import type { RelayConnection } from './relay-connection.ts';

export const RECONNECT_MIN_MS = 1_000;
export const RECONNECT_MAX_MS = 10_000;
/** The relay sends a keep-alive every 15 s; past this silence the stream is taken for dead and reopened. */
export const STREAM_SILENCE_MS = 40_000;

export interface StreamEvent {
  /** The `event:` field, when the relay named the event (combined streams name it after the collection). */
  name: string | undefined;
  data: string;
}

/** Splits an SSE byte stream into its events (name and `data:` payload); comments (keep-alives) are dropped. */
export function parseEventStream(buffer: string): { events: StreamEvent[]; rest: string } {
  const events: StreamEvent[] = [];
  const blocks = buffer.split(/\r?\n\r?\n/);
  const rest = blocks.pop() ?? '';
  for (const block of blocks) {
    const lines = block.split(/\r?\n/);
    const data = lines
      .filter((line) => line.startsWith('data:'))
      .map((line) => line.slice(5).replace(/^ /, ''))
      .join('\n');
    const name = lines.find((line) => line.startsWith('event:'))?.slice(6).trim();
    if (data) events.push({ name: name || undefined, data });
  }
  return { events, rest };
}

export function followEventStream(connection: RelayConnection, path: string, onEvent: (event: StreamEvent) => void): () => void {
  const controller = new AbortController();
  let delay = RECONNECT_MIN_MS;

  const loop = async (): Promise<void> => {
    while (!controller.signal.aborted) {
      const attempt = new AbortController();
      const stopAttempt = (): void => attempt.abort();
      controller.signal.addEventListener('abort', stopAttempt, { once: true });
      let watchdog: ReturnType<typeof setTimeout> | undefined;
      const feedWatchdog = (): void => {
        clearTimeout(watchdog);
        watchdog = setTimeout(stopAttempt, STREAM_SILENCE_MS);
      };
      try {
        feedWatchdog();
        const response = await connection.openStream(path, attempt.signal);
        delay = RECONNECT_MIN_MS;
        const reader = (response.body as ReadableStream<Uint8Array>).getReader();
        const decoder = new TextDecoder();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          feedWatchdog();
          buffer += decoder.decode(value, { stream: true });
          const parsed = parseEventStream(buffer);
          buffer = parsed.rest;
          parsed.events.forEach(onEvent);
        }
      } catch {
        // The relay is unreachable, the stream broke or fell silent: wait and reconnect.
      } finally {
        clearTimeout(watchdog);
        controller.signal.removeEventListener('abort', stopAttempt);
      }
      if (controller.signal.aborted) return;
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(RECONNECT_MAX_MS, delay * 2);
    }
  };
  void loop();
  return () => controller.abort();
}
