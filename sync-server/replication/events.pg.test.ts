import { postgresFactory } from '../../test/postgres-factory.ts';
import { learnerEventsContract } from './events.contract.ts';

// Runs only when TEST_DATABASE_URL points at a real PostgreSQL server (CI starts one): see vitest.config.ts.
learnerEventsContract('PostgreSQL', postgresFactory);
