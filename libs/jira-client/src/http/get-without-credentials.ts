import { request, type Dispatcher } from 'undici';
import { JiraNetworkError, type JiraErrorContext } from '../errors/jira-error.js';
import { mapResponseError } from '../errors/map-response-error.js';

/**
 * GET `url` on another host (the media host an attachment redirects to) with no Authorization header: that URL
 * carries its own short-lived token, and Jira credentials must never leave Jira's hosts.
 */
export async function getWithoutCredentials(
  dispatcher: Dispatcher,
  url: URL,
  context: JiraErrorContext,
): Promise<Dispatcher.ResponseData> {
  const where = { ...context, endpoint: `${context.endpoint ?? ''} (media redirect)` };
  let response: Dispatcher.ResponseData;
  try {
    response = await request(url, { method: 'GET', dispatcher });
  } catch (error) {
    throw new JiraNetworkError(`${where.method ?? 'GET'} ${where.endpoint} failed: the download host was unreachable. Try again.`, where, error);
  }
  if (response.statusCode >= 400) throw mapResponseError(response.statusCode, await response.body.text(), where);
  return response;
}
