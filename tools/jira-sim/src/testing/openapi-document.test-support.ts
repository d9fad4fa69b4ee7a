/**
 * Where Atlassian's OpenAPI document (shared reference material) is read from, what a run without it says, and the
 * parsed document: one place for the simulator's reply checks and the client's request checks
 * (`@jira-sync/jira-sim/openapi-document`, for tests only).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { getCurrentTest } from 'vitest/suite';

/** Where the document is read from: `JIRA_OPENAPI_DOCUMENT`, else the shared folder beside the repository. */
export function openApiDocumentPath(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env['JIRA_OPENAPI_DOCUMENT'];
  return configured ? resolve(configured) : join(import.meta.dirname, '..', '..', '..', '..', '..', 'shared', 'reference', 'jira-platform-openapi-v3.json');
}

/** What a run without the document says: where it was looked for and where to get it. */
export function missingOpenApiDocumentMessage(path: string): string {
  return (
    `Atlassian's OpenAPI document is not at ${path}, so the OpenAPI contract checks are skipped. Download the Jira Cloud ` +
    `platform REST API v3 OpenAPI document (the "OpenAPI" link of Atlassian's Jira Cloud platform REST API reference) ` +
    `and set JIRA_OPENAPI_DOCUMENT to its path, or put it at shared/reference/jira-platform-openapi-v3.json beside the repository.`
  );
}

/**
 * Whether the document can be read. Where it is absent, the running test is skipped with the message above (outside
 * a test the message is printed and false returned); under `CI=true` its absence fails the run.
 */
export function requireOpenApiDocument(
  env: NodeJS.ProcessEnv = process.env,
  skip: (note: string) => void = (note) => getCurrentTest()?.context.skip(note),
): boolean {
  const path = openApiDocumentPath(env);
  if (existsSync(path)) return true;
  const message = missingOpenApiDocumentMessage(path);
  if (env['CI'] === 'true') throw new Error(`${message} CI=true requires it.`);
  skip(message);
  console.warn(message);
  return false;
}

/** The parsed document (a fresh copy each call, so a caller may patch it); call requireOpenApiDocument first. */
export function readOpenApiDocument<T>(): T {
  return JSON.parse(readFileSync(openApiDocumentPath(), 'utf8')) as T;
}
