import type { WarningLog } from '../convert/warnings.js';
import { readNode, type AdfNode } from './adf-node.js';

/**
 * Reads the value given as a document: a `doc` node as is; JSON text is parsed; a bare node or an array
 * of nodes is wrapped in a doc (with a warning); plain text becomes one paragraph. Null means empty.
 */
export function readDocumentRoot(doc: unknown, log: WarningLog): AdfNode | undefined {
  if (doc === null || doc === undefined) return undefined;
  if (typeof doc === 'string') return readString(doc, log);
  if (Array.isArray(doc)) {
    log.add('', 'expected a doc node, got an array; treated as its content');
    return readNode({ type: 'doc', content: doc });
  }
  const node = readNode(doc);
  if (node === undefined) {
    log.add('', `expected a doc node, got ${typeof doc}; ignored`);
    return undefined;
  }
  if (node.type === 'doc') return node;
  log.add('', `expected a doc node, got "${node.type}"; treated as the document's only node`);
  return readNode({ type: 'doc', content: [doc] });
}

function readString(doc: string, log: WarningLog): AdfNode | undefined {
  if (doc.trim() === '') return undefined;
  if (/^\s*[{[]/.test(doc)) {
    try {
      return readDocumentRoot(JSON.parse(doc) as unknown, log);
    } catch {
      log.add('', 'document is a string that is not valid JSON; treated as plain text');
    }
  } else {
    log.add('', 'document is plain text, not ADF; treated as one paragraph');
  }
  return readNode({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: doc }] }] });
}
