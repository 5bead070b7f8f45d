import { openTestPostgres } from '../../../test/postgres.ts';
import { teamContract } from '../team.contract.ts';

// Runs only when TEST_DATABASE_URL points at a real PostgreSQL server: see vitest.config.ts.
teamContract('PostgreSQL', openTestPostgres);
