/** The combined live stream: several collections over one connection, events named after their collection. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAnswer } from '../../test/lab-client.ts';
import { enrolDevice, listenOnLoopback, startTestRelay } from '../../test/relay.ts';
import type { TestRelay } from '../../test/relay.ts';
import { parseEventStream } from '../../workers/sync/event-stream.ts';
import { PROTOCOL_VERSION } from '../version.ts';
import type { StreamEvent } from '../../workers/sync/event-stream.ts';

let relay: TestRelay;
let baseUrl: string;
let device: string;
beforeAll(async () => {
  relay = await startTestRelay();
  baseUrl = await listenOnLoopback(relay);
  device = await enrolDevice(relay.app, 'Poste 1');
});
afterAll(async () => relay.close());

/** Reads events until `count` have arrived. */
async function readEvents(reader: ReadableStreamDefaultReader<Uint8Array>, count: number): Promise<StreamEvent[]> {
  const decoder = new TextDecoder();
  const events: StreamEvent[] = [];
  let buffer = '';
  while (events.length < count) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    const parsed = parseEventStream(buffer);
    buffer = parsed.rest;
    events.push(...parsed.events);
  }
  return events;
}

describe('GET /api/replication/stream', () => {
  it('starts with one RESYNC, then names each batch after its collection, and only for the collections asked', async () => {
    const controller = new AbortController();
    const response = await fetch(`${baseUrl}/api/replication/stream?collections=answers,learners`, { headers: { authorization: `Bearer ${device}` }, signal: controller.signal });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    expect(await readEvents(reader, 1)).toEqual([{ name: undefined, data: '"RESYNC"' }]);

    // An assessment is not followed by this stream; the answer after it is.
    const assessment = {
      id: 'as-stream', kind: 'campaign', learnerId: 'demo-learner-01', campaignId: 'c', competenceId: null, sessionId: null, state: 'started',
      startedAt: 1_767_225_600_000, completedAt: null, sharedAt: null, deviceId: 'dev', contentVersion: '0123456789abcdef', priorChallengeIds: [], updatedAt: 0, _deleted: false,
    };
    const pushedAssessment = await relay.app.inject({ method: 'POST', url: '/api/replication/assessments/push', headers: { authorization: `Bearer ${device}` }, payload: [{ newDocumentState: assessment, assumedMasterState: null }] });
    expect(pushedAssessment.statusCode).toBe(200);
    const answer = makeAnswer({ id: 'as-stream:0', assessmentId: 'as-stream' });
    const pushed = await relay.app.inject({ method: 'POST', url: '/api/replication/answers/push', headers: { authorization: `Bearer ${device}` }, payload: [{ newDocumentState: answer, assumedMasterState: null }] });
    expect(pushed.statusCode).toBe(200);

    const [event] = await readEvents(reader, 1);
    expect(event?.name).toBe('answers');
    const body = JSON.parse(event?.data ?? '{}') as { documents: { id: string }[]; checkpoint: { seq: number } };
    expect(body.documents.map((d) => d.id)).toEqual(['as-stream:0']);
    expect(body.checkpoint.seq).toBeGreaterThan(0);
    controller.abort();
  });

  it('refuses unknown collections (400), a missing list (400) and a caller without a token (401), as JSON', async () => {
    const unknown = await relay.app.inject({ method: 'GET', url: '/api/replication/stream?collections=answers,secrets', headers: { authorization: `Bearer ${device}` } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json<{ error: string }>().error).toBeTruthy();
    const missing = await relay.app.inject({ method: 'GET', url: '/api/replication/stream', headers: { authorization: `Bearer ${device}` } });
    expect(missing.statusCode).toBe(400);
    const anonymous = await relay.app.inject({ method: 'GET', url: '/api/replication/stream?collections=answers' });
    expect(anonymous.statusCode).toBe(401);
  });
});

describe('protocol version', () => {
  it('tells a client speaking another replication protocol to reload (426), and accepts its own version', async () => {
    const other = await relay.app.inject({ method: 'GET', url: '/api/replication/answers/pull', headers: { authorization: `Bearer ${device}`, 'x-protocol-version': '99' } });
    expect(other.statusCode).toBe(426);
    expect(other.json<{ error: string; message: string }>()).toMatchObject({ error: 'protocol_mismatch', message: expect.stringContaining('rechargez') as unknown });
    const same = await relay.app.inject({ method: 'GET', url: '/api/replication/answers/pull', headers: { authorization: `Bearer ${device}`, 'x-protocol-version': String(PROTOCOL_VERSION) } });
    expect(same.statusCode).toBe(200);
  });
});
