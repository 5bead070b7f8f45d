// Wiring only: the engine's behaviour lives in engine-api.ts and its handlers.
import { expose } from 'comlink';
import { createEngineApi } from './engine-api.ts';

expose(createEngineApi());
