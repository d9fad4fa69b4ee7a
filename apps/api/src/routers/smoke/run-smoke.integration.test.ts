import { randomUUID } from 'node:crypto';
import { createLogger } from '@jira-sync/logging';
import { connectStore, SmokeEventRepository, type StoreConnection } from '@jira-sync/store';
import { createTemporalClient } from '@jira-sync/temporal';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiContext } from '../../context.js';
import { loadApiEnv } from '../../env.js';
import { appRouter } from '../_app.js';
import { createCallerFactory } from '../../trpc.js';

let store: StoreConnection;
let temporal: Awaited<ReturnType<typeof createTemporalClient>>;
let context: ApiContext;

beforeAll(async () => {
  const env = loadApiEnv({ NODE_ENV: 'development' });
  temporal = await createTemporalClient({ address: env.TEMPORAL_ADDRESS, namespace: 'default', encryption: env.encryption });
  store = await connectStore({ uri: env.MONGODB_URI, dbName: `test_api_${randomUUID().slice(0, 8)}` });
  context = {
    temporal: temporal.client,
    db: store.db,
    smokeEvents: new SmokeEventRepository(store.db),
    logger: createLogger({ name: 'api-test', level: 'error' }),
    taskQueue: `test-api-${randomUUID()}`,
    temporalUiUrl: env.TEMPORAL_UI_URL,
    namespace: 'default',
  };
});

afterAll(async () => {
  await store.db.dropDatabase();
  await Promise.all([store.close(), temporal.close()]);
});

describe('the api on a real context', () => {
  it('reports Temporal and MongoDB reachable', async () => {
    const caller = createCallerFactory(appRouter)(context);
    expect(await caller.health.check()).toEqual({ temporal: 'ok', mongodb: 'ok' });
  });

  it('rejects an empty smoke message as BAD_REQUEST with the field named, before starting any workflow', async () => {
    const caller = createCallerFactory(appRouter)(context);
    const failure = caller.smoke.run({ message: '   ' });
    await expect(failure).rejects.toBeInstanceOf(TRPCError);
    await expect(failure).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('message must not be empty') });
  });
});
