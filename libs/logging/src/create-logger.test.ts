import { Writable } from 'node:stream';
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
  return { lines, destination };
}

describe('createLogger', () => {
  it('redacts credentials wherever a caller nests them', () => {
    const { lines, destination } = capture();
    const logger = createLogger({ name: 'test', destination });
    logger.info(
      { connector: { auth: { apiToken: 'ATATT-secret', email: 'a@example.com' } }, tokens: { refresh_token: 'rt-secret' }, req: { headers: { authorization: 'Basic xyz' } } },
      'configured',
    );
    const line = lines.join('');
    expect(line).not.toContain('ATATT-secret');
    expect(line).not.toContain('rt-secret');
    expect(line).not.toContain('Basic xyz');
    expect(line).toContain('a@example.com');
    expect(JSON.parse(line)).toMatchObject({ service: 'test', msg: 'configured' });
  });
});
