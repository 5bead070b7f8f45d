import { describe, expect, it } from 'vitest';
import { parseEventStream } from './event-stream.ts';

describe('parseEventStream', () => {
  it('reads plain and named events, drops keep-alive comments and keeps an unfinished event for later', () => {
    const buffer = 'data: "RESYNC"\n\n: keep-alive\n\nevent: answers\ndata: {"documents":[],"checkpoint":{"seq":3}}\n\nevent: learners\ndata: {"doc';
    const { events, rest } = parseEventStream(buffer);
    expect(events).toEqual([
      { name: undefined, data: '"RESYNC"' },
      { name: 'answers', data: '{"documents":[],"checkpoint":{"seq":3}}' },
    ]);
    expect(rest).toBe('event: learners\ndata: {"doc');
  });

  it('accepts CRLF line ends and joins multi-line data', () => {
    const { events, rest } = parseEventStream('event: campaigns\r\ndata: {"a":\r\ndata: 1}\r\n\r\n');
    expect(events).toEqual([{ name: 'campaigns', data: '{"a":\n1}' }]);
    expect(rest).toBe('');
  });
});
