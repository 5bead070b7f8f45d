/**
 * The app's version (package.json), built into the worker. Reported to the relay with the machine's status, and a
 * new one offers documents the relay refused to the relay again (a fixed bug may make them acceptable).
 */
import { version } from '../../package.json';

export const APP_VERSION: string = version;
