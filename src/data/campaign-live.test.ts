import { describe, expect, it } from 'vitest';
import { splitEvents, touchOf } from './campaign-live.ts';

describe("the teacher's live follow-up", () => {
  it('[CAMPAIGNS-LIVE] reads complete SSE blocks, keeps the unfinished rest, drops keep-alives', () => {
    const { data, rest } = splitEvents('data: "RESYNC"\n\n: keep-alive\n\nevent: assessments\ndata: {"documents":[]}\n\ndata: {"docu');
    expect(data).toEqual(['"RESYNC"', '{"documents":[]}']);
    expect(rest).toBe('data: {"docu');
  });

  it('[CAMPAIGNS-LIVE] says which campaigns and tests an event touches; RESYNC touches everything', () => {
    expect(touchOf('"RESYNC"')).toEqual({ campaignIds: [], assessmentIds: [], resync: true });
    const touch = touchOf(JSON.stringify({ documents: [{ id: 'as-1', campaignId: 'camp-1' }, { id: 'as-1:0', assessmentId: 'as-1' }, { id: 'as-2', campaignId: null }], checkpoint: { seq: 3 } }));
    expect(touch).toEqual({ campaignIds: ['camp-1'], assessmentIds: ['as-1'], resync: false });
    expect(touchOf('not json')).toEqual({ campaignIds: [], assessmentIds: [], resync: false });
  });
});
