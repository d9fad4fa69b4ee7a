/** Records kept by the simulated Atlassian authorization server. */
export interface OAuthClient {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  /** Scopes the app is configured for in the developer console. */
  scopes: string[];
}

export interface AuthCode {
  code: string;
  clientId: string;
  redirectUri: string;
  scopes: string[];
  accountId: string;
  cloudIds: string[];
  expiresAt: number;
  used: boolean;
}

export interface AccessToken {
  token: string;
  clientId: string;
  accountId: string;
  scopes: string[];
  cloudIds: string[];
  expiresAt: number;
}

export interface RefreshFamily {
  id: string;
  clientId: string;
  accountId: string;
  scopes: string[];
  cloudIds: string[];
  createdAt: number;
  lastUsedAt: number;
  current: string;
  /** Refresh tokens already rotated out -> when they were rotated (usable within the reuse interval). */
  rotated: Map<string, number>;
  revoked: boolean;
}

export interface TokenPolicy {
  accessTokenTtlMs: number;
  reuseIntervalMs: number;
  inactivityExpiryMs: number;
  absoluteExpiryMs: number;
  authCodeTtlMs: number;
}

export const DEFAULT_TOKEN_POLICY: TokenPolicy = {
  accessTokenTtlMs: 3_600_000,
  reuseIntervalMs: 10 * 60_000,
  inactivityExpiryMs: 90 * 86_400_000,
  absoluteExpiryMs: 365 * 86_400_000,
  authCodeTtlMs: 10 * 60_000,
};
