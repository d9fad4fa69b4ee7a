import { Writable } from 'node:stream';
import { Secret } from '@jira-sync/contracts';
import { describe, expect, it } from 'vitest';
import { createLogger } from './create-logger.js';

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  return { lines, destination, text: () => lines.join('') };
}

describe('createLogger', () => {
  it('redacts credentials wherever a caller nests them', () => {
    const { destination, text } = capture();
    const logger = createLogger({ name: 'test', destination });
    logger.info(
      { connector: { auth: { apiToken: 'ATATT-secret', email: 'a@example.com' } }, tokens: { refresh_token: 'rt-secret' }, req: { headers: { authorization: 'Basic xyz' } } },
      'configured',
    );
    const line = text();
    expect(line).not.toContain('ATATT-secret');
    expect(line).not.toContain('rt-secret');
    expect(line).not.toContain('Basic xyz');
    expect(line).toContain('a@example.com');
    expect(JSON.parse(line)).toMatchObject({ service: 'test', msg: 'configured' });
  });

  it('matches header and field names in any case, deeper than three levels', () => {
    const { destination, text } = capture();
    const logger = createLogger({ name: 'test', destination });
    logger.info({
      a: { b: { c: { d: { e: { request: { headers: { Authorization: 'Bearer deep-secret', 'X-Api-Key': 'key-secret', Cookie: 'sid=cookie-secret' } } } } } } },
      tenants: [{ connector: { config: { auth: { API_TOKEN: 'upper-secret', Client_Secret: 'cs-secret' } } } }],
    });
    const line = text();
    for (const secret of ['deep-secret', 'key-secret', 'cookie-secret', 'upper-secret', 'cs-secret']) expect(line).not.toContain(secret);
    expect(JSON.parse(line).a.b.c.d.e.request.headers.Authorization).toBe('[redacted]');
  });

  it('never writes a Secret, the key ring variable, or the credentials in a connection string', () => {
    const { destination, text } = capture();
    const logger = createLogger({ name: 'test', destination }).child({ store: 'mongodb://bindinguser:binding-pw@db:27017' });
    logger.info(
      {
        deep: { er: { than: { three: { levels: { token: new Secret('typed-secret') } } } } },
        env: { JIRA_SYNC_ENCRYPTION_KEYS: 'k1:ring-secret', MONGODB_URI: 'mongodb://svc:uri-pw@db1,db2/jira?authSource=admin' },
        url: new URL('https://bob:url-pw@example.com/x'),
      },
      'connecting to mongodb://msguser:msg-pw@db:27017',
    );
    logger.error({ err: new Error('cannot reach amqp://erruser:err-pw@mq:5672') }, 'failed');
    const out = text();
    for (const secret of ['typed-secret', 'ring-secret', 'uri-pw', 'svc:', 'url-pw', 'msg-pw', 'binding-pw', 'err-pw']) expect(out).not.toContain(secret);
    expect(out).toContain('mongodb://[redacted]@db1,db2/jira?authSource=admin');
    expect(out).toContain('connecting to mongodb://[redacted]@db:27017');
  });
});
