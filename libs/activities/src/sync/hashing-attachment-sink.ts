import { createHash } from 'node:crypto';
import type { TAttachmentSink } from './sync-context.js';

/** An attachment sink that keeps no bytes: what a test or a benchmark checks against (digest and size per id). */
export interface THashingAttachmentSink extends TAttachmentSink {
  /** Attachment id -> SHA-256 (hex) and size of what was streamed. */
  readonly stored: ReadonlyMap<string, { sha256: string; bytes: number }>;
  /** Bytes streamed through the sink so far. */
  readonly totalBytes: number;
}

/** Streams each attachment through SHA-256 and drops the bytes; reports them stored under `gridFsId` (the id by default). */
export function createHashingAttachmentSink(options: { gridFsId?: (attachmentId: string) => string } = {}): THashingAttachmentSink {
  const stored = new Map<string, { sha256: string; bytes: number }>();
  let totalBytes = 0;
  return {
    stored,
    get totalBytes() {
      return totalBytes;
    },
    async put(_scope, attachmentId, source) {
      const hash = createHash('sha256');
      let bytes = 0;
      for await (const chunk of source) {
        hash.update(chunk);
        bytes += chunk.byteLength;
      }
      const sha256 = hash.digest('hex');
      stored.set(attachmentId, { sha256, bytes });
      totalBytes += bytes;
      return { state: 'stored', gridFsId: options.gridFsId?.(attachmentId) ?? attachmentId, sha256, bytes };
    },
  };
}
