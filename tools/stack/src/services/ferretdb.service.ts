import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { MongoClient } from 'mongodb';
import { startDetached } from '../processes.js';
import { requireTool, runBuildStep } from '../toolchain.js';
import { serviceFiles, type ServiceContext, type StackService } from './service.js';

// The last FerretDB v1 release: a standalone server with an embedded SQLite backend (v2 needs PostgreSQL + DocumentDB).
const FERRETDB_VERSION = '1.24.2';
const PORT = 27017;

/** The launcher's sources decide the build: a change to them (or to the FerretDB version) builds a new binary. */
function sourceDir(ctx: ServiceContext): string {
  return join(ctx.paths.repoRoot, 'tools', 'stack', 'ferretdb');
}

function binaryPath(ctx: ServiceContext): string {
  const digest = createHash('sha256');
  for (const file of ['go.mod', 'go.sum', 'main.go']) digest.update(readFileSync(join(sourceDir(ctx), file)));
  return join(ctx.paths.cacheDir, `ferretdb-${FERRETDB_VERSION}-${digest.digest('hex').slice(0, 12)}`, 'bin', 'ferretdb-local');
}

export const ferretdbService: StackService = {
  name: 'ferretdb',
  version: FERRETDB_VERSION,
  ports: [PORT],
  readyTimeoutMs: 30_000,
  endpoints: () => [{ label: 'MongoDB wire protocol', url: `mongodb://127.0.0.1:${PORT}` }],
  process: (ctx) => ({ pidFile: serviceFiles(ctx, 'ferretdb').pidFile, commandMarker: 'ferretdb-local' }),

  async ensureBuilt(ctx) {
    const target = binaryPath(ctx);
    if (existsSync(target)) return;
    requireTool('go');
    ctx.log(`building FerretDB ${FERRETDB_VERSION} from Go modules (first run only, a few minutes)`);
    const staged = `${target}.staging`;
    mkdirSync(dirname(target), { recursive: true });
    await runBuildStep('go build of the FerretDB launcher', 'go', ['build', '-mod=readonly', '-trimpath', '-o', staged, '.'], {
      cwd: sourceDir(ctx),
      logFile: join(ctx.paths.cacheDir, 'build-logs', 'ferretdb.log'),
      env: { GOTOOLCHAIN: 'local', CGO_ENABLED: '0' },
    });
    renameSync(staged, target);
  },

  async start(ctx) {
    const files = serviceFiles(ctx, 'ferretdb');
    const sqliteDir = join(files.dataDir, 'sqlite');
    mkdirSync(sqliteDir, { recursive: true });
    const args = [`--sqlite-url=file:${sqliteDir}/`, `--listen-addr=127.0.0.1:${PORT}`, '--log-level=warn'];
    return startDetached(this.process(ctx), binaryPath(ctx), args, {
      logFile: files.logFile,
      cwd: files.dataDir,
      env: { DO_NOT_TRACK: '1' },
    });
  },

  async isReady() {
    const client = new MongoClient(`mongodb://127.0.0.1:${PORT}`, { serverSelectionTimeoutMS: 2_000, directConnection: true });
    try {
      await client.connect();
      const reply = await client.db('admin').command({ ping: 1 });
      return reply['ok'] === 1;
    } finally {
      await client.close().catch(() => undefined);
    }
  },
};
