/**
 * An in-process relay whose SQLite file outlives it, so a test can "restart" the relay (close the app and the
 * store, reopen both on the same file) the way a school's relay machine reboots. A seeded template file (demo
 * school, enrolled machines) is prepared once and copied per run: seeding and signing in cost ~1 s (scrypt).
 */
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '../../sync-server/store/sqlite/sqlite-store.ts';
import { loginAs, startTestRelay } from '../relay.ts';
import type { StoreFactory, TestRelay } from '../relay.ts';

const FILE = 'relay.sqlite';

/**
 * Runs live in memory when the system offers it (/dev/shm): this test is about ordering and merging, not about the
 * disk, and fsyncs (synchronous=FULL) on a busy disk would make a run cost seconds. test/fault covers the disk.
 */
const RUN_ROOT = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();

export interface EnrolledDevice {
  deviceId: string;
  token: string;
}

export interface RelayTemplate {
  dir: string;
  devices: EnrolledDevice[];
  teacherToken: string;
  dispose(): void;
}

function storeAt(dir: string): StoreFactory {
  return () => {
    const store = new SqliteStore(join(dir, FILE));
    return Promise.resolve({ store, dispose: () => store.close() });
  };
}

/** Seeds the demo school and enrols `deviceCount` machines into a file, closed (WAL folded in) and ready to copy. */
export async function prepareTemplate(deviceCount: number): Promise<RelayTemplate> {
  const dir = mkdtempSync(join(RUN_ROOT, 'pixlab-template-'));
  const relay = await startTestRelay({ storeFactory: storeAt(dir) });
  try {
    const teacherToken = await loginAs(relay.app, 'enseignant@demo.local');
    const devices: EnrolledDevice[] = [];
    for (let i = 0; i < deviceCount; i++) {
      const response = await relay.app.inject({ method: 'POST', url: '/api/devices', headers: { authorization: `Bearer ${teacherToken}` }, payload: { name: `Poste ${i + 1}` } });
      if (response.statusCode !== 201) throw new Error(`enrol: ${response.statusCode} ${response.body}`);
      devices.push(response.json<EnrolledDevice>());
    }
    return { dir, devices, teacherToken, dispose: () => rmSync(dir, { recursive: true, force: true }) };
  } finally {
    await relay.close();
  }
}

/** A relay on its own copy of the template: `restart()` closes it and reopens the same file. */
export class RelayOnFile {
  private constructor(
    readonly dir: string,
    private current: TestRelay,
  ) {}

  static async fromTemplate(template: RelayTemplate): Promise<RelayOnFile> {
    const dir = mkdtempSync(join(RUN_ROOT, 'pixlab-run-'));
    copyFileSync(join(template.dir, FILE), join(dir, FILE));
    return new RelayOnFile(dir, await startTestRelay({ demo: false, storeFactory: storeAt(dir) }));
  }

  get relay(): TestRelay {
    return this.current;
  }

  async restart(): Promise<void> {
    await this.current.close();
    this.current = await startTestRelay({ demo: false, storeFactory: storeAt(this.dir) });
  }

  async dispose(): Promise<void> {
    await this.current.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
