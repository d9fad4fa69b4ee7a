import type { BlockContent, PhrasingContent } from 'mdast';
import type { AdfNode } from '../model/adf-node.js';
import type { FillBudget } from '../handlers/table-grid.js';
import type { MediaResolver } from './media-resolver.js';

/** Where a node sits: its JSON pointer and its nesting depth (children of `doc` have depth 1). */
export interface NodeAt {
  path: string;
  depth: number;
}

/** Where an inline node sits, plus whether it carries the `code` mark. */
export interface InlineAt extends NodeAt {
  code: boolean;
}

/** What handlers may use: warnings, media lookup and conversion of their children. */
export interface ConvertContext {
  readonly media: MediaResolver;
  /** Empty table cells (span slots, row padding) the rest of this document may still add. */
  readonly tableFill: FillBudget;
  warn(path: string, message: string): void;
  /** Converts `parent.content` as block content. */
  blocks(parent: AdfNode, at: NodeAt): BlockContent[];
  /** Converts one child value (at `path`, `depth`) as block content. */
  blockAt(value: unknown, at: NodeAt): BlockContent[];
  /** Converts `parent.content` as phrasing content, applying marks. */
  inlines(parent: AdfNode, at: NodeAt): PhrasingContent[];
  /** Plain text of ADF values, for content that must degrade to text. */
  plainText(values: readonly unknown[]): string;
}

export type BlockHandler = (node: AdfNode, ctx: ConvertContext, at: NodeAt) => BlockContent[];
export type InlineHandler = (node: AdfNode, ctx: ConvertContext, at: InlineAt) => PhrasingContent[];
