/** The site host (https://{site}.atlassian.net): Jira REST with Basic auth, tenant_info and the /__sim control API. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { handleControlRequest } from '../control/control-http.js';
import { suspendedReply } from '../faults/apply-faults.js';
import { handleJiraRequest } from '../http/jira-pipeline.js';
import type { Router } from '../http/router.js';
import { writeReply } from '../http/write-reply.js';
import type { SimControl } from '../control/sim-control.js';
import type { SimRuntime, SiteRuntime } from '../runtime/sim-runtime.js';

export function createSiteHandler(runtime: SimRuntime, router: Router, site: SiteRuntime, control: SimControl) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', site.url);
    if (url.pathname.startsWith('/rest/')) return handleJiraRequest({ runtime, router, site }, request, response, site, url.pathname, url);
    if (url.pathname === '/_edge/tenant_info' && site.suspended) return writeReply(response, suspendedReply());
    if (url.pathname === '/_edge/tenant_info') return writeReply(response, { status: 200, body: { cloudId: site.state.cloudId } });
    if (url.pathname.startsWith('/__sim/')) return handleControlRequest(control, site.state.cloudId, request, response, url);
    writeReply(response, { status: 404, raw: '<html><body>Page not found</body></html>', contentType: 'text/html;charset=UTF-8' });
  };
}
