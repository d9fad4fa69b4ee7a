import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSimulator, type JiraSimulator } from '@jira-sync/jira-sim';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiHarness, type ApiHarness } from './testing/api-harness.test-support.js';

// Debian's chromium package (CI installs it: tools/stack/bin/ensure-deps.mjs); CHROMIUM_PATH points elsewhere.
const executablePath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const available = existsSync(executablePath);
const requiredHere = process.env['CI'] === 'true';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

if (!available && !requiredHere) {
  console.warn(`oauth-browser: skipped, no Chromium at ${executablePath} (apt-get install chromium, or set CHROMIUM_PATH); CI=true runs it`);
}

describe.skipIf(!available && !requiredHere)('the OAuth flow in a real browser', () => {
  let sim: JiraSimulator;
  let api: ApiHarness;
  let browser: BrowserContext;
  let userDataDir: string;
  let key: string;

  beforeAll(async () => {
    if (!available) throw new Error(`CI=true needs Chromium at ${executablePath}: install the Debian packages chromium and chromium-driver`);
    sim = await startSimulator({ preset: 'demo', seed: 2, searchLagMs: 0, switches: { consentPage: true } });
    api = await startApiHarness({ oauth: { authBaseUrl: sim.authUrl, apiGatewayUrl: sim.apiGatewayUrl } });
    sim.control.oauth.configureClient({ redirectUris: [`${api.apiUrl}/oauth/callback`] });
    key = (await api.caller(api.adminKey).tenants.create({ tenantId: 'browser', name: 'Browser' })).apiKey.key;
    // A fresh profile each run, so nothing of an earlier run (cookies, cache) takes part.
    userDataDir = await mkdtemp(join(tmpdir(), 'jira-sync-chromium-'));
    browser = await chromium.launchPersistentContext(userDataDir, { executablePath, headless: true, args: FLAGS, timeout: 60_000 });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    if (userDataDir) await rm(userDataDir, { recursive: true, force: true });
    await api?.stop();
    await sim?.stop();
  });

  it("goes from oauth.start through the simulator's consent page to the callback page, and the connector is authorized", async () => {
    const { clientId, clientSecret } = sim.credentials.oauthClient;
    const connectorId = 'browser-oauth';
    await api.client(key).connectors.create.mutate({
      connectorId,
      siteUrl: sim.sites[0]!.siteUrl,
      auth: { method: 'oauth', clientId, clientSecret, redirectUrl: `${api.apiUrl}/oauth/callback` },
    });
    const { authorizationUrl } = await api.client(key).oauth.start.mutate({ connectorId });

    const page = await browser.newPage();
    await page.goto(authorizationUrl);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Allow access?');
    await Promise.all([page.waitForURL((url) => url.pathname === '/oauth/callback'), page.getByRole('button', { name: 'Accept' }).click()]);

    expect(await page.locator('h1').textContent()).toBe('Jira connected');
    const text = await page.locator('body').innerText();
    expect(text).toContain(`The connector ${connectorId} is authorized for`);
    expect(text).toContain(sim.sites[0]!.siteUrl);
    expect(await api.client(key).connectors.get.query({ connectorId })).toMatchObject({ authStatus: 'authorized' });
    const stored = (await api.deps.connectors.getSealedCredentials('browser', connectorId))!.credentials;
    expect(stored).toMatchObject({ method: 'oauth', cloudId: sim.sites[0]!.cloudId });
    const html = await page.content();
    if (stored.method === 'oauth') for (const secret of [stored.accessToken, stored.refreshToken, stored.clientSecret]) expect(html).not.toContain(secret);

    // Back and reload: the used state cannot authorize again.
    await page.reload();
    expect(await page.locator('h1').textContent()).toBe('Jira not connected');
    expect(await page.locator('body').innerText()).toContain('already used');
  }, 120_000);
});
