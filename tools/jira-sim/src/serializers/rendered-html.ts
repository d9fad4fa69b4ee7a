/** HTML renderings as Jira serves them with `expand=renderedFields` / `renderedBody`: ADF bodies and dates. */
import { adfToHtml } from '../adf/index.js';
import type { Attachment, Issue } from '../model/types.js';
import { canSeeAttachmentOnIssue } from '../permissions/access.js';
import type { AdfDoc } from '../util/adf-types.js';
import { formatJiraTime } from '../util/jira-time.js';
import type { ViewContext } from './view-context.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** HTML of an ADF body on an issue; media show the issue's attachments the viewer may see (others draw nothing). */
export function renderAdfHtml(view: ViewContext, issue: Issue | undefined, doc: AdfDoc | null | undefined): string | null {
  if (!doc) return null;
  const byMedia = new Map<string, Attachment>();
  for (const id of issue?.attachmentIds ?? []) {
    const attachment = view.site.attachments.get(id);
    if (attachment && issue && canSeeAttachmentOnIssue(view.site, view.viewer, attachment, issue)) byMedia.set(attachment.mediaId, attachment);
  }
  return adfToHtml(doc, {
    siteUrl: view.siteUrl,
    media: (mediaId) => {
      const attachment = byMedia.get(mediaId);
      return attachment ? { url: `${view.siteUrl}/rest/api/3/attachment/content/${attachment.id}`, filename: attachment.filename, image: attachment.mimeType.startsWith('image/') } : undefined;
    },
  });
}

/** Jira's rendered date, `dd/MMM/yy h:mm AM`, in the viewer's zone. */
export function renderedDate(view: ViewContext, epochMs: number): string {
  const stamp = formatJiraTime(epochMs, view.timeZone); // yyyy-MM-ddTHH:mm:ss.SSS+hhmm
  const hour = Number(stamp.slice(11, 13));
  const clock = `${hour % 12 === 0 ? 12 : hour % 12}:${stamp.slice(14, 16)} ${hour < 12 ? 'AM' : 'PM'}`;
  return `${stamp.slice(8, 10)}/${MONTHS[Number(stamp.slice(5, 7)) - 1] ?? ''}/${stamp.slice(2, 4)} ${clock}`;
}

/** Jira's rendered attachment size (`512 B`, `24 kB`, `1.5 MB`). */
export function renderedSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} kB`;
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
}
