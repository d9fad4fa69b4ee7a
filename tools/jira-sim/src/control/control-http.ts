/** The /__sim HTTP control API: the in-process SimControl over JSON, scoped to the listener's site by default. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody } from '../http/listener.js';
import { writeReply } from '../http/write-reply.js';
import { streamGroundTruthNdjson } from './ground-truth-ndjson.js';
import type { SimControl } from './sim-control.js';

type Body = Record<string, unknown>;
type Action = (control: SimControl, params: string[], body: Body, query: URLSearchParams) => unknown;

const str = (value: unknown): string => String(value ?? '');

const ACTIONS: Array<[string, RegExp, Action]> = [
  ['GET', /^clock$/, (control) => ({ now: control.clock.now() })],
  ['POST', /^clock\/advance$/, (control, _params, body) => ({ now: control.clock.advance(Number(body.ms)) })],
  ['POST', /^clock\/set$/, (control, _params, body) => ({ now: control.clock.set(Number(body.epochMs)) })],
  ['GET', /^faults$/, (control) => control.faults.list()],
  ['POST', /^faults$/, (control, _params, body) => control.faults.add(body as never)],
  ['DELETE', /^faults$/, (control) => control.faults.clear()],
  ['DELETE', /^faults\/(\d+)$/, (control, params) => ({ removed: control.faults.remove(Number(params[0])) })],
  ['POST', /^faults\/burst$/, (control, _params, body) => control.faults.burst(body as never)],
  ['POST', /^faults\/points$/, (control, _params, body) => control.faults.points(body as never)],
  ['POST', /^oauth\/expire-access-tokens$/, (control) => ({ expired: control.faults.expireAccessTokens() })],
  ['GET', /^counters$/, (control) => control.counters.snapshot()],
  ['DELETE', /^counters$/, (control) => control.counters.reset()],
  ['POST', /^sites\/suspended$/, (control, _params, body) => control.sites.setSuspended(body.suspended !== false, { cloudId: str(body.cloudId) })],
  ['POST', /^search\/lag$/, (control, _params, body) => {
    if (body.share !== undefined) control.search.setLagShare(Number(body.share));
    if (body.ms !== undefined) control.search.setLagMs(Number(body.ms));
  }],
  ['POST', /^issues$/, (control, _params, body) => control.issues.create(body as never)],
  ['PUT', /^issues\/([^/]+)$/, (control, params, body) => control.issues.update(str(params[0]), body)],
  ['POST', /^issues\/([^/]+)\/move$/, (control, params, body) => control.issues.move(str(params[0]), body as never)],
  ['DELETE', /^issues\/([^/]+)$/, (control, params, body) => control.issues.delete(str(params[0]), body)],
  ['POST', /^issues\/([^/]+)\/comments$/, (control, params, body) => control.comments.add(str(params[0]), body as never)],
  ['PUT', /^comments\/([^/]+)$/, (control, params, body) => control.comments.update(str(params[0]), body)],
  ['DELETE', /^comments\/([^/]+)$/, (control, params, body) => control.comments.delete(str(params[0]), body)],
  ['POST', /^issues\/([^/]+)\/attachments$/, (control, params, body) => control.attachments.add(str(params[0]), body as never)],
  ['DELETE', /^attachments\/([^/]+)$/, (control, params, body) => control.attachments.delete(str(params[0]), body)],
  ['POST', /^grants$/, (control, _params, body) => ({ grantId: control.access.addGrant(body as never) })],
  ['DELETE', /^grants\/(\d+)$/, (control, params, body) => control.access.removeGrant({ ...body, grantId: Number(params[0]) })],
  ['POST', /^groups\/([^/]+)\/members$/, (control, params, body) => control.access.setGroupMembership({ ...body, groupId: str(params[0]), accountId: str(body.accountId), member: body.member !== false })],
  ['POST', /^role-actors$/, (control, _params, body) => control.access.setRoleActor(body as never)],
  ['POST', /^users\/([^/]+)\/email-visibility$/, (control, params, body) => control.access.setEmailVisibility(str(params[0]), body.visible === true)],
  ['POST', /^users\/([^/]+)\/active$/, (control, params, body) => control.access.setUserActive(str(params[0]), body.active === true)],
  ['POST', /^projects\/([^/]+)\/archived$/, (control, params, body) => control.access.setProjectArchived({ ...body, projectKey: str(params[0]), archived: body.archived !== false })],
  ['POST', /^scoped-api-tokens$/, (control, _params, body) => control.access.issueScopedApiToken(body as never)],
  ['POST', /^oauth\/tokens$/, (control, _params, body) => control.oauth.issueTokens(body)],
  ['POST', /^oauth\/consent$/, (control, _params, body) => control.oauth.setConsent(body)],
  ['POST', /^oauth\/policy$/, (control, _params, body) => control.oauth.setPolicy(body)],
  ['POST', /^oauth\/client$/, (control, _params, body) => control.oauth.configureClient(body)],
  ['GET', /^webhooks\/deliveries$/, (control) => control.webhooks.deliveries()],
  ['GET', /^ground-truth$/, (control, _params, body, query) => control.groundTruth(query.get('cloudId') ?? str(body.cloudId), readersOption(query))],
];

function readersOption(query: URLSearchParams): { readers?: boolean } {
  return query.has('readers') ? { readers: query.get('readers') === 'true' } : {};
}

export async function handleControlRequest(control: SimControl, cloudId: string, request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
  const rest = url.pathname.slice('/__sim/'.length).replace(/\/$/, '');
  const method = (request.method ?? 'GET').toUpperCase();
  if (method === 'GET' && rest === 'ground-truth' && url.searchParams.get('format') !== 'json') {
    return streamGroundTruthNdjson(control, url.searchParams.get('cloudId') ?? cloudId, readersOption(url.searchParams), response);
  }
  for (const [verb, pattern, action] of ACTIONS) {
    const match = pattern.exec(rest);
    if (!match || verb !== method) continue;
    try {
      const raw = (await readBody(request)).toString('utf8');
      const body = { cloudId, ...(raw ? (JSON.parse(raw) as Body) : {}) };
      const result = await action(control, match.slice(1).map((part) => decodeURIComponent(part)), body, url.searchParams);
      return writeReply(response, { status: 200, body: result ?? { ok: true } });
    } catch (error) {
      return writeReply(response, { status: 400, body: { error: error instanceof Error ? error.message : String(error) } });
    }
  }
  writeReply(response, { status: 404, body: { error: `Unknown control endpoint ${method} /__sim/${rest}` } });
}
