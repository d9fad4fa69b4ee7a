/**
 * ADF -> Markdown on the simulator's documents and on hostile worst cases. Prints figures and ratios against
 * a JSON round trip of the same documents measured in the same run; asserts nothing.
 *
 *   npm run bench -w @jira-sync/bench -- src/adf/worst-cases.bench.ts [--mb 10] [--preset small] [--pages 10] [--only name,name]
 *
 * Each worst case is one document of about `--mb` MB of ADF JSON, converted once in a fresh child process so
 * that its peak RSS is its own. CPU time is printed beside wall time: on a shared machine it is the steadier.
 */
import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { adfToMarkdown } from '@jira-sync/adf';
import { startSimulator } from '@jira-sync/jira-sim';
import type { PresetName } from '@jira-sync/jira-sim';
import { buildCorpus } from './corpus.js';
import { WORST_CASES, type WorstCase } from './worst-case-documents.js';

const MEGABYTE = 1024 * 1024;
const { values } = parseArgs({
  options: {
    mb: { type: 'string', default: '10' },
    preset: { type: 'string', default: 'small' },
    pages: { type: 'string', default: '10' },
    only: { type: 'string' },
    case: { type: 'string' },
  },
});

/** CPU milliseconds (user + system) of this process so far. */
function cpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

interface CaseResult {
  name: string;
  inputMb: number;
  outputMb: number;
  wallS: number;
  cpuS: number;
  jsonS: number;
  /** Whether the baseline is parse only: `JSON.stringify` overflows the stack on deep nesting. */
  jsonParseOnly: boolean;
  peakRssMb: number;
  warnings: number;
  failed: boolean;
}

/** CPU seconds of a JSON round trip of the text (parse only when `JSON.stringify` overflows on deep nesting). */
function jsonRoundTrip(json: string): { jsonS: number; jsonParseOnly: boolean } {
  const start = cpuMs();
  const parsed: unknown = JSON.parse(json);
  let jsonParseOnly = false;
  try {
    JSON.stringify(parsed);
  } catch {
    jsonParseOnly = true;
  }
  return { jsonS: (cpuMs() - start) / 1000, jsonParseOnly };
}

/** Child mode: build one worst case, convert it once, print one JSON line. */
function runCase(worst: WorstCase, megabytes: number): CaseResult {
  const json = worst.build(megabytes * MEGABYTE);
  const wallStart = performance.now();
  const cpuStart = cpuMs();
  // The document as the sync receives it: JSON text, parsed by the converter.
  const result = adfToMarkdown(json);
  const cpuS = (cpuMs() - cpuStart) / 1000;
  const wallS = (performance.now() - wallStart) / 1000;
  // Peak RSS is read before the baseline, whose parsed copy would count otherwise.
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  const { jsonS, jsonParseOnly } = jsonRoundTrip(json);
  return {
    name: worst.name,
    inputMb: json.length / MEGABYTE,
    outputMb: result.markdown.length / MEGABYTE,
    wallS,
    cpuS,
    jsonS,
    jsonParseOnly,
    peakRssMb,
    warnings: result.warnings.length,
    failed: result.warnings.some((warning) => /failed/.test(warning.message)),
  };
}

if (values.case !== undefined) {
  if (values.case === 'idle') {
    console.log(JSON.stringify({ peakRssMb: process.resourceUsage().maxRSS / 1024 }));
  } else {
    const worst = WORST_CASES.find((candidate) => candidate.name === values.case);
    if (worst === undefined) throw new Error(`unknown case ${values.case}`);
    console.log(JSON.stringify(runCase(worst, Number(values.mb))));
  }
  process.exit(0);
}

/** Runs `work` over the documents until at least `minMs` of wall time have passed; returns MB/s (wall and CPU). */
function throughput(documents: readonly unknown[], bytes: number, work: (doc: unknown) => unknown, minMs = 2_000): { wall: number; cpu: number } {
  for (const doc of documents) work(doc);
  let rounds = 0;
  const start = performance.now();
  const cpuStart = cpuMs();
  while (performance.now() - start < minMs) {
    for (const doc of documents) work(doc);
    rounds += 1;
  }
  const megabytes = (bytes * rounds) / MEGABYTE;
  return { wall: megabytes / ((performance.now() - start) / 1000), cpu: megabytes / ((cpuMs() - cpuStart) / 1000) };
}

