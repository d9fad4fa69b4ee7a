import type { BlockHandler, InlineHandler } from '../convert/handler-types.js';
import { convertBlockquote } from './blockquote.handler.js';
import { convertBulletList } from './bullet-list.handler.js';
import { convertCaption } from './caption.handler.js';
import { convertBlockCard, convertInlineCard } from './card.handler.js';
import { convertCodeBlock } from './code-block.handler.js';
import { convertContainer } from './container.handler.js';
import { convertDate } from './date.handler.js';
import { convertDecisionList, convertStrayDecisionItem } from './decision-list.handler.js';
import { convertEmoji } from './emoji.handler.js';
import { convertExpand } from './expand.handler.js';
import { convertBodiedExtension, convertExtension, convertInlineExtension } from './extension.handler.js';
import { convertHardBreak } from './hard-break.handler.js';
import { convertHeading } from './heading.handler.js';
import { convertLayoutSection } from './layout-section.handler.js';
import { convertStrayListItem } from './list-item.handler.js';
import { convertMediaGroup } from './media-group.handler.js';
import { convertMediaInline } from './media-inline.handler.js';
import { convertMediaSingle } from './media-single.handler.js';
import { convertMedia } from './media.handler.js';
import { convertMention } from './mention.handler.js';
import { convertOrderedList } from './ordered-list.handler.js';
import { convertPanel } from './panel.handler.js';
import { convertParagraph } from './paragraph.handler.js';
import { convertPlaceholder } from './placeholder.handler.js';
import { convertRule } from './rule.handler.js';
import { convertStatus } from './status.handler.js';
import { convertSyncBlock } from './sync-block.handler.js';
import { convertTable } from './table.handler.js';
import { convertStrayTaskItem } from './task-item.handler.js';
import { convertTaskList } from './task-list.handler.js';
import { convertText } from './text.handler.js';

/** One handler per block node of `@atlaskit/adf-schema`'s full schema. */
export const BLOCK_HANDLERS: ReadonlyMap<string, BlockHandler> = new Map([
  ['doc', convertContainer],
  ['paragraph', convertParagraph],
  ['heading', convertHeading],
  ['bulletList', convertBulletList],
  ['orderedList', convertOrderedList],
  ['listItem', convertStrayListItem],
  ['taskList', convertTaskList],
  ['taskItem', convertStrayTaskItem],
  ['blockTaskItem', convertStrayTaskItem],
  ['decisionList', convertDecisionList],
  ['decisionItem', convertStrayDecisionItem],
  ['codeBlock', convertCodeBlock],
  ['blockquote', convertBlockquote],
  ['rule', convertRule],
  ['panel', convertPanel],
  ['table', convertTable],
  ['tableRow', convertContainer],
  ['tableCell', convertContainer],
  ['tableHeader', convertContainer],
  ['expand', convertExpand],
  ['nestedExpand', convertExpand],
  ['layoutSection', convertLayoutSection],
  ['layoutColumn', convertContainer],
  ['mediaSingle', convertMediaSingle],
  ['mediaGroup', convertMediaGroup],
  ['media', convertMedia],
  ['caption', convertCaption],
  ['blockCard', convertBlockCard],
  ['embedCard', convertBlockCard],
  ['extension', convertExtension],
  ['bodiedExtension', convertBodiedExtension],
  ['syncBlock', convertSyncBlock],
  ['bodiedSyncBlock', convertContainer],
]);

/** One handler per inline node (the schema's `inline_node` group). */
export const INLINE_HANDLERS: ReadonlyMap<string, InlineHandler> = new Map([
  ['text', convertText],
  ['hardBreak', convertHardBreak],
  ['mention', convertMention],
  ['emoji', convertEmoji],
  ['date', convertDate],
  ['status', convertStatus],
  ['inlineCard', convertInlineCard],
  ['placeholder', convertPlaceholder],
  ['inlineExtension', convertInlineExtension],
  ['mediaInline', convertMediaInline],
]);
