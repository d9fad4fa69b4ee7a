import type { AdfDoc, AdfNode } from './adf-types.js';

/** Every node of a document (the doc itself included), depth first. */
export function allNodes(doc: AdfDoc | AdfNode): AdfNode[] {
  const root = doc as AdfNode;
  return [root, ...(root.content ?? []).flatMap(allNodes)];
}

/** The distinct node and mark type names used in a document, sorted. */
export function usedTypes(doc: AdfDoc): { nodes: string[]; marks: string[] } {
  const nodes = allNodes(doc);
  return {
    nodes: [...new Set(nodes.map((node) => node.type))].sort(),
    marks: [...new Set(nodes.flatMap((node) => (node.marks ?? []).map((mark) => mark.type)))].sort(),
  };
}