/** Descriptions and comment bodies of the first `pages` pages of 100 issues, as the sync fetches them. */
async function simulatorDocuments(preset: PresetName, pages: number): Promise<unknown[]> {
  const sim = await startSimulator({ preset });
  try {
    const site = sim.sites[0]?.siteUrl ?? '';
    const { email, apiToken } = sim.credentials.admin;
    const headers = { authorization: `Basic ${Buffer.from(`${email}:${apiToken}`).toString('base64')}`, 'content-type': 'application/json' };
    const documents: unknown[] = [];
    let token: string | undefined;
    for (let page = 0; page < pages; page += 1) {
      const response = await fetch(`${site}/rest/api/3/search/jql`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ jql: 'created >= 0 ORDER BY key ASC', fields: ['description', 'comment'], maxResults: 100, ...(token ? { nextPageToken: token } : {}) }),
      });
      const body = (await response.json()) as { issues: Array<{ fields: { description?: unknown; comment?: { comments?: Array<{ body?: unknown }> } } }>; nextPageToken?: string };
      for (const issue of body.issues) {
        if (issue.fields.description) documents.push(issue.fields.description);
        for (const comment of issue.fields.comment?.comments ?? []) if (comment.body) documents.push(comment.body);
      }
      token = body.nextPageToken;
      if (token === undefined) break;
    }
    return documents;
  } finally {
    await sim.stop();
  }
}

function report(name: string, documents: readonly unknown[]): void {
  const bytes = documents.reduce<number>((sum, doc) => sum + JSON.stringify(doc).length, 0);
  const convert = throughput(documents, bytes, (doc) => adfToMarkdown(doc));
  const json = throughput(documents, bytes, (doc) => JSON.parse(JSON.stringify(doc)));
  console.log(
    `${name}: ${documents.length} documents, ${(bytes / MEGABYTE).toFixed(2)} MB of ADF JSON: ` +
      `adfToMarkdown ${convert.wall.toFixed(2)} MB/s wall, ${convert.cpu.toFixed(2)} MB/s CPU; ` +
      `JSON round trip ${json.wall.toFixed(1)} MB/s wall, ${json.cpu.toFixed(1)} MB/s CPU (adfToMarkdown at ${(convert.cpu / json.cpu).toFixed(3)}x of it, CPU)`,
  );
}

const megabytes = Number(values.mb);
const simulator = await simulatorDocuments(values.preset as PresetName, Number(values.pages));
report(`simulator preset ${values.preset}, ${values.pages} pages`, simulator);
report('synthetic issue corpus (adf.bench.ts)', buildCorpus(400));

const self = fileURLToPath(import.meta.url);
const child = (args: string[]): string =>
  execFileSync(process.execPath, [...process.execArgv, self, ...args], { encoding: 'utf8', maxBuffer: 16 * MEGABYTE, stdio: ['ignore', 'pipe', 'pipe'] }).trim().split('\n').at(-1)!;
const idle = (JSON.parse(child(['--case', 'idle'])) as { peakRssMb: number }).peakRssMb;
const only = values.only?.split(',');
console.log(`\nworst cases, one document of about ${megabytes} MB each, one conversion in a fresh process (its RSS before converting: ${idle.toFixed(0)} MB):`);
console.log('case                      input MB  output MB   wall s    CPU s   MB/s CPU  x JSON round trip  peak RSS MB  warnings');
for (const worst of WORST_CASES) {
  if (only !== undefined && !only.includes(worst.name)) continue;
  let result: CaseResult;
  try {
    result = JSON.parse(child(['--case', worst.name, '--mb', String(megabytes)])) as CaseResult;
  } catch (error) {
    console.log(`${worst.name.padEnd(24)} did not finish: ${(error as Error).message.split('\n').find((line) => /Error/.test(line)) ?? 'child failed'}`);
    continue;
  }
  const rate = result.inputMb / result.cpuS;
  const jsonRate = result.inputMb / result.jsonS;
  console.log(
    `${result.name.padEnd(24)} ${result.inputMb.toFixed(1).padStart(9)} ${result.outputMb.toFixed(1).padStart(10)} ${result.wallS.toFixed(2).padStart(8)} ${result.cpuS.toFixed(2).padStart(8)} ${rate.toFixed(2).padStart(10)} ${(rate / jsonRate).toFixed(4).padStart(18)} ${result.peakRssMb.toFixed(0).padStart(12)} ${String(result.warnings).padStart(9)}${result.jsonParseOnly ? '  (baseline: JSON.parse only)' : ''}${result.failed ? '  CONVERSION FAILED' : ''}`,
  );
}
