import AjvDraft04 from 'ajv-draft-04';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** The @atlaskit/adf-schema `full.json` installed as a devDependency (never copied into the repo). */
export function loadFullSchema(): { definitions: Record<string, { properties?: { type?: { enum?: string[] } } }> } {
  const path = createRequire(import.meta.url).resolve('@atlaskit/adf-schema/dist/json-schema/v1/full.json');
  return JSON.parse(readFileSync(path, 'utf8')) as ReturnType<typeof loadFullSchema>;
}

/** Validates a value against full.json, returning ajv's error list (empty when valid). */
export function createAdfValidator(): (doc: unknown) => string[] {
  // A CommonJS package: under NodeNext the default import is module.exports, whose `default` is the class.
  const ajv = new AjvDraft04.default({ allErrors: false, strict: false });
  const validate = ajv.compile(loadFullSchema());
  return (doc) => (validate(doc) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''}`));
}

/** The node and mark type names full.json defines (from `<name>_node` / `<name>_mark` type enums). */
export function schemaTypeNames(suffix: '_node' | '_mark'): string[] {
  const names = new Set<string>();
  for (const [name, definition] of Object.entries(loadFullSchema().definitions)) {
    if (!name.endsWith(suffix)) continue;
    for (const type of definition.properties?.type?.enum ?? []) names.add(type);
  }
  return [...names].sort();
}
