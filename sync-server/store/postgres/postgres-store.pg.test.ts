import { openTestPostgres } from '../../../test/postgres.ts';
import { storeContract } from '../store.contract.ts';

// Runs only when TEST_DATABASE_URL points at a real PostgreSQL server (CI starts one): see vitest.config.ts.
storeContract('PostgreSQL', openTestPostgres);
