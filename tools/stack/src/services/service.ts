import { join } from 'node:path';
import type { ManagedProcess } from '../processes.js';
import type { StackPaths } from '../paths.js';

export interface ServiceContext {
  readonly paths: StackPaths;
  readonly log: (message: string) => void;
}

/** One real server the stack builds, starts and checks. */
export interface StackService {
  readonly name: string;
  readonly version: string;
  /** Ports the server must own; a port held by a process we did not start is an error, not a hang. */
  readonly ports: readonly number[];
  readonly readyTimeoutMs: number;
  /** Where clients reach it, printed by `up` and `status`. */
  endpoints(): Array<{ label: string; url: string }>;
  process(ctx: ServiceContext): ManagedProcess;
  /** Builds into the cache when the cached build for this version is missing; a no-op otherwise. */
  ensureBuilt(ctx: ServiceContext): Promise<void>;
  /** Starts the server detached and returns its pid. */
  start(ctx: ServiceContext): Promise<number>;
  /** One bounded readiness probe. */
  isReady(ctx: ServiceContext): Promise<boolean>;
}

/** Per-service file locations under the state folder. */
export function serviceFiles(ctx: ServiceContext, name: string): { pidFile: string; logFile: string; dataDir: string } {
  return {
    pidFile: join(ctx.paths.stateDir, 'run', `${name}.pid`),
    logFile: join(ctx.paths.stateDir, 'logs', `${name}.log`),
    dataDir: join(ctx.paths.stateDir, 'data', name),
  };
}
