/** `jira-sim serve --preset demo --port 8080 [--seed N] [--search-lag-ms N] [--legacy-search] [--consent-page] [--scenario production]` */
import { parseArgs } from 'node:util';
import { presetByName, type PresetName } from './generator/presets.js';
import { scenarioByName, type ScenarioName } from './scenarios/scenarios.js';
import { startSimulator } from './simulator/start-simulator.js';

const USAGE = 'Usage: jira-sim serve [--preset demo|small|medium|large] [--port 8080] [--seed 1] [--host 127.0.0.1] [--search-lag-ms 2000] [--legacy-search] [--consent-page] [--scenario default|production]';

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      preset: { type: 'string', default: 'demo' },
      port: { type: 'string', default: '0' },
      seed: { type: 'string', default: '1' },
      host: { type: 'string', default: '127.0.0.1' },
      'search-lag-ms': { type: 'string' },
      'legacy-search': { type: 'boolean', default: false },
      'consent-page': { type: 'boolean', default: false },
      scenario: { type: 'string', default: 'default' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help || positionals[0] !== 'serve') {
    console.log(USAGE);
    process.exitCode = values.help ? 0 : 1;
    return;
  }
  const spec = presetByName(values.preset);
  const started = Date.now();
  const sim = await startSimulator({
    preset: values.preset as PresetName,
    seed: Number(values.seed),
    host: values.host,
    port: Number(values.port),
    scenario: values.scenario as ScenarioName,
    // The scenario's own lag (hours in production) wins over the preset's serve default.
    searchLagMs: values['search-lag-ms'] !== undefined ? Number(values['search-lag-ms']) : (scenarioByName(values.scenario).searchLagMs ?? spec.serveSearchLagMs),
    legacySearch: values['legacy-search'],
    switches: { consentPage: values['consent-page'] },
  });
  const { apiUser, admin, oauthClient, oauthUser } = sim.credentials;
  const lines = [
    `jira-sim: preset ${values.preset}, scenario ${values.scenario}, seed ${values.seed}, ready in ${Date.now() - started} ms`,
    ...sim.sites.map((site) => `  site ${site.name.padEnd(10)} ${site.siteUrl}  (cloudId ${site.cloudId})  REST: ${site.siteUrl}/rest/api/3/  control: ${site.siteUrl}/__sim/`),
    `  API gateway  ${sim.apiGatewayUrl}   (/ex/jira/{cloudId}/rest/api/3/..., /oauth/token/accessible-resources, /me)`,
    `  auth server  ${sim.authUrl}   (/authorize, /oauth/token)`,
    `  media host   ${sim.mediaUrl}`,
    'Credentials:',
    `  API user     ${apiUser.email} / ${apiUser.apiToken}  (accountId ${apiUser.accountId}, ${apiUser.timeZone})`,
    `  admin        ${admin.email} / ${admin.apiToken}  (accountId ${admin.accountId}, ${admin.timeZone})`,
    `  OAuth client ${oauthClient.clientId} / ${oauthClient.clientSecret}  redirect ${oauthClient.redirectUri}`,
    `               scopes ${oauthClient.scopes.join(' ')}`,
    `  OAuth user   ${oauthUser.email} (accountId ${oauthUser.accountId}) consents automatically`,
  ];
  console.log(lines.join('\n'));
  const stop = (): void => {
    void sim.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
