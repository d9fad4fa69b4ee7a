/** An ADF mark: `{ type, attrs? }`. */
export interface AdfMark {
  readonly type: string;
  readonly attrs?: Readonly<Record<string, unknown>>;
}

/** An ADF node; the schema forbids any other property (additionalProperties: false). */
export interface AdfNode {
  readonly type: string;
  readonly attrs?: Readonly<Record<string, unknown>>;
  readonly content?: readonly AdfNode[];
  readonly marks?: readonly AdfMark[];
  readonly text?: string;
}

/** The root of an ADF document. */
export interface AdfDoc {
  readonly version: 1;
  readonly type: 'doc';
  readonly content: readonly AdfNode[];
}

/** A Media Services file to embed (the `media` node's id and collection). */
export interface AdfMediaFile {
  readonly id: string;
  readonly collection: string;
  readonly alt?: string;
}

/** An account to @-mention. */
export interface AdfMention {
  readonly accountId: string;
  readonly displayName: string;
}
