import { validateSiteUrl } from '@jira-sync/jira-client';
import { z } from 'zod';
import { badInput } from './errors.js';

/** Tenant and connector ids: what the store accepts, with a message that says so. */
export const ZIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'use 1-63 lower-case letters, digits and dashes, starting with a letter or digit');

export const ZConnectorRefSchema = z.object({ connectorId: ZIdSchema });

/** Checks a site URL against the troubleshooting rules; the failure names the field and the corrected value. */
export function checkSiteUrl(siteUrl: string, allowInsecureLoopback: boolean, path: string[] = ['siteUrl']): string {
  try {
    return validateSiteUrl(siteUrl, { allowInsecureLoopback });
  } catch (error) {
    throw badInput(path, error instanceof Error ? error.message : String(error));
  }
}
