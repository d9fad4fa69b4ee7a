import { router } from '../../trpc.js';
import { getRecord } from './get-record.js';
import { listRecords } from './list-records.js';
import { listRecordsAsUser } from './list-records-as-user.js';

export const recordsRouter = router({ list: listRecords, get: getRecord, asUser: listRecordsAsUser });
