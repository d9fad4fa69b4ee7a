import { describe, expect, it } from 'vitest';
import { JiraConfigurationError } from '../errors/jira-local-errors.js';
import { isSameSite, validateSiteUrl } from './site-url.js';

function failure(input: string, options = {}): string {
  try {
    validateSiteUrl(input, options);
  } catch (error) {
    expect(error).toBeInstanceOf(JiraConfigurationError);
    return (error as Error).message;
  }
  throw new Error(`expected '${input}' to be rejected`);
}

describe('validateSiteUrl', () => {
  it('accepts a bare https atlassian.net origin unchanged', () => {
    expect(validateSiteUrl('https://acme.atlassian.net')).toBe('https://acme.atlassian.net');
  });

  it('rejects http and names the https rule and the corrected URL', () => {
    const message = failure('http://acme.atlassian.net');
    expect(message).toContain('must use https');
    expect(message).toContain('Use https://acme.atlassian.net.');
  });

  it('rejects a trailing slash and gives the value without it', () => {
    const message = failure('https://acme.atlassian.net/');
    expect(message).toContain('must not end with a slash');
    expect(message).toContain('Use https://acme.atlassian.net.');
  });

  it('rejects /jira and /browse paths and gives the origin', () => {
    expect(failure('https://acme.atlassian.net/jira')).toMatch(/must not have a path such as '\/jira'.*Use https:\/\/acme\.atlassian\.net\./);
    expect(failure('https://acme.atlassian.net/browse/ABC-1')).toContain("'/browse/ABC-1'");
  });

  it('rejects hosts outside atlassian.net with an example of the expected form', () => {
    const message = failure('https://jira.acme.com');
    expect(message).toContain('*.atlassian.net');
    expect(message).toContain('https://your-site.atlassian.net');
  });

  it('refuses loopback http unless explicitly allowed', () => {
    expect(failure('http://127.0.0.1:4123')).toContain('must use https');
    expect(validateSiteUrl('http://127.0.0.1:4123', { allowInsecureLoopback: true })).toBe('http://127.0.0.1:4123');
    expect(validateSiteUrl('http://localhost:4123', { allowInsecureLoopback: true })).toBe('http://localhost:4123');
  });

  it('never echoes a password embedded in the URL', () => {
    const message = failure('https://me:s3cret@acme.atlassian.net');
    expect(message).not.toContain('s3cret');
    expect(message).toContain('user name or password');
  });

  it('rejects text that is not a URL', () => {
    expect(failure('acme')).toContain('is not a URL');
  });
});

describe('isSameSite', () => {
  it('matches origins regardless of case and trailing slash', () => {
    expect(isSameSite('https://ACME.atlassian.net/', 'https://acme.atlassian.net')).toBe(true);
    expect(isSameSite('https://acme.atlassian.net', 'https://other.atlassian.net')).toBe(false);
  });
});
