import { join } from 'node:path';
import { startSimulator } from '@jira-sync/jira-sim';
import { createApiClient } from './api-client.js';
import { startApps } from './app-processes.js';
import { findFreePort, isPortFree } from './free-port.js';
import { tourJira } from './jira-tour.js';

/**
 * The seeded demo: with the stack up (npm run demo does that first), start the Jira simulator (preset demo, seed 1)
 * and the three apps as real processes, read the simulated site through libs/jira-client and libs/adf, drive the api
 * like an operator would, print what happened, and stop everything the demo started. The servers keep running
 * so the Temporal UI still shows the workflows afterwards; `npm run stack:down` stops them.
 */
async function main(): Promise<void> {
  const logDir = join(process.cwd(), '.stack', 'logs', 'demo');
  // Port 3000 is where the Temporal UI's codec endpoint points (tools/stack); any free port works otherwise.
  const apiPort = Number(process.env['API_PORT'] ?? ((await isPortFree(3000)) ? 3000 : await findFreePort()));
  const sim = await startSimulator({ preset: 'demo', seed: 1 });
  console.log(`demo: Jira simulator (preset demo, seed 1) serving ${sim.sites.map((site) => `${site.name} at ${site.siteUrl}`).join(', ')}`);
  console.log('demo: starting api, worker and index ...');
  const apps = await startApps({ env: { LOG_LEVEL: 'info' }, apiPort, logDir }).catch(async (error: unknown) => {
    await sim.stop();
    throw error;
  });
  try {
    const tour = await tourJira(sim);
    console.log(`demo: read ${tour.siteUrl} as ${tour.apiUser.email} (profile time zone ${tour.apiUser.timeZone ?? 'unset'}):`);
    console.log(`      ${tour.users} users (${tour.usersWithHiddenEmail} with hidden email), projects ${tour.projects.join(', ')}, ${tour.issues} visible issues`);
    if (tour.sample) {
      console.log(`demo: ${tour.sample.key} "${tour.sample.summary}" as Markdown (${tour.sample.mentions} mentions, ${tour.sample.mediaIds} inline media):`);
      console.log(tour.sample.markdownPreview.replace(/^/gm, '      | '));
    }
    const api = createApiClient(apps.apiUrl);
    console.log(`demo: api at ${apps.apiUrl}, health ${JSON.stringify(await api.health.check.query())}`);
    console.log('demo: running the smoke workflow (api -> Temporal -> worker -> Kafka -> index -> MongoDB) ...');
    const outcome = await api.smoke.run.mutate({ message: 'Hello from the jira-sync demo', tenantId: 'demo' });
    console.log(`demo: workflow ${outcome.workflowId} published to ${outcome.published.topic}[${outcome.published.partition}]@${outcome.published.offset}`);
    if (!outcome.stored) throw new Error('the index app did not store the event in time; read the index log in ' + logDir);
    console.log('demo: document stored in MongoDB (collection smoke_events):');
    console.log(JSON.stringify(outcome.stored, null, 2));
    console.log(`demo: see the workflow in the Temporal UI: ${outcome.temporalUiUrl}`);
    console.log(`demo: app logs in ${logDir}; stop the servers with 'npm run stack:down'`);
  } finally {
    await apps.stop();
    await sim.stop();
  }
}

main().catch((error: unknown) => {
  console.error(`demo failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
