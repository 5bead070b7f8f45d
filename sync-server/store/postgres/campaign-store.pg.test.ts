import { openTestPostgres } from '../../../test/postgres.ts';
import { campaignStoreContract } from '../campaign-store.contract.ts';

// Runs only when TEST_DATABASE_URL points at a real PostgreSQL server: see vitest.config.ts.
campaignStoreContract('PostgreSQL', openTestPostgres);
