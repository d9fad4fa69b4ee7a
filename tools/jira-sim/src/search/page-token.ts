/** Opaque nextPageToken: the query fingerprint and the offset of the next page. Malformed tokens are a 400. */
import { createHash } from 'node:crypto';
import { HttpError } from '../http/http-error.js';

export function fingerprint(parts: unknown): string {
  return createHash('sha1').update(JSON.stringify(parts)).digest('base64url').slice(0, 10);
}

export function encodePageToken(queryFingerprint: string, offset: number): string {
  return Buffer.from(`${queryFingerprint}:${offset}`, 'utf8').toString('base64url');
}

/** Decodes a token; absent/empty/null means the first page. */
export function decodePageToken(token: unknown, queryFingerprint: string): number {
  if (token === undefined || token === null || token === '') return 0;
  const text = typeof token === 'string' ? Buffer.from(token, 'base64url').toString('utf8') : '';
  const match = /^([A-Za-z0-9_-]{10}):(\d+)$/.exec(text);
  if (!match || match[1] !== queryFingerprint) {
    throw HttpError.jira(400, `The provided next page token is invalid or expired: '${String(token)}'. Start the search again without a token.`);
  }
  return Number(match[2]);
}
