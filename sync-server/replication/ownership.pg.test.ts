import { postgresFactory } from '../../test/postgres-factory.ts';
import { ownershipContract } from './ownership.contract.ts';

// Runs only when TEST_DATABASE_URL points at a real PostgreSQL server (CI starts one): see vitest.config.ts.
ownershipContract('PostgreSQL', postgresFactory);
