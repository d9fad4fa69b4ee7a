import { z } from 'zod';

const ZProjectKeySchema = z.string().regex(/^[A-Z][A-Z0-9_]{0,254}$/, 'must be a Jira project key (upper-case letters, digits, underscore)');

/** An instant or a date range; dates are ISO 8601 with an offset, converted to epoch ms in JQL (time-zone safe). */
export const ZDateFilterSchema = z
  .object({
    after: z.iso.datetime({ offset: true }).optional(),
    before: z.iso.datetime({ offset: true }).optional(),
  })
  .refine((range) => !range.after || !range.before || Date.parse(range.after) < Date.parse(range.before), {
    message: 'after must be earlier than before',
  });

/** Which issues a connector syncs. `keys` In / Not In; created and modified ranges (after, before, or between). */
export const ZSyncFiltersSchema = z.object({
  projects: z
    .object({ operator: z.enum(['in', 'not_in']), keys: z.array(ZProjectKeySchema).min(1, 'list at least one project key') })
    .optional(),
  created: ZDateFilterSchema.optional(),
  modified: ZDateFilterSchema.optional(),
});
export type TSyncFilters = z.infer<typeof ZSyncFiltersSchema>;

/** What gets marked for indexing (all data is stored either way). */
export const ZIndexingFiltersSchema = z.object({
  issues: z.boolean().default(true),
  attachments: z.boolean().default(true),
});
export type TIndexingFilters = z.infer<typeof ZIndexingFiltersSchema>;

export const ZAuthMethodSchema = z.enum(['api_token', 'oauth']);
export type TAuthMethod = z.infer<typeof ZAuthMethodSchema>;

/** Credentials as given by an operator; stored only sealed (AES-256-GCM), never logged, never in Kafka or Temporal. */
export const ZConnectorCredentialsSchema = z.discriminatedUnion('method', [
  z.object({ method: z.literal('api_token'), email: z.email(), apiToken: z.string().min(1) }),
  z.object({
    method: z.literal('oauth'),
    clientId: z.string().min(1),
    clientSecret: z.string().min(1),
    accessToken: z.string().min(1),
    refreshToken: z.string().min(1),
    /** Epoch ms when the access token expires. */
    expiresAt: z.number().int(),
    scope: z.string().optional(),
    cloudId: z.string().min(1),
  }),
  /** An OAuth app's credentials before its first consent: no tokens yet (the connector needs authorization). */
  z.object({ method: z.literal('oauth_pending'), clientId: z.string().min(1), clientSecret: z.string().min(1) }),
]);
export type TConnectorCredentials = z.infer<typeof ZConnectorCredentialsSchema>;

/** A connector instance's configuration (everything but its credentials). */
export const ZConnectorConfigSchema = z.object({
  tenantId: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be lower-case letters, digits and dashes'),
  connectorId: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be lower-case letters, digits and dashes'),
  name: z.string().min(1).default('Jira'),
  siteUrl: z.url(),
  authMethod: ZAuthMethodSchema,
  /** OAuth connectors wait in needs_authorization until a consent stores their tokens (and again when it must be renewed). */
  authStatus: z.enum(['authorized', 'needs_authorization']).default('authorized'),
  /** The OAuth app's callback URL, exactly as registered in the developer console (OAuth connectors only). */
  oauthRedirectUrl: z.url().optional(),
  syncFilters: ZSyncFiltersSchema.default({}),
  indexingFilters: ZIndexingFiltersSchema.default({ issues: true, attachments: true }),
  /** Attachments larger than this keep their metadata only (reason recorded). */
  attachmentMaxBytes: z.number().int().positive().default(25 * 1024 * 1024),
  /** Projects synced at once by one connector's sync. */
  projectConcurrency: z.number().int().min(1).max(16).default(2),
});
export type TConnectorConfig = z.infer<typeof ZConnectorConfigSchema>;
export type TConnectorConfigInput = z.input<typeof ZConnectorConfigSchema>;
