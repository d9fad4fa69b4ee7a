/**
 * Validates served reply bodies against the response schema of the matching operation in Atlassian's OpenAPI
 * document (shared reference material, read once per test file).
 */
import { Ajv } from 'ajv';
import type { ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { readOpenApiDocument, requireOpenApiDocument } from './openapi-document.test-support.js';

interface OpenApiDoc {
  paths: Record<string, Record<string, { parameters?: Array<{ name: string; in: string }>; requestBody?: unknown; responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> }>>;
}

/**
 * Where live Jira Cloud (reference spec, [L] measurements) contradicts the OpenAPI document, the simulator follows
 * live Jira and the checker is told here, one documented exception at a time.
 */
const KNOWN_DRIFT: Array<{ schema: string; nullable?: string[]; extra?: Record<string, object>; reason: string }> = [
  { schema: 'ChangeDetails', nullable: ['from', 'fromString', 'to', 'toString'], reason: 'changelog items carry null for absent values (reference §7.1 example)' },
  { schema: 'AuditRecordBean', extra: { authorAccountId: { type: 'string' } }, reason: 'Cloud audit records carry authorAccountId (reference §9 example)' },
];

function applyKnownDrift(doc: OpenApiDoc): void {
  const schemas = (doc as unknown as { components: { schemas: Record<string, { properties?: Record<string, Record<string, unknown>> }> } }).components.schemas;
  for (const drift of KNOWN_DRIFT) {
    const target = schemas[drift.schema];
    if (target && drift.extra) target.properties = { ...target.properties, ...(drift.extra as Record<string, Record<string, unknown>>) };
    for (const name of drift.nullable ?? []) {
      const property = schemas[drift.schema]?.properties?.[name];
      if (property) property.nullable = true;
    }
  }
}

export interface ServedReply {
  method: string;
  template: string;
  status: number;
  contentType: string | undefined;
  body: unknown;
  queryNames?: string[];
  requestBody?: string;
}

export class OpenApiContract {
  private loaded: { doc: OpenApiDoc; ajv: Ajv } | undefined;
  private readonly validators = new Map<string, ValidateFunction | null>();

  /** The document is read on first use, inside a test, so that its absence skips that test (see requireOpenApiDocument). */
  private load(): { doc: OpenApiDoc; ajv: Ajv } {
    if (!this.loaded) {
      const doc = readOpenApiDocument<OpenApiDoc>();
      applyKnownDrift(doc);
      const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
      const addFormats = (addFormatsModule as unknown as { default?: (ajv: Ajv) => void }).default ?? (addFormatsModule as unknown as (ajv: Ajv) => void);
      addFormats(ajv);
      ajv.addSchema({ ...doc, $id: 'openapi' } as object);
      this.loaded = { doc, ajv };
    }
    return this.loaded;
  }

  get doc(): OpenApiDoc {
    return this.load().doc;
  }

  private get ajv(): Ajv {
    return this.load().ajv;
  }

  /** The documented operation for a method and path template (undefined when the document has none). */
  operation(method: string, template: string) {
    if (!requireOpenApiDocument()) return undefined;
    return this.doc.paths[template]?.[method.toLowerCase()];
  }

  /** Validation errors for one reply, or [] when it conforms (or the status has no documented JSON schema). */
  check(reply: ServedReply): string[] {
    if (!requireOpenApiDocument()) return [];
    const key = `${reply.method} ${reply.template} ${reply.status}`;
    let validate = this.validators.get(key);
    if (validate === undefined) {
      const pointer = this.schemaPointer(reply);
      validate = pointer ? this.ajv.compile({ $ref: pointer }) : null;
      this.validators.set(key, validate);
    }
    if (reply.template === '') return []; // no route matched (404 for an unknown path)
    if (!this.operation(reply.method, reply.template)) return [`${reply.method} ${reply.template} is not an operation of the OpenAPI document`];
    const problems = [...this.checkRequest(reply)];
    if (!validate || reply.body === undefined || validate(reply.body)) return problems;
    return [...problems, ...(validate.errors ?? []).map((error) => `${key}: ${error.instancePath} ${error.message ?? ''} ${JSON.stringify(error.params)}`)];
  }

  /** Accepted requests use documented query names, and their JSON bodies validate against the request schema. */
  private checkRequest(reply: ServedReply): string[] {
    if (reply.status >= 300) return [];
    const operation = this.operation(reply.method, reply.template);
    const documented = new Set((operation?.parameters ?? []).filter((parameter) => parameter.in === 'query').map((parameter) => parameter.name));
    const problems = (reply.queryNames ?? []).filter((name) => !documented.has(name)).map((name) => `${reply.method} ${reply.template}: query parameter '${name}' is not documented`);
    if (reply.requestBody && operation?.requestBody) {
      const key = `${reply.method} ${reply.template} request`;
      let validate = this.validators.get(key);
      if (validate === undefined) {
        const escaped = reply.template.replace(/~/g, '~0').replace(/\//g, '~1');
        const content = (operation.requestBody as { content?: Record<string, unknown> }).content ?? {};
        validate = 'application/json' in content ? this.ajv.compile({ $ref: `openapi#/paths/${escaped}/${reply.method.toLowerCase()}/requestBody/content/application~1json/schema` }) : null;
        this.validators.set(key, validate);
      }
      let body: unknown;
      try {
        body = JSON.parse(reply.requestBody);
      } catch {
        return [...problems, `${key}: body is not JSON`];
      }
      if (validate && !validate(body)) problems.push(...(validate.errors ?? []).map((error) => `${key}: ${error.instancePath} ${error.message ?? ''}`));
    }
    return problems;
  }

  private schemaPointer(reply: ServedReply): string | undefined {
    const responses = this.operation(reply.method, reply.template)?.responses ?? {};
    const response = responses[String(reply.status)];
    if (!response?.content) return undefined;
    const mediaType = Object.keys(response.content).find((type) => type.includes('json'));
    if (!mediaType || !response.content[mediaType]?.schema) return undefined;
    const escaped = reply.template.replace(/~/g, '~0').replace(/\//g, '~1');
    return `openapi#/paths/${escaped}/${reply.method.toLowerCase()}/responses/${reply.status}/content/${mediaType.replace(/~/g, '~0').replace(/\//g, '~1')}/schema`;
  }
}
