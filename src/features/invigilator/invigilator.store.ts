/**
 * The invigilator space's state ("Espace surveillant"): the sessions, the session open on screen, its results, and
 * what the last action said. Calls go through src/data/certification-client.ts; a token the relay no longer accepts
 * signs the invigilator out.
 */
import { create } from 'zustand';
import * as client from '../../data/certification-client.ts';
import type { AbortReason, CandidateFields, CandidateResult, LineIssue, SessionDetail, SessionFields, SessionSummary } from '../../data/certification-client.ts';
import type { CallFailure } from '../../data/teacher-client.ts';
import { useStaffSession } from '../auth/staff-session.store.ts';

/** A refusal to show: the relay's French message, or the page's own words for its reason. */
export type Refusal = CallFailure | { ok: false; reason: 'invalid-candidates'; message: string; errors: LineIssue[] };

interface InvigilatorState {
  sessions: SessionSummary[] | null;
  session: SessionDetail | null;
  results: CandidateResult[] | null;
  busy: boolean;
  failure: Refusal | null;
  /** Set after a successful action, for the status line ("Candidat ajouté"). */
  done: 'candidate-added' | 'candidates-imported' | 'session-saved' | null;
  loadSessions: () => Promise<void>;
  loadSession: (id: string) => Promise<void>;
  create: (fields: SessionFields) => Promise<SessionDetail | null>;
  edit: (id: string, fields: SessionFields) => Promise<boolean>;
  addCandidate: (id: string, candidate: CandidateFields) => Promise<boolean>;
  importCandidates: (id: string, content: string) => Promise<boolean>;
  finalise: (id: string, input: { comment: string; hasIncident: boolean; hasJoiningIssue: boolean; abortReasons: Record<string, AbortReason> }) => Promise<boolean>;
  download: (url: string, fileName: string) => Promise<void>;
}

function token(): string | null {
  return useStaffSession.getState().token;
}

export const useInvigilator = create<InvigilatorState>()((set, get) => {
  function refused(failure: Refusal): false {
    set({ busy: false, failure });
    if (failure.reason === 'unauthorized') useStaffSession.getState().signOut();
    return false;
  }

  async function withToken<T>(run: (t: string) => Promise<T>): Promise<T | null> {
    const t = token();
    if (!t) return null;
    set({ busy: true, failure: null, done: null });
    return run(t);
  }

  async function loadResults(t: string, session: SessionDetail): Promise<void> {
    if (session.status !== 'processed') return set({ results: null });
    const results = await client.fetchResults(t, session.id);
    set({ results: results.ok ? results.value : null });
  }

  return {
    sessions: null,
    session: null,
    results: null,
    busy: false,
    failure: null,
    done: null,
    async loadSessions() {
      await withToken(async (t) => {
        const result = await client.fetchSessions(t);
        if (!result.ok) return refused(result);
        set({ busy: false, sessions: result.value });
        return true;
      });
    },
    async loadSession(id) {
      if (get().session?.id !== id) set({ session: null, results: null });
      await withToken(async (t) => {
        const result = await client.fetchSession(t, id);
        if (!result.ok) return refused(result);
        set({ busy: false, session: result.value });
        await loadResults(t, result.value);
        return true;
      });
    },
    async create(fields) {
      return (
        (await withToken(async (t) => {
          const result = await client.createSession(t, fields);
          if (!result.ok) return refused(result) || null;
          set({ busy: false, session: result.value, results: null });
          return result.value;
        })) ?? null
      );
    },
    async edit(id, fields) {
      return (
        (await withToken(async (t) => {
          const result = await client.editSession(t, id, fields);
          if (!result.ok) return refused(result);
          set({ busy: false, session: result.value, done: 'session-saved' });
          return true;
        })) ?? false
      );
    },
    async addCandidate(id, candidate) {
      return (
        (await withToken(async (t) => {
          const result = await client.addCandidate(t, id, candidate);
          if (!result.ok) return refused(result);
          set({ busy: false, session: result.value, done: 'candidate-added' });
          return true;
        })) ?? false
      );
    },
    async importCandidates(id, content) {
      return (
        (await withToken(async (t) => {
          const result = await client.importCandidates(t, id, content);
          if (!result.ok) return refused(result);
          set({ busy: false, session: result.value, done: 'candidates-imported' });
          return true;
        })) ?? false
      );
    },
    async finalise(id, input) {
      return (
        (await withToken(async (t) => {
          const result = await client.finaliseSession(t, id, input);
          if (!result.ok) return refused(result);
          set({ busy: false, session: result.value });
          await loadResults(t, result.value);
          return true;
        })) ?? false
      );
    },
    async download(url, fileName) {
      await withToken(async (t) => {
        const result = await client.downloadFile(t, url);
        if (!result.ok) return refused(result);
        set({ busy: false });
        const href = URL.createObjectURL(result.value);
        const link = document.createElement('a');
        link.href = href;
        link.download = fileName;
        link.click();
        // Revoked after the click has handed the file to the browser.
        setTimeout(() => URL.revokeObjectURL(href), 10_000);
        return true;
      });
    },
  };
});
