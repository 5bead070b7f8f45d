import { openTestPostgres } from '../../../test/postgres.ts';
import { certificationContract } from '../certification.contract.ts';

// Runs only when TEST_DATABASE_URL points at a real PostgreSQL server: see vitest.config.ts.
certificationContract('PostgreSQL', openTestPostgres);
