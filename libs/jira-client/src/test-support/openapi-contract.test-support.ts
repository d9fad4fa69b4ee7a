import { readOpenApiDocument, requireOpenApiDocument } from '@jira-sync/jira-sim/openapi-document';
import { Ajv } from 'ajv';
import type { RecordedRequest } from '../http/jira-request.js';

interface Parameter {
  name: string;
  in: string;
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: unknown }> };
}
interface OpenApiDoc {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown> };
}

let doc: OpenApiDoc | undefined;
let ajv: Ajv | undefined;

function load(): { doc: OpenApiDoc; ajv: Ajv } | undefined {
  if (!doc || !ajv) {
    if (!requireOpenApiDocument()) return undefined;
    doc = readOpenApiDocument<OpenApiDoc>();
    ajv = new Ajv({ strict: false, allErrors: false, validateFormats: false });
    ajv.addSchema({ components: doc.components }, 'openapi');
  }
  return { doc, ajv };
}

/** Paths the gateway serves outside the Jira platform API (not in this document). */
const GATEWAY_ONLY = new Set(['/oauth/token/accessible-resources']);

/** Every way `request` departs from the OpenAPI operation it claims: path, method, parameter names, body schema. */
export function findContractViolations(request: RecordedRequest): string[] {
  if (GATEWAY_ONLY.has(request.path)) return [];
  const loaded = load();
  if (!loaded) return [];
  const { doc, ajv } = loaded;
  const where = `${request.method} ${request.path}`;
  const operation = doc.paths[request.path]?.[request.method.toLowerCase()];
  if (!operation) return [`${where}: no such operation in the OpenAPI document`];
  const declared = (kind: string) => new Set((operation.parameters ?? []).filter((p) => p.in === kind).map((p) => p.name));
  const violations: string[] = [];
  const pathNames = declared('path');
  for (const name of request.pathParams) if (!pathNames.has(name)) violations.push(`${where}: undeclared path parameter '${name}'`);
  const queryNames = declared('query');
  for (const name of request.query) if (!queryNames.has(name)) violations.push(`${where}: undeclared query parameter '${name}'`);
  if (request.body !== undefined) {
    const schema = operation.requestBody?.content['application/json']?.schema as { $ref?: string } | undefined;
    if (!schema) violations.push(`${where}: sends a body the operation does not take`);
    else {
      const ref = schema.$ref ? `openapi${schema.$ref}` : undefined;
      const validate = ref ? ajv.getSchema(ref) : ajv.compile(schema);
      if (validate && !validate(request.body)) violations.push(`${where}: body ${ajv.errorsText(validate.errors)}`);
    }
  }
  return violations;
}

/** Collects requests through a client's `observer` and checks them all against the OpenAPI document. */
export function createContractRecorder() {
  const requests: RecordedRequest[] = [];
  return {
    requests,
    observer: (request: RecordedRequest) => {
      requests.push(request);
    },
    violations: () => [...new Set(requests.flatMap(findContractViolations))],
  };
}
