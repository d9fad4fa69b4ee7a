import { isRecord } from '../model/adf-node.js';
import type { AdfMediaRef, ResolveMedia, ResolvedMedia } from '../types.js';
import { describeThrown, type WarningLog } from './warnings.js';

const IMAGE_EXTENSIONS = /\.(png|jpe?g|gif|webp|svg|bmp|avif|heic|tiff?)$/i;

/** Calls the caller's media lookup once per id, tolerating lookups that throw or return junk. */
export class MediaResolver {
  readonly #cache = new Map<string, ResolvedMedia | undefined>();

  constructor(
    private readonly lookup: ResolveMedia | undefined,
    private readonly warnings: WarningLog,
  ) {}

  /** Resolves a media reference; undefined when there is no lookup or it does not know the id. */
  resolve(ref: AdfMediaRef, path: string): ResolvedMedia | undefined {
    if (this.lookup === undefined) return undefined;
    if (this.#cache.has(ref.id)) return this.#cache.get(ref.id);
    const resolved = this.#call(ref, path);
    this.#cache.set(ref.id, resolved);
    return resolved;
  }

  #call(ref: AdfMediaRef, path: string): ResolvedMedia | undefined {
    let value: unknown;
    try {
      value = this.lookup?.(ref);
    } catch (error) {
      this.warnings.add(path, `media ${ref.id}: the media lookup threw (${describeThrown(error)})`);
      return undefined;
    }
    if (value === undefined || value === null) {
      this.warnings.add(path, `media ${ref.id}: not found among the issue's attachments`);
      return undefined;
    }
    if (!isRecord(value) || typeof value.filename !== 'string') {
      this.warnings.add(path, `media ${ref.id}: the media lookup returned no filename`);
      return undefined;
    }
    return {
      filename: value.filename,
      url: typeof value.url === 'string' && value.url !== '' ? value.url : undefined,
      mimeType: typeof value.mimeType === 'string' ? value.mimeType : undefined,
      attachmentId: typeof value.attachmentId === 'string' ? value.attachmentId : undefined,
    };
  }
}

/** True when resolved media should render as an image rather than a link. */
export function isImageMedia(media: ResolvedMedia): boolean {
  if (media.mimeType !== undefined && media.mimeType !== '') return media.mimeType.toLowerCase().startsWith('image/');
  return IMAGE_EXTENSIONS.test(media.filename);
}
