import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { startSimulator } from '@jira-sync/jira-sim';
import { startApps } from './app-processes.js';
import { findFreePort, isPortFree } from './free-port.js';
import { printSummary } from './print-summary.js';
import { runDemo } from './real-demo.js';

/**
 * The seeded demo: with the stack up (npm run demo does that first), start the Jira simulator (preset demo, seed 1)
 * and the three apps as real processes, then, through the tRPC api only, create a tenant and a connector, run a
 * full sync with live progress and print what was stored and who may read it. Everything the demo started stops at
 * the end; the servers keep running so the Temporal UI still shows the run (`npm run stack:down` stops them).
 */
async function main(): Promise<void> {
  const logDir = join(process.cwd(), '.stack', 'logs', 'demo');
  const apiPort = Number(process.env['API_PORT'] ?? ((await isPortFree(3000)) ? 3000 : await findFreePort()));
  // Port 3001 is where the Temporal UI's codec endpoint points (tools/stack); if it is taken, the UI uses that one.
  const codecPort = (await isPortFree(3001)) ? '3001' : '0';
  const sim = await startSimulator({ preset: 'demo', seed: 1 });
  console.log(`demo: Jira simulator (preset demo, seed 1) serving ${sim.sites.map((site) => `${site.name} at ${site.siteUrl}`).join(', ')}`);
  console.log('demo: starting api, worker and index ...');
  // A fresh administrator key for this run only: it creates the demo's tenant and its API key.
  const adminKey = randomBytes(32).toString('base64url');
  const apps = await startApps({ env: { LOG_LEVEL: 'info', API_ADMIN_KEY: adminKey, CODEC_PORT: codecPort }, apiPort, logDir }).catch(async (error: unknown) => {
    await sim.stop();
    throw error;
  });
  try {
    console.log(`demo: api at ${apps.apiUrl}; creating a tenant and an API-token connector, then a full sync ...`);
    const summary = await runDemo({ apiUrl: apps.apiUrl, adminKey, sim, onProgress: (line) => console.log(`demo: ${line}`) });
    printSummary(summary, console.log);
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
