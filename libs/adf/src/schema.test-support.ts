import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import AjvDraft04 from 'ajv-draft-04';

/** The ADF JSON schema (draft-04) shipped in `@atlaskit/adf-schema`, read from node_modules. */
export function loadFullSchema(): Record<string, unknown> {
  const path = createRequire(import.meta.url).resolve('@atlaskit/adf-schema/dist/json-schema/v1/full.json');
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
}

/** A validator for whole ADF documents. */
export function createDocumentValidator(): (doc: unknown) => boolean {
  const ajv = new AjvDraft04.default({ allErrors: false, strict: false });
  const validate = ajv.compile(loadFullSchema());
  return (doc) => validate(doc);
}
