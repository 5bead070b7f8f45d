/**
 * The "Élèves" page's state: the list with its filters, an import in progress (read in a worker, then sent), and the
 * personal codes last drawn for a class. Calls go through src/data with the signed-in teacher's token; a token the
 * relay no longer accepts signs the teacher out.
 */
import { create } from 'zustand';
import type { ImportIssue, LearnerImportFormat } from '../../../core/imports/learner-import.ts';
import { readLearnerFileOffThread } from '../../../data/learner-file-reader.ts';
import { drawClassCodes, fetchLearners, uploadLearnerFile } from '../../../data/teacher-client.ts';
import type { CallFailure, Certifiability, ClassCode, ImportCounts, LearnerList } from '../../../data/teacher-client.ts';
import { useStaffSession } from '../../auth/staff-session.store.ts';

/** Share of the progress bar for reading the file; sending it takes the rest. */
const READ_SHARE = 0.6;
/** Which import is the latest: late progress of an earlier one never moves the bar. */
let importAttempt = 0;

export type ImportState =
  | { phase: 'idle' }
  | { phase: 'reading' | 'sending'; progress: number }
  | { phase: 'done'; counts: ImportCounts }
  | { phase: 'invalid'; message: string | null; errors: ImportIssue[] }
  | { phase: 'failed'; reason: CallFailure['reason']; message: string | null };

export interface Filters {
  className: string;
  certifiability: Certifiability | '';
}

interface StudentsState {
  list: LearnerList | null;
  loading: boolean;
  listFailure: CallFailure | null;
  filters: Filters;
  importState: ImportState;
  codes: { className: string; codes: ClassCode[] } | null;
  drawing: boolean;
  codesFailure: CallFailure | null;
  load: () => Promise<void>;
  setFilters: (filters: Partial<Filters>) => Promise<void>;
  importFile: (file: File, format: LearnerImportFormat) => Promise<void>;
  drawCodes: (className: string) => Promise<void>;
  closeCodes: () => void;
}

function token(): string | null {
  return useStaffSession.getState().token;
}

/** A refused token cannot come back: the teacher signs in again. */
function signOutWhenUnauthorized(failure: CallFailure): void {
  if (failure.reason === 'unauthorized') useStaffSession.getState().signOut();
}

/** Today on this machine, ISO: a student who left before it is skipped, as the relay will. */
function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

export const useStudents = create<StudentsState>()((set, get) => ({
  list: null,
  loading: false,
  listFailure: null,
  filters: { className: '', certifiability: '' },
  importState: { phase: 'idle' },
  codes: null,
  drawing: false,
  codesFailure: null,

  async load() {
    const current = token();
    if (!current) return;
    set({ loading: true });
    const { className, certifiability } = get().filters;
    const result = await fetchLearners(current, { ...(className ? { className } : {}), ...(certifiability ? { certifiability } : {}) });
    if (result.ok) set({ list: result.list, loading: false, listFailure: null });
    else {
      set({ loading: false, listFailure: result });
      signOutWhenUnauthorized(result);
    }
  },

  async setFilters(filters) {
    set({ filters: { ...get().filters, ...filters } });
    await get().load();
  },

  async importFile(file, format) {
    const current = token();
    const uai = get().list?.organization.uai;
    if (!current || uai === undefined) return;
    const attempt = ++importAttempt;
    set({ importState: { phase: 'reading', progress: 0 } });
    const bytes = await file.arrayBuffer();
    const read = await readLearnerFileOffThread({ format, bytes, uai, today: today() }, (fraction) => {
      // Progress comes over its own message channel and may arrive after the result: only a read still going moves the bar.
      const state = get().importState;
      if (attempt === importAttempt && state.phase === 'reading') set({ importState: { phase: 'reading', progress: Math.max(state.progress, Math.round(fraction * READ_SHARE * 100)) } });
    });
    if (!read.ok) {
      set({ importState: { phase: 'invalid', message: null, errors: read.errors } });
      return;
    }
    set({ importState: { phase: 'sending', progress: Math.round(READ_SHARE * 100) } });
    const sent = await uploadLearnerFile(current, { format, fileName: file.name, base64: read.base64 }, (fraction) => {
      const state = get().importState;
      if (attempt === importAttempt && state.phase === 'sending') set({ importState: { phase: 'sending', progress: Math.max(state.progress, Math.round((READ_SHARE + fraction * (1 - READ_SHARE)) * 100)) } });
    });
    if (sent.ok) {
      set({ importState: { phase: 'done', counts: sent.counts }, filters: { className: '', certifiability: '' }, codes: null });
      await get().load();
    } else if (sent.reason === 'invalid-file') set({ importState: { phase: 'invalid', message: sent.message, errors: sent.errors } });
    else {
      set({ importState: { phase: 'failed', reason: sent.reason, message: sent.message } });
      signOutWhenUnauthorized(sent);
    }
  },

  async drawCodes(className) {
    const current = token();
    if (!current) return;
    set({ drawing: true, codesFailure: null });
    const result = await drawClassCodes(current, className);
    if (result.ok) set({ drawing: false, codes: { className, codes: result.codes } });
    else {
      set({ drawing: false, codesFailure: result });
      signOutWhenUnauthorized(result);
    }
  },

  closeCodes() {
    set({ codes: null });
  },
}));
