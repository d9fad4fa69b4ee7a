import { setTimeout as sleep } from 'node:timers/promises';
import type { TSyncProgress } from '@jira-sync/contracts';
import { MultiBar, Presets, type SingleBar } from 'cli-progress';
import type { ApiClient } from './client.js';
import { CliError, EXIT, type TExitCode } from './exit-codes.js';
import type { CliIo } from './output.js';

type TSyncStatusView = Awaited<ReturnType<ApiClient['sync']['status']['query']>>;

export interface FollowOptions {
  connectorId: string;
  /** Whether to draw bars (a terminal) or print a line per change (a pipe, a log). */
  bars: boolean;
  pollMs?: number;
  /** Stops following (not the sync) when aborted, e.g. on Ctrl-C. */
  signal?: AbortSignal;
}

/** One line per step and project, so a pipe or CI log shows each change once. */
export function progressLines(progress: TSyncProgress): string[] {
  const steps = progress.steps.map((step) => `step ${step.step}: ${step.status}${step.count > 0 ? ` (${step.count})` : ''}`);
  const projects = progress.projects.map((project) => `project ${project.projectKey}: ${project.status}, ${project.issuesDone}/${project.issuesEstimated || '?'} issues`);
  return [...steps, ...projects, ...progress.errors.map((error) => `error: ${error}`)];
}

/** The exit status a finished sync means: only a completed one is 0. */
export function exitCodeOf(status: TSyncStatusView): TExitCode {
  if (status.state === 'completed' && status.result?.status === 'completed') return EXIT.ok;
  return EXIT.syncNotCompleted;
}

class BarView {
  private readonly multi: MultiBar;
  private readonly bars = new Map<string, SingleBar>();

  constructor() {
    this.multi = new MultiBar({ format: ' {label} |{bar}| {value}/{total} {detail}', hideCursor: true, clearOnComplete: false, forceRedraw: true }, Presets.shades_grey);
  }

  update(progress: TSyncProgress): void {
    for (const step of progress.steps) this.set(`step:${step.step}`, step.step.padEnd(16), step.status === 'completed' ? 1 : 0, 1, `${step.status}${step.count > 0 ? ` ${step.count}` : ''}`);
    for (const project of progress.projects) {
      const total = Math.max(project.issuesEstimated, project.issuesDone, 1);
      this.set(`project:${project.projectKey}`, `  ${project.projectKey}`.padEnd(16), project.issuesDone, total, project.status);
    }
  }

  stop(): void {
    this.multi.stop();
  }

  private set(key: string, label: string, value: number, total: number, detail: string): void {
    const bar = this.bars.get(key);
    if (bar) {
      bar.setTotal(total);
      bar.update(value, { label, detail });
    } else this.bars.set(key, this.multi.create(total, value, { label, detail }));
  }
}

/** Polls the sync's status (the workflow's progress query) until the run ends, drawing its progress. */
export async function followSync(api: ApiClient, io: CliIo, options: FollowOptions): Promise<TSyncStatusView> {
  const view = options.bars ? new BarView() : undefined;
  const printed = new Set<string>();
  try {
    for (;;) {
      const status = await api.sync.status.query({ connectorId: options.connectorId });
      if (status.state !== 'running') return status;
      if (status.progress) {
        if (view) view.update(status.progress);
        else {
          for (const line of progressLines(status.progress)) {
            if (printed.has(line)) continue;
            printed.add(line);
            io.out(line);
          }
        }
      } else if (status.error && !printed.has(status.error)) {
        printed.add(status.error);
        io.err(status.error);
      }
      try {
        await sleep(options.pollMs ?? 1_000, undefined, { signal: options.signal });
      } catch {
        throw new CliError(`stopped following; the sync goes on (see: jira-sync sync status ${options.connectorId})`, EXIT.unexpected);
      }
    }
  } finally {
    view?.stop();
  }
}
