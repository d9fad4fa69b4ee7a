import type { PhrasingContent } from 'mdast';
import { keepEmphasisFlanking } from './flanking.js';
import type { MarkSpec } from './read-marks.js';
import { appendAll } from '../model/append-all.js';

/** Phrasing converted from one ADF inline node, with the marks that node carries. */
export interface MarkedRun {
  nodes: PhrasingContent[];
  specs: MarkSpec[];
}

/**
 * Wraps runs in their marks so that neighbours sharing a mark share one wrapper (`**a b**`, not
 * `**a****b**`). Specs are sorted outermost first; recursion depth is bounded by the number of mark kinds.
 */
export function applyMarks(runs: readonly MarkedRun[], level = 0): PhrasingContent[] {
  const result: PhrasingContent[] = [];
  let start = 0;
  while (start < runs.length) {
    const spec = runs[start]!.specs[level];
    if (spec === undefined) {
      appendAll(result, runs[start]!.nodes);
      start += 1;
      continue;
    }
    let end = start + 1;
    while (end < runs.length && runs[end]!.specs[level]?.key === spec.key) end += 1;
    appendAll(result, spec.wrap(applyMarks(runs.slice(start, end), level + 1)));
    start = end;
  }
  return keepEmphasisFlanking(mergeNeighbours(result));
}

/**
 * Joins neighbouring inline code (code text split by a dropped mark such as an annotation): two code
 * spans written back to back (`` `a``b` ``) would read as one span containing backticks. Neighbouring
 * text is joined too, which halves the serializer's escaping work on typical documents.
 */
function mergeNeighbours(nodes: PhrasingContent[]): PhrasingContent[] {
  const merged: PhrasingContent[] = [];
  for (const node of nodes) {
    const previous = merged.at(-1);
    if (node.type === 'text' && previous?.type === 'text') {
      merged[merged.length - 1] = { type: 'text', value: previous.value + node.value };
    } else if (node.type === 'inlineCode' && previous?.type === 'inlineCode') {
      // Status lozenges stay separate tags; code text split by a mark is one span again.
      if (previous.data?.adfStatus === true || node.data?.adfStatus === true) merged.push({ type: 'text', value: ' ' }, node);
      else merged[merged.length - 1] = { type: 'inlineCode', value: previous.value + node.value };
    } else {
      merged.push(node);
    }
  }
  return merged;
}
