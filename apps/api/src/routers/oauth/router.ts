import { router } from '../../trpc.js';
import { getOAuthStatus } from './get-oauth-status.js';
import { reauthenticateOAuth } from './reauthenticate-oauth.js';
import { startOAuth } from './start-oauth.js';

export const oauthRouter = router({
  start: startOAuth,
  reauthenticate: reauthenticateOAuth,
  status: getOAuthStatus,
});
