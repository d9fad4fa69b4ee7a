/** User JSON with Jira's privacy rules: a hidden email is omitted (not null) except on the caller's own record. */
import type { User } from '../model/types.js';
import type { ViewContext } from './view-context.js';

export function avatarUrls(seed: string): Record<string, string> {
  const base = `https://avatar-management.example.invalid/avatars/${encodeURIComponent(seed)}`;
  return { '48x48': `${base}/48`, '24x24': `${base}/24`, '16x16': `${base}/16`, '32x32': `${base}/32` };
}

/** The compact `UserDetails` form used for authors, reporters, assignees and group members. */
export function serializeUserDetails(view: ViewContext, user: User): Record<string, unknown> {
  const own = view.viewer?.accountId === user.accountId;
  return {
    self: `${view.siteUrl}/rest/api/3/user?accountId=${encodeURIComponent(user.accountId)}`,
    accountId: user.accountId,
    ...(user.emailVisible || own ? { emailAddress: user.email } : {}),
    avatarUrls: avatarUrls(user.accountId),
    displayName: user.displayName,
    active: user.active,
    timeZone: user.timeZone,
    accountType: user.accountType,
  };
}

/** The full `User` form (myself, user, users/search). */
export function serializeUser(view: ViewContext, user: User): Record<string, unknown> {
  return {
    ...serializeUserDetails(view, user),
    locale: user.locale,
    key: '',
    name: '',
  };
}

/** A user that no longer exists, rendered the way Jira renders deleted accounts. */
export function unknownUser(view: ViewContext, accountId: string): Record<string, unknown> {
  return {
    self: `${view.siteUrl}/rest/api/3/user?accountId=${encodeURIComponent(accountId)}`,
    accountId,
    avatarUrls: avatarUrls(accountId),
    displayName: 'Former user',
    active: false,
    timeZone: 'UTC',
    accountType: 'unknown',
  };
}

/** Details of an account id (falls back to a deleted-user record). */
export function userRef(view: ViewContext, accountId: string | undefined): Record<string, unknown> | null {
  if (!accountId) return null;
  const user = view.site.users.get(accountId);
  return user ? serializeUserDetails(view, user) : unknownUser(view, accountId);
}
