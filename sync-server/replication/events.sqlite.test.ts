import { sqliteFactory } from '../../test/relay.ts';
import { learnerEventsContract } from './events.contract.ts';

learnerEventsContract('SQLite', sqliteFactory);
