import { randomBytes } from 'node:crypto';
import { defaultPayloadConverter } from '@temporalio/common';
import { describe, expect, it } from 'vitest';
import { EncryptionCodec } from './encryption-codec.js';
import { parseKeyRing } from './key-ring.js';

const keyA = randomBytes(32);
const keyB = randomBytes(32);
const secret = { apiToken: 'ATATT3xFfGF0-super-secret', email: 'bot@example.com' };

describe('EncryptionCodec', () => {
  it('round-trips a payload and never leaves the secret readable in the encoded bytes', async () => {
    const codec = new EncryptionCodec({ currentKeyId: 'a', keys: new Map([['a', keyA]]) });
    const payload = defaultPayloadConverter.toPayload(secret);
    const [sealed] = await codec.encode([payload]);
    expect(Buffer.from(sealed!.data!).toString('latin1')).not.toContain('super-secret');
    const [opened] = await codec.decode([sealed!]);
    expect(defaultPayloadConverter.fromPayload(opened!)).toEqual(secret);
  });

  it('opens payloads sealed with an older key after rotation', async () => {
    const before = new EncryptionCodec({ currentKeyId: 'a', keys: new Map([['a', keyA]]) });
    const after = new EncryptionCodec({ currentKeyId: 'b', keys: new Map([['b', keyB], ['a', keyA]]) });
    const sealed = await before.encode([defaultPayloadConverter.toPayload('old')]);
    const [opened] = await after.decode(sealed);
    expect(defaultPayloadConverter.fromPayload(opened!)).toBe('old');
  });

  it('refuses tampered data instead of returning garbage', async () => {
    const codec = new EncryptionCodec({ currentKeyId: 'a', keys: new Map([['a', keyA]]) });
    const [sealed] = await codec.encode([defaultPayloadConverter.toPayload('x')]);
    const data = Buffer.from(sealed!.data!);
    data[20] = data[20]! ^ 0xff;
    await expect(codec.decode([{ ...sealed!, data }])).rejects.toThrow('failed authentication');
  });

  it('names the missing key id when a payload was sealed with a key it does not have', async () => {
    const sealed = await new EncryptionCodec({ currentKeyId: 'a', keys: new Map([['a', keyA]]) }).encode([defaultPayloadConverter.toPayload(1)]);
    const other = new EncryptionCodec({ currentKeyId: 'b', keys: new Map([['b', keyB]]) });
    await expect(other.decode(sealed)).rejects.toThrow("no encryption key with id 'a'");
  });

  it('refuses payloads that were never encrypted unless development asks to accept them', async () => {
    const plain = defaultPayloadConverter.toPayload('plain');
    const strict = new EncryptionCodec({ currentKeyId: 'a', keys: new Map([['a', keyA]]) });
    await expect(strict.decode([plain])).rejects.toThrow('refusing a payload that is not encrypted');
    const development = new EncryptionCodec({ currentKeyId: 'a', keys: new Map([['a', keyA]]), acceptUnencrypted: true });
    expect(await development.decode([plain])).toEqual([plain]);
  });
});

describe('parseKeyRing', () => {
  it('takes the first entry as the current key', () => {
    const ring = parseKeyRing(`k2:${keyB.toString('base64')}, k1:${keyA.toString('base64')}`);
    expect(ring.currentKeyId).toBe('k2');
    expect([...ring.keys.keys()]).toEqual(['k2', 'k1']);
  });

  it('explains the expected format without echoing the bad key', () => {
    expect(() => parseKeyRing('k1:c2hvcnQ=')).toThrow('entry 1 of the encryption key ring must be "keyId:<32 bytes in base64>"');
    expect(() => parseKeyRing('k1:c2hvcnQ=')).not.toThrow('c2hvcnQ=');
  });
});
