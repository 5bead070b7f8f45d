/** The relay's configuration, from the environment and the command line. */
import { isIP } from 'node:net';
import { resolve } from 'node:path';

/**
 * Which proxies' `X-Forwarded-For` the relay believes (Fastify's `trustProxy`): none (false), the last N hops, or
 * the listed addresses and CIDR ranges. Believing anyone would let every request pick its own address and so its
 * own rate-limit allowance ([AUTH-2]).
 */
export type TrustProxy = false | number | string[];

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
  trustProxy: TrustProxy;
  /** Event streams open at once on this relay, all callers together ([AUTH-6]). */
  maxEventStreams: number;
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

/** Names proxy-addr (behind Fastify's trustProxy) accepts for well-known ranges. */
const PROXY_RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isProxyAddress(entry: string): boolean {
  if (PROXY_RANGE_NAMES.has(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d{1,3}$/.test(prefix) && bits <= (version === 4 ? 32 : 128);
}

function parseTrustProxy(value: string | undefined): TrustProxy {
  const text = (value ?? '').trim();
  if (text === '') return false;
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops < 1) throw new Error('TRUST_PROXY must be a number of proxies (1 or more) or their addresses; leave it unset to trust none');
    return hops;
  }
  const entries = text.split(',').map((entry) => entry.trim()).filter((entry) => entry !== '');
  for (const entry of entries) {
    if (!isProxyAddress(entry)) {
      throw new Error(`TRUST_PROXY must be a number of proxies or a comma-separated list of addresses and CIDR ranges (e.g. 10.0.0.1,192.168.0.0/16), not "${entry}"`);
    }
  }
  return entries;
}

function parsePositive(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new Error(`${name} must be a positive whole number, not "${value}"`);
  return number;
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
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    maxEventStreams: parsePositive('MAX_EVENT_STREAMS', env.MAX_EVENT_STREAMS, 500),
  };
}
