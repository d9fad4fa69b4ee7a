/**
 * ADF -> Markdown throughput and nesting limits. Prints ratios against baselines measured in the same
 * run (JSON round trip and plain-text extraction of the same documents); asserts nothing.
 *
 *   npx tsx --conditions=jira-sync-source tools/bench/src/adf/adf.bench.ts
 */
import { performance } from 'node:perf_hooks';
import { toMarkdown } from 'mdast-util-to-markdown';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { adfToMarkdown, adfToMdast, MAX_DEPTH_LIMIT } from '@jira-sync/adf';
import { buildCorpus, buildNested } from './corpus.js';

const MEGABYTE = 1024 * 1024;

/** Runs `work` over the corpus until at least `minMs` have passed; returns MB/s. */
function throughput(documents: readonly unknown[], bytes: number, work: (doc: unknown) => unknown, minMs = 1500): number {
  for (const doc of documents) work(doc);
  let rounds = 0;
  const start = performance.now();
  while (performance.now() - start < minMs) {
    for (const doc of documents) work(doc);
    rounds += 1;
  }
  const seconds = (performance.now() - start) / 1000;
  return (bytes * rounds) / MEGABYTE / seconds;
}

/** The deepest document of each shape that converts without failing, trying depths by tenfold steps. */
function deepestConverted(shape: 'blockquote' | 'bulletList', maxDepth: number): number {
  let deepest = 0;
  for (const depth of [10, 100, 1_000, 10_000, 100_000, 1_000_000]) {
    const result = adfToMarkdown(buildNested(depth, shape), { maxDepth });
    if (result.warnings.some((warning) => /failed/.test(warning.message)) || !result.markdown.includes('bottom')) break;
    deepest = depth;
  }
  return deepest;
}

const documents = buildCorpus(400);
const bytes = documents.reduce<number>((sum, doc) => sum + JSON.stringify(doc).length, 0);
console.log(`corpus: ${documents.length} issue-like documents, ${(bytes / MEGABYTE).toFixed(2)} MB of ADF JSON`);

const convert = throughput(documents, bytes, (doc) => adfToMarkdown(doc));
const jsonRoundTrip = throughput(documents, bytes, (doc) => JSON.parse(JSON.stringify(doc)));
console.log(`adfToMarkdown:            ${convert.toFixed(1)} MB/s`);
console.log(`baseline JSON round trip: ${jsonRoundTrip.toFixed(1)} MB/s  (adfToMarkdown runs at ${(convert / jsonRoundTrip).toFixed(3)}x)`);
const trees = documents.map((doc) => adfToMdast(doc).tree);
const gfm = gfmToMarkdown();
let next = 0;
const serializeOnly = throughput(trees, bytes, () => toMarkdown(trees[next++ % trees.length]!, { extensions: [gfm] }));
console.log(`mdast-util-to-markdown alone on the same trees: ${serializeOnly.toFixed(1)} MB/s of source ADF  (adfToMarkdown runs at ${(convert / serializeOnly).toFixed(2)}x of it)`);

const huge = buildCorpus(2_000);
const hugeDoc = { type: 'doc', version: 1, content: huge.flatMap((doc) => (doc as { content: unknown[] }).content) };
const hugeBytes = JSON.stringify(hugeDoc).length;
const hugeStart = performance.now();
const hugeResult = adfToMarkdown(hugeDoc);
const hugeSeconds = (performance.now() - hugeStart) / 1000;
console.log(`one ${(hugeBytes / MEGABYTE).toFixed(1)} MB document: ${hugeSeconds.toFixed(2)} s, ${(hugeBytes / MEGABYTE / hugeSeconds).toFixed(1)} MB/s, ${hugeResult.warnings.length} warnings`);

for (const shape of ['blockquote', 'bulletList'] as const) {
  const structured = deepestConverted(shape, MAX_DEPTH_LIMIT);
  console.log(`nested ${shape}: converted up to ${structured.toLocaleString('en')} levels (structure kept to depth ${MAX_DEPTH_LIMIT}, deeper as text)`);
}
