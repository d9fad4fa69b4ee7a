import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { startDetached } from '../processes.js';
import { requireTool, runBuildStep } from '../toolchain.js';
import { serviceFiles, type ServiceContext, type StackService } from './service.js';

// v1.5.1 is the newest Temporal CLI whose go.mod has no replace directives, so `go install` can build it.
const CLI_VERSION = '1.5.1';
const FRONTEND_PORT = 7233;
const UI_PORT = 8233;
/** The api's codec endpoint listens on a port of its own (apps/api CODEC_PORT). */
const CODEC_DEFAULT_PORT = 3001;
/** Search attributes the sync sets on its workflows, so the Temporal UI can find a sync by tenant and connector. */
export const SEARCH_ATTRIBUTES = ['TenantId=Keyword', 'ConnectorId=Keyword', 'SyncMode=Keyword', 'SyncStatus=Keyword'] as const;

function binaryPath(ctx: ServiceContext): string {
  return join(ctx.paths.cacheDir, `temporal-cli-${CLI_VERSION}`, 'bin', 'temporal');
}

export const temporalService: StackService = {
  name: 'temporal',
  version: CLI_VERSION,
  ports: [FRONTEND_PORT, UI_PORT],
  readyTimeoutMs: 90_000,
  endpoints: () => [
    { label: 'frontend (gRPC)', url: `127.0.0.1:${FRONTEND_PORT}` },
    { label: 'Web UI', url: `http://127.0.0.1:${UI_PORT}` },
  ],
  process: (ctx) => ({ pidFile: serviceFiles(ctx, 'temporal').pidFile, commandMarker: 'start-dev' }),

  async ensureBuilt(ctx) {
    const target = binaryPath(ctx);
    if (existsSync(target)) return;
    requireTool('go');
    ctx.log(`building Temporal CLI ${CLI_VERSION} from Go modules (first run only, several minutes)`);
    const staging = join(ctx.paths.cacheDir, `temporal-cli-${CLI_VERSION}`, 'staging');
    mkdirSync(staging, { recursive: true });
    await runBuildStep(
      'go install of the Temporal CLI',
      'go',
      [
        'install',
        '-trimpath',
        '-ldflags',
        `-s -w -X github.com/temporalio/cli/temporalcli.Version=${CLI_VERSION}`,
        `github.com/temporalio/cli/cmd/temporal@v${CLI_VERSION}`,
      ],
      {
        cwd: staging,
        logFile: join(ctx.paths.cacheDir, 'build-logs', 'temporal.log'),
        env: { GOBIN: staging, GOTOOLCHAIN: 'local', CGO_ENABLED: '0' },
      },
    );
    mkdirSync(join(target, '..'), { recursive: true });
    renameSync(join(staging, 'temporal'), target);
  },

  async start(ctx) {
    const files = serviceFiles(ctx, 'temporal');
    mkdirSync(files.dataDir, { recursive: true });
    const args = [
      'server', 'start-dev',
      '--ip', '127.0.0.1',
      '--port', String(FRONTEND_PORT),
      '--ui-port', String(UI_PORT),
      '--db-filename', join(files.dataDir, 'temporal.db'),
      '--namespace', 'default',
      '--log-level', 'warn',
      '--dynamic-config-value', 'frontend.enableServerVersionCheck=false',
      // The api serves Temporal's codec protocol (decode only) on its own listener, so the UI can show sealed payloads.
      '--ui-codec-endpoint', `http://127.0.0.1:${CODEC_DEFAULT_PORT}/codec`,
      ...SEARCH_ATTRIBUTES.flatMap((attribute) => ['--search-attribute', attribute]),
    ];
    return startDetached(this.process(ctx), binaryPath(ctx), args, { logFile: files.logFile, cwd: files.dataDir });
  },

  async isReady(ctx) {
    const probe = spawnSync(
      binaryPath(ctx),
      ['operator', 'cluster', 'health', '--address', `127.0.0.1:${FRONTEND_PORT}`, '--command-timeout', '3s'],
      { encoding: 'utf8', timeout: 5_000 },
    );
    return probe.status === 0 && probe.stdout.includes('SERVING');
  },
};
