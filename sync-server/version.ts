import { readFileSync } from 'node:fs';

/** The relay's version, from package.json (shown by /api/health). */
export const RELAY_VERSION: string = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/**
 * Version of the replication protocol. A client that speaks another one gets a clear "please reload" answer
 * (426) instead of a 500.
 */
export const PROTOCOL_VERSION = 1;
