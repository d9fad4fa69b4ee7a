/** Changelog (history) JSON. */
import type { ChangeHistory } from '../model/types.js';
import { userRef } from './user.serializer.js';
import type { ViewContext } from './view-context.js';
import { time } from './view-context.js';

export function serializeHistory(view: ViewContext, history: ChangeHistory): Record<string, unknown> {
  return {
    id: history.id,
    author: userRef(view, history.authorAccountId),
    created: time(view, history.created),
    items: history.items.map((item) => ({ ...item })),
  };
}
