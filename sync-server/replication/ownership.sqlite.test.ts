import { sqliteFactory } from '../../test/relay.ts';
import { ownershipContract } from './ownership.contract.ts';

ownershipContract('SQLite', sqliteFactory);
