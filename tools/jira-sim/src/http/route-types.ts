/** Shapes shared by every route: the parsed request, the reply and the route definition. */
import type { IncomingHttpHeaders } from 'node:http';
import type { SiteState } from '../model/site-state.js';
import type { User } from '../model/types.js';
import type { SimRuntime } from '../runtime/sim-runtime.js';

export type ClassicScope = 'read:jira-user' | 'read:jira-work' | 'manage:jira-configuration' | 'manage:jira-project' | 'write:jira-work' | 'manage:jira-webhook';

/** Who is calling: an account (via API token or OAuth) or anonymous (no or bad Basic credentials). */
export interface Caller {
  user?: User;
  via: 'basic' | 'bearer' | 'anonymous';
  /** OAuth client id for bearer calls (points budget, webhooks). */
  clientId?: string;
  scopes?: string[];
  /** Label used by request counters: email, client id or 'anonymous'. */
  credential: string;
  /** True when Basic credentials were sent but did not match (Jira then serves the call as anonymous). */
  badCredentials: boolean;
}

export interface SimRequest {
  method: string;
  /** Path relative to the site (gateway prefix removed), e.g. /rest/api/3/myself */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  rawBody: Buffer;
  params: Record<string, string>;
  site: SiteState;
  caller: Caller;
  runtime: SimRuntime;
  /** Base URL used in `self` links (always the site host, as Jira does). */
  siteUrl: string;
}

export interface SimReply {
  status: number;
  /** JSON body (serialised with application/json) unless `raw` is set. */
  body?: unknown;
  raw?: Buffer | string;
  contentType?: string;
  headers?: Record<string, string>;
  /** Number of objects returned and their cost class, for the points-based quota. */
  cost?: { objects: number; identity?: boolean };
}

export type RouteHandler = (request: SimRequest) => SimReply | Promise<SimReply>;

export interface RouteDef {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** OpenAPI path template, e.g. /rest/api/3/issue/{issueIdOrKey} */
  path: string;
  /** Classic OAuth scope the gateway requires. */
  scope: ClassicScope | null;
  handler: RouteHandler;
}
