import { openTestPostgres } from './postgres.ts';
import type { StoreFactory } from './relay.ts';

export const postgresFactory: StoreFactory = () => openTestPostgres();
