import { proxyActivities } from '@temporalio/workflow';

/** A workflow for the data converter's integration test: it calls one activity, which fails, and fails with it. */
export async function failingActivityWorkflow(): Promise<void> {
  const { failWithSecret } = proxyActivities<{ failWithSecret(): Promise<void> }>({
    startToCloseTimeout: '10s',
    retry: { maximumAttempts: 1 },
  });
  await failWithSecret();
}
