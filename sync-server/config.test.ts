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

  it('refuses values that cannot be right, saying which', () => {
    expect(() => readConfig({ PORT: 'http' }, [], '/srv')).toThrow('PORT must be a port number');
    expect(() => readConfig({ RATE_LIMIT_PER_MINUTE: '0' }, [], '/srv')).toThrow('RATE_LIMIT_PER_MINUTE must be a positive whole number');
  });
});
