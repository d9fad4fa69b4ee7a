import { createHash } from 'node:crypto';
import { once } from 'node:events';
import type { Readable } from 'node:stream';
import type { TAttachmentContent } from '@jira-sync/contracts';
import { GridFSBucket, ObjectId, type Db, type GridFSBucketReadStream } from 'mongodb';

export interface AttachmentScope {
  tenantId: string;
  connectorId: string;
}

export interface PutOptions {
  /** Bytes past this abort the upload: the partial file is removed and the content is recorded as skipped. */
  maxBytes: number;
}

/** Attachment bytes in the GridFS bucket `attachment_content`, streamed in and out, never held whole in memory. */
export class AttachmentContentStore {
  static readonly bucketName = 'attachment_content';
  private readonly bucket: GridFSBucket;

  constructor(db: Db) {
    this.bucket = new GridFSBucket(db, { bucketName: AttachmentContentStore.bucketName });
  }

  /** Streams the source into GridFS with its sha256; on success the attachment's previous file is removed. */
  async put(scope: AttachmentScope, attachmentId: string, source: AsyncIterable<Uint8Array> | NodeJS.ReadableStream, options: PutOptions): Promise<TAttachmentContent> {
    const metadata = { tenantId: scope.tenantId, connectorId: scope.connectorId, attachmentId };
    const upload = this.bucket.openUploadStream(`${scope.tenantId}/${scope.connectorId}/${attachmentId}`, { metadata });
    const hash = createHash('sha256');
    let bytes = 0;
    try {
      for await (const chunk of source as AsyncIterable<Uint8Array | string>) {
        const data = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
        bytes += data.byteLength;
        if (bytes > options.maxBytes) {
          await upload.abort();
          (source as Partial<Readable>).destroy?.();
          return { state: 'skipped', reason: `larger than the ${options.maxBytes}-byte limit for attachment content` };
        }
        hash.update(data);
        if (!upload.write(data)) await once(upload, 'drain');
      }
      const finished = once(upload, 'finish');
      upload.end();
      await finished;
    } catch (error) {
      await upload.abort().catch(() => undefined);
      throw error;
    }
    const gridFsId = upload.id.toHexString();
    await this.deleteOthers(metadata, upload.id);
    return { state: 'stored', gridFsId, sha256: hash.digest('hex'), bytes };
  }

  /** A stream of the stored bytes; it errors if the file does not exist. */
  open(gridFsId: string): GridFSBucketReadStream {
    return this.bucket.openDownloadStream(new ObjectId(gridFsId));
  }

  /** Removes the file and its chunks; false when there was none. */
  async delete(gridFsId: string): Promise<boolean> {
    const id = new ObjectId(gridFsId);
    const found = await this.bucket.find({ _id: id }).hasNext();
    if (!found) return false;
    await this.bucket.delete(id);
    return true;
  }

  private async deleteOthers(metadata: Record<string, string>, keep: ObjectId): Promise<void> {
    const previous = await this.bucket
      .find({ 'metadata.tenantId': metadata['tenantId'], 'metadata.connectorId': metadata['connectorId'], 'metadata.attachmentId': metadata['attachmentId'] })
      .toArray();
    for (const file of previous) if (!file._id.equals(keep)) await this.bucket.delete(file._id);
  }
}
