/** Attachment bytes generated on demand from the attachment id (nothing is stored on disk). */
import type { Attachment } from '../model/types.js';
import { createSimRng, deriveSeed } from '../util/rng.js';

const HEADERS: Record<string, Buffer> = {
  'image/png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  'image/jpeg': Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
  'application/pdf': Buffer.from('%PDF-1.4\n', 'latin1'),
};

/** The full content of an attachment, `attachment.size` bytes long. */
export function attachmentBytes(attachment: Attachment): Buffer {
  const out = Buffer.alloc(attachment.size);
  const rng = createSimRng(deriveSeed(Number(attachment.id), attachment.mediaId));
  const header = HEADERS[attachment.mimeType];
  let offset = 0;
  if (header) offset = header.copy(out, 0, 0, Math.min(header.length, out.length));
  const textual = attachment.mimeType.startsWith('text/');
  for (; offset < out.length; offset += 1) {
    if (textual) out[offset] = offset % 64 === 63 ? 0x0a : 0x61 + rng.int(26);
    else out[offset] = rng.int(256);
  }
  return out;
}
