import { postgresFactory } from '../../test/postgres-factory.ts';
import { replicationContract } from './replication.contract.ts';

// Runs only when TEST_DATABASE_URL points at a real PostgreSQL server (CI starts one): see vitest.config.ts.
replicationContract('PostgreSQL', postgresFactory);
