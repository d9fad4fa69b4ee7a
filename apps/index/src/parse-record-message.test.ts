import type { KafkaMessage } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { parseRecordMessage } from './parse-record-message.js';
import { userEvent } from './record-events.test-support.js';

const message = (value: Buffer | null): KafkaMessage => ({ key: Buffer.from('k'), value, offset: '7', timestamp: '0', attributes: 0, headers: {} });

describe('parseRecordMessage', () => {
  it('returns a valid record event as parsed by the schema', () => {
    const { event } = userEvent('u1', 1_000, 'Ada');
    expect(parseRecordMessage(message(Buffer.from(JSON.stringify(event))))).toMatchObject({ ok: true, event: { subject: 'u1', type: event.type } });
  });

  it('says a value is not JSON instead of throwing', () => {
    expect(parseRecordMessage(message(Buffer.from('{"a":')))).toMatchObject({ ok: false, error: expect.stringContaining('not JSON') });
  });

  it('names the failing field of an event that breaks the schema', () => {
    const { event } = userEvent('u1', 1_000, 'Ada');
    const broken = { ...event, data: { ...event.data, revision: 'later' } };
    expect(parseRecordMessage(message(Buffer.from(JSON.stringify(broken))))).toMatchObject({ ok: false, error: expect.stringContaining('data.revision') });
  });

  it('refuses a message without a value', () => {
    expect(parseRecordMessage(message(null))).toMatchObject({ ok: false, error: expect.stringContaining('no value') });
  });
});
