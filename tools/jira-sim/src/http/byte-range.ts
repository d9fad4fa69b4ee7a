/** Serves bytes honouring a single `Range: bytes=` header (206, 416 unsatisfiable, 400 malformed). */
import type { SimReply } from './route-types.js';

export function rangeReply(bytes: Buffer, range: string | undefined, contentType: string, extra: Record<string, string> = {}): SimReply {
  const headers = { 'accept-ranges': 'bytes', ...extra };
  if (!range) return { status: 200, raw: bytes, contentType, headers };
  const match = /^bytes=(\d*)-(\d*)$/.exec(range.trim().split(',')[0] ?? '');
  if (!match || (match[1] === '' && match[2] === '')) return { status: 400, body: { errorMessages: [`The Range header '${range}' is malformed.`], errors: {} } };
  const size = bytes.length;
  let start: number;
  let end: number;
  if (match[1] === '') {
    start = Math.max(0, size - Number(match[2]));
    end = size - 1;
  } else {
    start = Number(match[1]);
    end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  }
  if (start >= size || start > end) return { status: 416, raw: '', contentType, headers: { ...headers, 'content-range': `bytes */${size}` } };
  return { status: 206, raw: bytes.subarray(start, end + 1), contentType, headers: { ...headers, 'content-range': `bytes ${start}-${end}/${size}` } };
}
