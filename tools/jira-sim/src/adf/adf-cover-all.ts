import {
  bulletList, codeBlock, decisionList, heading, localId, mark, media, mention, node, orderedList, paragraph, taskItem,
  taskList, text,
} from './adf-builders.js';
import { dateNode, emojiNode, inlineCardNode, phrase, sentence, statusNode } from './adf-inline.js';
import type { AdfMediaFile, AdfMention, AdfNode } from './adf-types.js';
import type { Rng } from './rng.js';

const EXTENSION = { extensionType: 'com.atlassian.confluence.macro.core', extensionKey: 'jira' };

/** A paragraph using every inline node and every text mark (code only with link, as the schema requires). */
function inlineShowcase(rng: Rng, file: AdfMediaFile, account: AdfMention): AdfNode {
  return paragraph(
    [
      text('Formatting: '), text('bold', [mark('strong')]), text(', '), text('italic', [mark('em')]), text(', '),
      text('underlined', [mark('underline')]), text(', '), text('struck', [mark('strike')]), text(', '),
      text('red', [mark('textColor', { color: '#bf2600' })]), text(', '),
      text('highlighted', [mark('backgroundColor', { color: '#fffae6' })]), text(', H'),
      text('2', [mark('subsup', { type: 'sub' })]), text('O, x'), text('2', [mark('subsup', { type: 'sup' })]), text(', '),
      text('runbook', [mark('link', { href: 'https://example.com/runbooks/sync', title: 'Runbook' })]), text(', '),
      text('reviewed', [mark('annotation', { id: localId(rng), annotationType: 'inlineComment' })]), text(', '),
      text('npm run sync', [mark('code'), mark('link', { href: 'https://docs.example.com/api/search' })]),
      node('hardBreak', { attrs: { text: '\n' } }),
      text('Owner '), mention(account), text(' '), emojiNode(rng), text(' due '), dateNode(rng), text(' '), statusNode(rng),
      text(' '), inlineCardNode(rng), text(' '), node('placeholder', { attrs: { text: 'Add details here' } }), text(' '),
      node('inlineExtension', {
        attrs: { ...EXTENSION, parameters: { macroParams: {} }, localId: localId(rng) },
        marks: [mark('fragment', { localId: localId(rng), name: 'inline' })],
      }),
      text(' '),
      node('mediaInline', {
        attrs: { type: 'file', id: file.id, collection: file.collection },
        marks: [mark('border', { size: 1, color: '#091e4224' })],
      }),
    ],
    [mark('indentation', { level: 1 })],
  );
}

function listsAndTasks(rng: Rng): AdfNode[] {
  const small = [mark('fontSize', { fontSize: 'small' })];
  return [
    bulletList([[paragraph([text(sentence(rng))], small), orderedList([[paragraph([text(sentence(rng))])]], 3)]]),
    taskList(rng, [
      taskItem(rng, 'TODO', [text('Reproduce on staging')]),
      taskItem(rng, 'DONE', [text('Collect logs')]),
      taskList(rng, [taskItem(rng, 'TODO', [text('Attach the HAR file')])]),
      node('blockTaskItem', {
        attrs: { localId: localId(rng), state: 'TODO' },
        content: [paragraph([text('Write the post-mortem')])],
      }),
    ]),
    decisionList(rng, [[text('Roll back the release')]]),
  ];
}

function mediaAndTable(rng: Rng, file: AdfMediaFile): AdfNode[] {
  const fragmentId = localId(rng);
  const caption = node('caption', { content: [text(`Screenshot of the ${phrase(rng).toLowerCase()}`)] });
  const cell = (type: string, content: AdfNode[]) => node(type, { attrs: { valign: 'top' }, content });
  return [
    node('mediaSingle', {
      attrs: { layout: 'center', width: 50, widthType: 'percentage' },
      content: [media(file, [mark('border', { size: 2, color: '#091e42' })]), caption],
    }),
    node('mediaGroup', { content: [media(file)] }),
    node('table', {
      attrs: { isNumberColumnEnabled: false, layout: 'default', localId: localId(rng) },
      marks: [mark('fragment', { localId: fragmentId, name: 'Findings' })],
      content: [
        node('tableRow', {
          content: [cell('tableHeader', [paragraph([text('Check')])]), cell('tableHeader', [paragraph([text('Details')])])],
        }),
        node('tableRow', {
          content: [
            cell('tableCell', [paragraph([text('Logs')])]),
            cell('tableCell', [
              node('nestedExpand', { attrs: { title: 'Stack trace' }, content: [paragraph([text(sentence(rng))])] }),
            ]),
          ],
        }),
      ],
    }),
    node('extension', {
      attrs: {
        ...EXTENSION,
        parameters: { macroParams: { jql: { value: 'project = ABC' } } },
        layout: 'default',
        localId: localId(rng),
      },
      marks: [mark('dataConsumer', { sources: [fragmentId] }), mark('fragment', { localId: localId(rng), name: 'Issues' })],
    }),
  ];
}

function containers(rng: Rng): AdfNode[] {
  const column = (content: AdfNode[]) => node('layoutColumn', { attrs: { width: 50 }, content });
  return [
    codeBlock('typescript', "const since = Date.now() - 5 * 60_000;\nawait sync({ since });", [mark('breakout', { mode: 'wide' })]),
    node('blockquote', { content: [paragraph([text(sentence(rng))])] }),
    node('panel', {
      attrs: { panelType: 'info' },
      content: [paragraph([text(sentence(rng))]), bulletList([[paragraph([text(sentence(rng))])]])],
    }),
    node('rule'),
    node('expand', {
      attrs: { title: 'Details' },
      marks: [mark('breakout', { mode: 'wide' })],
      content: [
        paragraph([text(sentence(rng))]),
        node('nestedExpand', { attrs: { title: 'More' }, content: [paragraph([text(sentence(rng))])] }),
      ],
    }),
    node('layoutSection', {
      marks: [mark('breakout', { mode: 'full-width' })],
      content: [
        column([paragraph([text(sentence(rng))])]),
        column([node('expand', { attrs: { title: 'Notes' }, content: [paragraph([text(sentence(rng))])] })]),
      ],
    }),
    node('blockCard', { attrs: { url: 'https://example.com/runbooks/sync' } }),
    node('embedCard', { attrs: { url: 'https://status.example.com/incidents/42', layout: 'center', width: 100 } }),
    node('bodiedExtension', {
      attrs: { ...EXTENSION, layout: 'default', localId: localId(rng) },
      content: [paragraph([text(sentence(rng))])],
    }),
    node('syncBlock', { attrs: { resourceId: `sync-${rng.hex(12)}`, localId: localId(rng) } }),
    node('bodiedSyncBlock', {
      attrs: { resourceId: `sync-${rng.hex(12)}`, localId: localId(rng) },
      content: [paragraph([text(sentence(rng))])],
    }),
  ];
}

/** Top-level blocks that, together, use every node and mark of full.json (see ADF_NODE_TYPES / ADF_MARK_TYPES). */
export function coverAllBlocks(rng: Rng, file: AdfMediaFile, account: AdfMention): AdfNode[] {
  return [
    heading(2, [text('Coverage')], [mark('alignment', { align: 'center' })]),
    heading(4, [text(phrase(rng))], [mark('indentation', { level: 1 })]),
    inlineShowcase(rng, file, account),
    paragraph([text(sentence(rng))], [mark('alignment', { align: 'end' })]),
    ...listsAndTasks(rng),
    ...mediaAndTable(rng, file),
    ...containers(rng),
  ];
}
