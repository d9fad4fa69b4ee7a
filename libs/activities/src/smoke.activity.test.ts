import { MockActivityEnvironment } from '@temporalio/testing';
import { ApplicationFailure } from '@temporalio/common';
import { describe, expect, it } from 'vitest';
import type { JsonProducer } from '@jira-sync/events';
import { createActivities } from './create-activities.js';

function recordingPublisher() {
  const sent: Array<{ topic: string; key: string; value: unknown }> = [];
  const publisher: JsonProducer = {
    publish: async (topic, key, value) => {
      sent.push({ topic, key, value });
      return { topic, partition: 0, offset: String(sent.length - 1) };
    },
    disconnect: async () => undefined,
  };
  return { sent, publisher };
}

describe('publishSmokeEvent', () => {
  it('publishes the event keyed by run id with a timestamp and returns where it landed', async () => {
    const { sent, publisher } = recordingPublisher();
    const activities = createActivities({ publisher, now: () => new Date('2026-11-28T10:00:00Z') });
    const result = await new MockActivityEnvironment().run(activities.publishSmokeEvent, { runId: 'r1', message: 'hi' });
    expect(result).toEqual({ runId: 'r1', topic: 'jira-sync.smoke.v1', partition: 0, offset: '0' });
    expect(sent).toEqual([
      { topic: 'jira-sync.smoke.v1', key: 'r1', value: { runId: 'r1', message: 'hi', publishedAt: '2026-11-28T10:00:00.000Z' } },
    ]);
  });

  it('fails without retry on invalid input and publishes nothing', async () => {
    const { sent, publisher } = recordingPublisher();
    const activities = createActivities({ publisher, now: () => new Date() });
    const run = new MockActivityEnvironment().run(activities.publishSmokeEvent, { runId: '', message: 'hi' });
    await expect(run).rejects.toBeInstanceOf(ApplicationFailure);
    await expect(run).rejects.toMatchObject({ nonRetryable: true, type: 'InvalidInput' });
    expect(sent).toEqual([]);
  });
});
