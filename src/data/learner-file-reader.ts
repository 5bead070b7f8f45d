/** The UI's handle on the student list reader worker: created on first use, so only the "Élèves" page starts it. */
import { proxy, transfer, wrap } from 'comlink';
import type { Remote } from 'comlink';
import type { LearnerFileApi, ReadLearnerFileInput, ReadLearnerFileResult } from '../../workers/imports/learner-file-api.ts';

let reader: Remote<LearnerFileApi> | undefined;

export function readLearnerFileOffThread(input: ReadLearnerFileInput, onProgress: (fraction: number) => void): Promise<ReadLearnerFileResult> {
  reader ??= wrap<LearnerFileApi>(new Worker(new URL('../../workers/learner-import.worker.ts', import.meta.url), { type: 'module', name: 'pixlab-learner-import' }));
  // The file's bytes move to the worker instead of being copied.
  return reader.readLearnerFile(transfer(input, [input.bytes]), proxy(onProgress));
}
