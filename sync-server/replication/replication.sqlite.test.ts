import { sqliteFactory } from '../../test/relay.ts';
import { replicationContract } from './replication.contract.ts';

replicationContract('SQLite', sqliteFactory);
