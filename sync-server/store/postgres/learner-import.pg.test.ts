import { openTestPostgres } from '../../../test/postgres.ts';
import { learnerImportContract } from '../learner-import.contract.ts';

// Runs only when TEST_DATABASE_URL points at a real PostgreSQL server: see vitest.config.ts.
learnerImportContract('PostgreSQL', openTestPostgres);
