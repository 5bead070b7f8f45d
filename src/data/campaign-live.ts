/**
 * Live follow-up of a campaign ([CAMPAIGNS-LIVE]): the teacher's page follows the relay's event stream of the school's
 * tests and answers (GET /api/replication/stream, read over fetch since EventSource cannot send the staff token) and
 * reads its figures again when one of its participations moved. No polling: a quiet campaign costs one idle
 * connection. The stream starts with "RESYNC" at each (re)connection, which also triggers a read, so nothing missed
 * while cut off is lost.
 */

/** What an event says changed: the campaigns of the tests it carries, the tests of the answers it carries. */
export interface LiveTouch {
  campaignIds: string[];
  assessmentIds: string[];
  /** A (re)connection: anything may have changed. */
  resync: boolean;
}

const RECONNECT_MIN_MS = 1_000;
const RECONNECT_MAX_MS = 15_000;
/** The relay sends a keep-alive every 15 s; past this silence the stream is taken for dead and reopened. */
const SILENCE_MS = 40_000;

/** One SSE block's data, read for what it touches. */
export function touchOf(data: string): LiveTouch {
  if (data === '"RESYNC"') return { campaignIds: [], assessmentIds: [], resync: true };
  const touch: LiveTouch = { campaignIds: [], assessmentIds: [], resync: false };
  try {
    const parsed = JSON.parse(data) as { documents?: Record<string, unknown>[] };
    for (const doc of parsed.documents ?? []) {
      if (typeof doc.campaignId === 'string') touch.campaignIds.push(doc.campaignId);
      if (typeof doc.assessmentId === 'string') touch.assessmentIds.push(doc.assessmentId);
    }
  } catch {
    // A block that is not JSON is ignored: the next RESYNC reads everything again.
  }
  return touch;
}

/** Splits an SSE text into complete blocks' data and the unfinished rest. */
export function splitEvents(buffer: string): { data: string[]; rest: string } {
  const blocks = buffer.split(/\r?\n\r?\n/);
  const rest = blocks.pop() ?? '';
  const data = blocks.flatMap((block) => {
    const lines = block.split(/\r?\n/).filter((line) => line.startsWith('data:'));
    return lines.length === 0 ? [] : [lines.map((line) => line.slice(5).replace(/^ /, '')).join('\n')];
  });
  return { data, rest };
}

/** Follows the stream until the returned function is called; reconnects with backoff. */
export function followCampaignEvents(token: string, onTouch: (touch: LiveTouch) => void): () => void {
  const stop = new AbortController();
  let delay = RECONNECT_MIN_MS;
  const loop = async (): Promise<void> => {
    while (!stop.signal.aborted) {
      const attempt = new AbortController();
      const abortAttempt = (): void => attempt.abort();
      stop.signal.addEventListener('abort', abortAttempt, { once: true });
      let watchdog: ReturnType<typeof setTimeout> | undefined;
      const feed = (): void => {
        clearTimeout(watchdog);
        watchdog = setTimeout(abortAttempt, SILENCE_MS);
      };
      try {
        feed();
        const response = await fetch('/api/replication/stream?collections=assessments,answers', { headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' }, signal: attempt.signal });
        if (response.status === 401 || response.status === 403) return;
        if (!response.ok || !response.body) throw new Error(`stream ${response.status}`);
        delay = RECONNECT_MIN_MS;
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          feed();
          const { data, rest } = splitEvents(buffer + value);
          buffer = rest;
          for (const block of data) onTouch(touchOf(block));
        }
      } catch {
        // Cut, refused or silent: try again after a pause.
      } finally {
        clearTimeout(watchdog);
        stop.signal.removeEventListener('abort', abortAttempt);
      }
      if (stop.signal.aborted) return;
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, RECONNECT_MAX_MS);
    }
  };
  void loop();
  return () => stop.abort();
}
