// Wiring only: the reader lives in imports/learner-file-api.ts. Started by the teacher's "Élèves" page only.
import { expose } from 'comlink';
import { createLearnerFileApi } from './imports/learner-file-api.ts';

expose(createLearnerFileApi());
