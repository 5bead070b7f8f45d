/** The relay's configuration, from the environment and the command line. */
import { resolve } from 'node:path';

export interface RelayConfig {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /** Seed the demo school when the database is empty. */
  demo: boolean;
  distDir: string;
  /** Requests per minute and per token (or address, without one) on /api. */
  rateLimitPerMinute: number;
}

function parsePort(value: string | undefined): number {
  if (value === undefined || value === '') return 3000;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number (0–65535), not "${value}"`);
  return port;
}

function parseRateLimit(value: string | undefined): number {
  if (value === undefined || value === '') return 1200;
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`RATE_LIMIT_PER_MINUTE must be a positive whole number, not "${value}"`);
  return limit;
}

export function readConfig(env: NodeJS.ProcessEnv, argv: readonly string[], cwd: string): RelayConfig {
  const demoOff = argv.includes('--no-demo') || ['0', 'false', 'no', 'off'].includes((env.DEMO ?? '').toLowerCase());
  return {
    port: parsePort(env.PORT),
    host: env.HOST ?? '127.0.0.1',
    dataDir: resolve(cwd, env.DATA_DIR ?? './data'),
    databaseUrl: env.DATABASE_URL || undefined,
    demo: !demoOff,
    distDir: resolve(cwd, env.DIST_DIR ?? './dist'),
    rateLimitPerMinute: parseRateLimit(env.RATE_LIMIT_PER_MINUTE),
  };
}
