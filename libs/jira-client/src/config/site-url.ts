import { JiraConfigurationError } from '../errors/jira-local-errors.js';

export interface SiteUrlOptions {
  /** Accept http://127.0.0.1:PORT, http://localhost:PORT and http://[::1]:PORT (simulators, tests). Off by default. */
  allowInsecureLoopback?: boolean;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
const EXAMPLE = 'https://your-site.atlassian.net';

/**
 * Checks a Jira Cloud site URL against the troubleshooting rules (https, *.atlassian.net, no path such as /jira or
 * /browse, no trailing slash) and returns it normalised. The error names every failed rule and the corrected value.
 */
export function validateSiteUrl(input: string, options: SiteUrlOptions = {}): string {
  const raw = input.trim();
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new JiraConfigurationError(`Site URL '${raw}' is not a URL. Use your Jira Cloud address, e.g. ${EXAMPLE}.`);
  }
  if (url.username || url.password) {
    url.username = '';
    url.password = '';
  }
  const shown = url.username === '' && raw.includes('@') ? url.href : raw;
  const loopback = options.allowInsecureLoopback === true && LOOPBACK_HOSTS.has(url.hostname);
  const failures: string[] = [];
  if (shown !== raw) failures.push('it must not contain a user name or password');
  if (!loopback && url.protocol !== 'https:') failures.push('it must use https');
  if (loopback && url.protocol !== 'http:' && url.protocol !== 'https:') failures.push('it must use http or https');
  if (!loopback && !url.hostname.endsWith('.atlassian.net')) {
    failures.push('the host must be your *.atlassian.net site (custom domains and Jira Data Center are not supported)');
  }
  const path = url.pathname.replace(/\/+$/, '');
  if (path !== '') failures.push(`it must not have a path such as '${path}' (drop /jira, /browse/... and the like)`);
  if (url.search || url.hash) failures.push('it must not have a query string or fragment');
  if (path === '' && raw.endsWith('/')) failures.push('it must not end with a slash');
  const protocol = loopback ? url.protocol : 'https:';
  const corrected = `${protocol}//${url.host}`;
  if (failures.length > 0) {
    const fix = loopback || url.hostname.endsWith('.atlassian.net') ? `Use ${corrected}.` : `Use your site address, e.g. ${EXAMPLE}.`;
    throw new JiraConfigurationError(`Site URL '${shown}' is invalid: ${failures.join('; ')}. ${fix}`);
  }
  return corrected;
}

/** Compares two site URLs by origin, ignoring case and a trailing slash (for matching accessible-resources). */
export function isSameSite(a: string, b: string): boolean {
  try {
    return new URL(a).origin.toLowerCase() === new URL(b).origin.toLowerCase();
  } catch {
    return false;
  }
}
