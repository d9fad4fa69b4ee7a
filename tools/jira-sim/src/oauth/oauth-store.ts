/** Authorization codes, access tokens and rotating refresh-token families, on the simulator clock. */
import { randomBytes } from 'node:crypto';
import type { SimClock } from '../runtime/sim-clock.js';
import type { AccessToken, AuthCode, OAuthClient, RefreshFamily, TokenPolicy } from './oauth-types.js';
import { DEFAULT_TOKEN_POLICY } from './oauth-types.js';

export interface TokenGrant {
  access_token: string;
  expires_in: number;
  token_type: 'Bearer';
  scope: string;
  refresh_token?: string;
}

function opaque(prefix: string): string {
  const payload = Buffer.from(JSON.stringify({ jti: randomBytes(8).toString('hex') })).toString('base64url');
  return `${prefix}.${payload}.${randomBytes(24).toString('base64url')}`;
}

export class OAuthStore {
  readonly clients = new Map<string, OAuthClient>();
  readonly policy: TokenPolicy = { ...DEFAULT_TOKEN_POLICY };
  private readonly codes = new Map<string, AuthCode>();
  private readonly accessTokens = new Map<string, AccessToken>();
  private readonly familiesByToken = new Map<string, RefreshFamily>();

  constructor(private readonly clock: SimClock) {}

  issueCode(input: Omit<AuthCode, 'code' | 'expiresAt' | 'used'>): string {
    const code = randomBytes(16).toString('hex');
    this.codes.set(code, { ...input, code, expiresAt: this.clock.now() + this.policy.authCodeTtlMs, used: false });
    return code;
  }

  /** Redeems a code once; undefined when unknown, used, expired or bound to another client/redirect. */
  redeemCode(code: string, clientId: string, redirectUri: string | undefined): AuthCode | undefined {
    const record = this.codes.get(code);
    if (!record || record.used || record.expiresAt < this.clock.now() || record.clientId !== clientId) return undefined;
    if (redirectUri !== undefined && redirectUri !== record.redirectUri) return undefined;
    record.used = true;
    return record;
  }

  /** Issues an access token, plus a new refresh family when offline_access was granted. */
  grantTokens(subject: { clientId: string; accountId: string; scopes: string[]; cloudIds: string[] }): TokenGrant {
    const access = this.mintAccess(subject);
    const grant: TokenGrant = { access_token: access.token, expires_in: Math.round(this.policy.accessTokenTtlMs / 1000), token_type: 'Bearer', scope: subject.scopes.join(' ') };
    if (subject.scopes.includes('offline_access')) {
      const now = this.clock.now();
      const family: RefreshFamily = { ...subject, id: randomBytes(8).toString('hex'), createdAt: now, lastUsedAt: now, current: opaque('eyJraWQiOiJyZWZyZXNoIn0'), rotated: new Map(), revoked: false };
      this.familiesByToken.set(family.current, family);
      grant.refresh_token = family.current;
    }
    return grant;
  }

  /**
   * Rotates a refresh token. Unknown, expired or revoked tokens fail as 'invalid'; a token rotated out longer ago than
   * the reuse interval fails as 'reused' (Jira may answer that one differently, see switch refreshReuseError).
   */
  refresh(refreshToken: string, clientId: string): TokenGrant | { failure: 'invalid' | 'reused' } {
    const family = this.familiesByToken.get(refreshToken);
    const now = this.clock.now();
    if (!family || family.revoked || family.clientId !== clientId) return { failure: 'invalid' };
    if (now - family.createdAt > this.policy.absoluteExpiryMs || now - family.lastUsedAt > this.policy.inactivityExpiryMs) return { failure: 'invalid' };
    if (refreshToken !== family.current) {
      const rotatedAt = family.rotated.get(refreshToken);
      if (rotatedAt === undefined) return { failure: 'invalid' };
      if (now - rotatedAt > this.policy.reuseIntervalMs) return { failure: 'reused' };
    }
    family.rotated.set(family.current, now);
    const next = opaque('eyJraWQiOiJyZWZyZXNoIn0');
    family.current = next;
    family.lastUsedAt = now;
    this.familiesByToken.set(next, family);
    const access = this.mintAccess(family);
    return { access_token: access.token, expires_in: Math.round(this.policy.accessTokenTtlMs / 1000), token_type: 'Bearer', scope: family.scopes.join(' '), refresh_token: next };
  }

  /** The live access token, or undefined when unknown or expired. */
  lookupAccess(token: string): AccessToken | undefined {
    const record = this.accessTokens.get(token);
    if (!record || record.expiresAt <= this.clock.now()) return undefined;
    return record;
  }

  /** Expires every access token now (fault injection: "expired access tokens"). */
  expireAllAccessTokens(): number {
    const now = this.clock.now();
    for (const record of this.accessTokens.values()) record.expiresAt = Math.min(record.expiresAt, now);
    return this.accessTokens.size;
  }

  /** Revokes every refresh family of an account (e.g. password change / app removal). */
  revokeAccount(accountId: string): void {
    for (const family of this.familiesByToken.values()) if (family.accountId === accountId) family.revoked = true;
  }

  private mintAccess(subject: { clientId: string; accountId: string; scopes: string[]; cloudIds: string[] }): AccessToken {
    const record: AccessToken = { token: opaque('eyJhbGciOiJIUzI1NiJ9'), clientId: subject.clientId, accountId: subject.accountId, scopes: [...subject.scopes], cloudIds: [...subject.cloudIds], expiresAt: this.clock.now() + this.policy.accessTokenTtlMs };
    this.accessTokens.set(record.token, record);
    return record;
  }
}
