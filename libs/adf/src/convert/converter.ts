import type { BlockContent, PhrasingContent } from 'mdast';
import { childPath, readNode, type AdfNode } from '../model/adf-node.js';
import { extractDocument } from '../extract/extract-document.js';
import { BLOCK_HANDLERS, INLINE_HANDLERS } from '../handlers/registry.js';
import { FillBudget } from '../handlers/table-grid.js';
import { convertUnknownBlock, convertUnknownInline } from '../handlers/unknown.handler.js';
import { applyMarks, type MarkedRun } from '../marks/apply-marks.js';
import { readMarks } from '../marks/read-marks.js';
import type { ConvertContext, InlineAt, NodeAt } from './handler-types.js';
import { trimBreaks } from './trim-breaks.js';
import type { MediaResolver } from './media-resolver.js';
import type { WarningLog } from './warnings.js';
import { appendAll } from '../model/append-all.js';

interface PlacedValue {
  value: unknown;
  path: string;
}

function contentPath(path: string, index: number): string {
  return childPath(childPath(path, 'content'), index);
}

/**
 * The recursive ADF -> mdast conversion. Recursion is bounded by `maxDepth`: deeper content becomes a
 * paragraph of its plain text (collected without recursion) and a warning. Cycles are cut the same way.
 */
export class Converter implements ConvertContext {
  readonly #ancestors = new Set<object>();
  readonly tableFill = new FillBudget();

  constructor(
    readonly media: MediaResolver,
    private readonly log: WarningLog,
    private readonly maxDepth: number,
  ) {}

  warn(path: string, message: string): void {
    this.log.add(path, message);
  }

  plainText(values: readonly unknown[]): string {
    return extractDocument(values, this.media).text;
  }

  blocks(parent: AdfNode, at: NodeAt): BlockContent[] {
    const result: BlockContent[] = [];
    let inlineRun: PlacedValue[] = [];
    const flushInlineRun = (): void => {
      if (inlineRun.length > 0) appendAll(result, this.#paragraphOf(inlineRun, at.depth + 1));
      inlineRun = [];
    };
    parent.content.forEach((value, index) => {
      const path = contentPath(at.path, index);
      if (INLINE_HANDLERS.has(readNode(value)?.type ?? '')) return void inlineRun.push({ value, path });
      flushInlineRun();
      appendAll(result, this.blockAt(value, { path, depth: at.depth + 1 }));
    });
    flushInlineRun();
    return result;
  }

  blockAt(value: unknown, at: NodeAt): BlockContent[] {
    const node = readNode(value);
    if (node === undefined) {
      this.warn(at.path, 'node is not an object; ignored');
      return [];
    }
    if (INLINE_HANDLERS.has(node.type)) return this.#paragraphOf([{ value, path: at.path }], at.depth);
    if (at.depth > this.maxDepth || this.#ancestors.has(node.source)) return this.#degrade(node, at);
    const handler = BLOCK_HANDLERS.get(node.type);
    this.#ancestors.add(node.source);
    try {
      return handler === undefined ? convertUnknownBlock(node, this, at) : handler(node, this, at);
    } finally {
      this.#ancestors.delete(node.source);
    }
  }

  inlines(parent: AdfNode, at: NodeAt): PhrasingContent[] {
    const items = parent.content.map((value, index) => ({ value, path: contentPath(at.path, index) }));
    return this.#phrasing(items, at.depth + 1);
  }

  #phrasing(items: readonly PlacedValue[], depth: number): PhrasingContent[] {
    const runs: MarkedRun[] = [];
    for (const { value, path } of items) {
      const node = readNode(value);
      if (node === undefined) {
        this.warn(path, 'node is not an object; ignored');
        continue;
      }
      const { specs, code } = readMarks(node.type === 'hardBreak' ? [] : node.marks, path, (p, m) => this.warn(p, m));
      runs.push({ nodes: this.#inlineAt(node, { path, depth, code }), specs });
    }
    return applyMarks(runs);
  }

  #inlineAt(node: AdfNode, at: InlineAt): PhrasingContent[] {
    // Inline children of a block at maxDepth are still rendered; only nested inline nodes degrade.
    if (at.depth > this.maxDepth + 1 || this.#ancestors.has(node.source)) return this.#degradeInline(node, at);
    const handler = INLINE_HANDLERS.get(node.type);
    if (handler === undefined && BLOCK_HANDLERS.has(node.type)) {
      this.warn(at.path, `block node "${node.type}" inside inline content; rendered as its text`);
      return this.#degradeInline(node, at, false);
    }
    this.#ancestors.add(node.source);
    try {
      return handler === undefined ? convertUnknownInline(node, this, at) : handler(node, this, at);
    } finally {
      this.#ancestors.delete(node.source);
    }
  }

  #paragraphOf(items: readonly PlacedValue[], depth: number): BlockContent[] {
    this.warn(items[0]?.path ?? '', 'inline content outside a paragraph; wrapped in one');
    const phrasing = trimBreaks(this.#phrasing(items, depth));
    return phrasing.length === 0 ? [] : [{ type: 'paragraph', children: phrasing }];
  }

  #degrade(node: AdfNode, at: NodeAt): BlockContent[] {
    const text = this.#degradedText(node, at);
    return text === '' ? [] : [{ type: 'paragraph', children: [{ type: 'text', value: text }] }];
  }

  #degradeInline(node: AdfNode, at: NodeAt, warn = true): PhrasingContent[] {
    const text = warn ? this.#degradedText(node, at) : this.plainText([node.source]);
    return text === '' ? [] : [{ type: 'text', value: text }];
  }

  #degradedText(node: AdfNode, at: NodeAt): string {
    const cyclic = this.#ancestors.has(node.source);
    this.warn(at.path, cyclic ? 'node contains itself; cycle cut' : `nesting deeper than ${this.maxDepth}; rendered as plain text`);
    return cyclic ? '' : this.plainText([node.source]);
  }
}
