/** Builders for benchmark documents: issue-like ADF with the mix of nodes Jira descriptions carry. */

const text = (value: string, ...marks: unknown[]) => (marks.length === 0 ? { type: 'text', text: value } : { type: 'text', text: value, marks });
const paragraph = (...content: unknown[]) => ({ type: 'paragraph', content });
const item = (...content: unknown[]) => ({ type: 'listItem', content });
const cell = (type: string, value: string) => ({ type, content: [paragraph(text(value))] });

const WORDS = 'the sync job fails when a project has more than fifty components and the token expires mid run'.split(' ');

function sentence(seed: number, length: number): string {
  return Array.from({ length }, (_, index) => WORDS[(seed * 7 + index * 3) % WORDS.length]).join(' ');
}

/** One issue-like document; `seed` varies its text so no two documents are identical. */
export function buildIssue(seed: number): unknown {
  return {
    type: 'doc',
    version: 1,
    content: [
      { type: 'heading', attrs: { level: 2 }, content: [text(`Problem ${seed}`)] },
      paragraph(
        text(sentence(seed, 12) + ' '),
        text('important', { type: 'strong' }),
        text(' see '),
        text('the runbook', { type: 'link', attrs: { href: `https://wiki.example/runbook/${seed}` } }),
        text(' and run '),
        text('npm run sync -- --force', { type: 'code' }),
        text(' with '),
        { type: 'mention', attrs: { id: `account-${seed % 17}`, text: '@Dana Scully' } },
        { type: 'hardBreak' },
        text(`Due ${seed}: `),
        { type: 'date', attrs: { timestamp: String(1_700_000_000_000 + seed * 86_400_000) } },
        text(' '),
        { type: 'status', attrs: { text: 'IN PROGRESS', color: 'blue' } },
      ),
      { type: 'orderedList', attrs: { order: 1 }, content: [1, 2, 3].map((step) => item(paragraph(text(sentence(seed + step, 8))))) },
      { type: 'bulletList', content: [item(paragraph(text(sentence(seed, 5))), { type: 'bulletList', content: [item(paragraph(text(sentence(seed + 1, 6), { type: 'em' })))] })] },
      { type: 'codeBlock', attrs: { language: 'ts' }, content: [text(`export const limit${seed} = ${seed};\nconsole.log(limit${seed} * 2);`)] },
      {
        type: 'table',
        content: [
          { type: 'tableRow', content: [cell('tableHeader', 'Field'), cell('tableHeader', 'Value')] },
          ...[1, 2, 3].map((row) => ({ type: 'tableRow', content: [cell('tableCell', `field ${row}`), cell('tableCell', sentence(seed + row, 4))] })),
        ],
      },
      { type: 'panel', attrs: { panelType: 'warning' }, content: [paragraph(text(sentence(seed + 5, 10)))] },
      { type: 'mediaSingle', attrs: { layout: 'center' }, content: [{ type: 'media', attrs: { type: 'file', id: `media-${seed}`, collection: 'jira' } }] },
      { type: 'taskList', attrs: { localId: `t${seed}` }, content: [{ type: 'taskItem', attrs: { localId: `i${seed}`, state: 'DONE' }, content: [text('reproduce')] }] },
    ],
  };
}

/** `count` issue-like documents. */
export function buildCorpus(count: number): unknown[] {
  return Array.from({ length: count }, (_, seed) => buildIssue(seed));
}

/** A document nested `depth` levels deep (built without recursion) with the text "bottom" at the bottom. */
export function buildNested(depth: number, shape: 'blockquote' | 'bulletList'): unknown {
  let node: unknown = paragraph(text('bottom'));
  for (let level = 0; level < depth; level += 1) {
    node = shape === 'blockquote' ? { type: 'blockquote', content: [node] } : { type: 'bulletList', content: [item(node)] };
  }
  return { type: 'doc', version: 1, content: [node] };
}
