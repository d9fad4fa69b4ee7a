import {
  bulletList, codeBlock, decisionList, heading, media, node, orderedList, paragraph, table, taskItem, taskList, text,
} from './adf-builders.js';
import { phrase, richInline, sentence, step, type InlineContext } from './adf-inline.js';
import type { AdfMediaFile, AdfNode } from './adf-types.js';
import { BROWSERS, CODE_SAMPLES, HEADINGS, OUTCOMES } from './adf-vocabulary.js';

/** Realistic Jira description blocks; each returns one or more top-level nodes. */
export type BlockGenerator = (context: InlineContext) => AdfNode[];

export const introParagraph: BlockGenerator = (context) => [paragraph(richInline(context))];

export const stepsSection: BlockGenerator = ({ rng }) => {
  const steps = Array.from({ length: rng.int(2, 5) }, () => [paragraph([text(step(rng))])]);
  return [heading(3, [text('Steps to reproduce')]), orderedList(steps)];
};

export const expectedActualSection: BlockGenerator = ({ rng }) => [
  heading(3, [text('Expected result')]),
  paragraph([text(rng.pick(OUTCOMES))]),
  heading(3, [text('Actual result')]),
  paragraph([text(sentence(rng))]),
];

export const environmentTable: BlockGenerator = ({ rng }) => {
  const rows = Array.from({ length: rng.int(1, 3) }, () => [
    rng.pick(BROWSERS),
    rng.pick(['macOS 15', 'Windows 11', 'Ubuntu 24.04']),
    rng.pick(['yes', 'no', 'sometimes']),
  ]);
  return [heading(3, [text('Environment')]), table(rng, ['Browser', 'OS', 'Reproduced'], rows)];
};

export const codeSample: BlockGenerator = ({ rng }) => {
  const sample = rng.pick(CODE_SAMPLES);
  return [paragraph([text('Minimal reproduction:')]), codeBlock(sample.language, sample.code)];
};

export const notePanel: BlockGenerator = (context) => [
  node('panel', {
    attrs: { panelType: context.rng.pick(['info', 'note', 'warning', 'error', 'success', 'tip']) },
    content: [paragraph(richInline(context, 1))],
  }),
];

export const quoteBlock: BlockGenerator = ({ rng }) => [
  node('blockquote', { content: [paragraph([text(`Customer report: ${sentence(rng)}`)])] }),
];

export const bulletPoints: BlockGenerator = ({ rng }) => [
  bulletList(Array.from({ length: rng.int(2, 4) }, () => [paragraph([text(sentence(rng))])])),
];

export const checklist: BlockGenerator = ({ rng }) => [
  heading(3, [text('Follow-up')]),
  taskList(rng, Array.from({ length: rng.int(2, 4) }, () => taskItem(rng, rng.pick(['TODO', 'DONE']), [text(step(rng))]))),
];

export const decisionsBlock: BlockGenerator = ({ rng }) => [
  decisionList(rng, [[text(`Ship the fix for the ${phrase(rng).toLowerCase()} behind a flag`)]]),
];

export const ruleAndNotes: BlockGenerator = (context) => [
  node('rule'),
  heading(3, [text(context.rng.pick(HEADINGS))]),
  paragraph(richInline(context)),
];

/** Embeds every file: the first as a centred image (mediaSingle), the rest as a strip (mediaGroup). */
export function mediaBlocks(files: readonly AdfMediaFile[]): AdfNode[] {
  const [first, ...rest] = files;
  if (first === undefined) return [];
  const single = node('mediaSingle', { attrs: { layout: 'center' }, content: [media(first)] });
  return rest.length === 0 ? [single] : [single, node('mediaGroup', { content: rest.map((file) => media(file)) })];
}
