import { router } from '../../trpc.js';
import { issueApiKey } from './issue-api-key.js';
import { listApiKeys } from './list-api-keys.js';
import { revokeApiKey } from './revoke-api-key.js';

export const apiKeysRouter = router({ issue: issueApiKey, list: listApiKeys, revoke: revokeApiKey });
