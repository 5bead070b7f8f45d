import { describe, expect, it } from 'vitest';
import { readConfig } from './config.ts';

describe('readConfig', () => {
  it('has working defaults: port 3000, ./data, SQLite, the demo school, 1200 requests a minute', () => {
    const config = readConfig({}, [], '/srv/pixlab');
    expect(config).toMatchObject({ port: 3000, host: '127.0.0.1', dataDir: '/srv/pixlab/data', databaseUrl: undefined, demo: true, distDir: '/srv/pixlab/dist', rateLimitPerMinute: 1200 });
  });

  it('reads the environment and --no-demo', () => {
    const config = readConfig({ PORT: '8443', DATA_DIR: '/var/lib/pixlab', DATABASE_URL: 'postgres://x', RATE_LIMIT_PER_MINUTE: '5000' }, ['--no-demo'], '/srv');
    expect(config).toMatchObject({ port: 8443, dataDir: '/var/lib/pixlab', databaseUrl: 'postgres://x', demo: false, rateLimitPerMinute: 5000 });
    expect(readConfig({ DEMO: 'off' }, [], '/srv').demo).toBe(false);
  });

  it('[AUTH-2] trusts no proxy unless TRUST_PROXY says how many hops or which addresses', () => {
    expect(readConfig({}, [], '/srv').trustProxy).toBe(false);
    expect(readConfig({ TRUST_PROXY: '' }, [], '/srv').trustProxy).toBe(false);
    expect(readConfig({ TRUST_PROXY: '1' }, [], '/srv').trustProxy).toBe(1);
    expect(readConfig({ TRUST_PROXY: ' 10.0.0.1, 192.168.0.0/16,::1 , loopback' }, [], '/srv').trustProxy).toEqual(['10.0.0.1', '192.168.0.0/16', '::1', 'loopback']);
    expect(() => readConfig({ TRUST_PROXY: 'true' }, [], '/srv')).toThrow('TRUST_PROXY');
    expect(() => readConfig({ TRUST_PROXY: '0' }, [], '/srv')).toThrow('TRUST_PROXY');
    expect(() => readConfig({ TRUST_PROXY: '10.0.0.300' }, [], '/srv')).toThrow('"10.0.0.300"');
    expect(() => readConfig({ TRUST_PROXY: '10.0.0.0/33' }, [], '/srv')).toThrow('"10.0.0.0/33"');
  });

  it('[AUTH-6] caps open event streams at 500 unless MAX_EVENT_STREAMS says otherwise', () => {
    expect(readConfig({}, [], '/srv').maxEventStreams).toBe(500);
    expect(readConfig({ MAX_EVENT_STREAMS: '2000' }, [], '/srv').maxEventStreams).toBe(2000);
    expect(() => readConfig({ MAX_EVENT_STREAMS: '-1' }, [], '/srv')).toThrow('MAX_EVENT_STREAMS must be a positive whole number');
  });

  it('refuses values that cannot be right, saying which', () => {
    expect(() => readConfig({ PORT: 'http' }, [], '/srv')).toThrow('PORT must be a port number');
    expect(() => readConfig({ RATE_LIMIT_PER_MINUTE: '0' }, [], '/srv')).toThrow('RATE_LIMIT_PER_MINUTE must be a positive whole number');
  });
});
