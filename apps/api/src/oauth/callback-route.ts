import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiDeps } from '../context.js';
import { completeAuthorization, type TAuthorizationOutcome } from './complete-authorization.js';

/** The path of the callback route: a connector's redirect URL must end in it. */
export const OAUTH_CALLBACK_PATH = '/oauth/callback';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

function page(title: string, paragraphs: string[]): string {
  const body = paragraphs.map((text) => `<p>${escapeHtml(text)}</p>`).join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:42rem;margin:3rem auto;padding:0 1rem;line-height:1.5}</style></head>
<body><h1>${escapeHtml(title)}</h1>
${body}
</body></html>
`;
}

/** The page the callback answers: what happened, and for a failure what to do (every value escaped). */
export function renderOutcome(outcome: TAuthorizationOutcome, requestId: string): { status: number; html: string } {
  if (outcome.ok) {
    const site = outcome.siteName ? `${outcome.siteName} (${outcome.siteUrl})` : outcome.siteUrl;
    return {
      status: 200,
      html: page('Jira connected', [
        `The connector ${outcome.connectorId} is authorized for ${site}${outcome.accountName ? ` as ${outcome.accountName}` : ''}.`,
        'Its tokens are stored encrypted. You can close this page and start a sync (sync.start).',
      ]),
    };
  }
  const who = outcome.connectorId ? `The connector ${outcome.connectorId} was not authorized.` : 'No connector was authorized.';
  return {
    status: 400,
    html: page('Jira not connected', [who, outcome.problem.message, `What to do: ${outcome.problem.whatToDo}`, `Case: ${outcome.problem.case} (request id ${requestId})`]),
  };
}

const HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  // The URL carried the authorization code: no referrer, no framing, no scripts.
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
};

/**
 * GET /oauth/callback: where Atlassian sends the browser after consent. Needs no API key; it acts only on a valid
 * state from oauth.start, which it consumes. Answers a small page; internal failures are logged with the request id.
 */
export async function handleOAuthCallback(deps: ApiDeps, request: IncomingMessage, response: ServerResponse, requestId: string): Promise<void> {
  if (request.method !== 'GET') {
    response.writeHead(405, { ...HEADERS, allow: 'GET' }).end(page('Method not allowed', ['The OAuth callback takes GET requests from Atlassian only.']));
    return;
  }
  const query = new URL(request.url ?? '/', 'http://callback.invalid').searchParams;
  let rendered: { status: number; html: string };
  try {
    rendered = renderOutcome(await completeAuthorization(deps, query), requestId);
  } catch (error) {
    deps.logger.error({ err: error, requestId }, 'oauth callback failed');
    rendered = {
      status: 500,
      html: page('Jira not connected', [`Something went wrong on our side (request id ${requestId}).`, 'What to do: start again with oauth.start; report the request id if it happens again.']),
    };
  }
  response.writeHead(rendered.status, { ...HEADERS, 'x-request-id': requestId }).end(rendered.html);
}
