import { Command, CommanderError, Option } from 'commander';
import { createApiClient, type ApiClient } from './client.js';
import { CliError, describeFailure, EXIT } from './exit-codes.js';
import { exitCodeOf, followSync } from './follow.js';
import { integer, indexingFiltersOf, isoTime, projectKeys, syncFiltersOf, type TFilterFlags } from './options.js';
import { cell, details, emit, processIo, table, type CliIo } from './output.js';

const DEFAULT_API_URL = 'http://127.0.0.1:3000';

interface TGlobalFlags {
  apiUrl: string;
  apiKey?: string;
  json: boolean;
}

export interface RunOptions {
  io?: CliIo;
  /** Builds the api client; tests may point it elsewhere. */
  client?: (apiUrl: string, key: string | undefined) => ApiClient;
  pollMs?: number;
}

/** A secret read from the environment variable a flag names, so it never sits in the shell history or `ps`. */
function secretFrom(io: CliIo, variable: string, what: string): string {
  const value = io.env[variable];
  if (!value) throw new CliError(`${what}: set the environment variable ${variable} (the command reads it from there, never from a flag)`, EXIT.usage);
  return value;
}

function addFilterOptions(command: Command): Command {
  return command
    .option('--projects-in <keys>', 'sync only these project keys (comma separated)', projectKeys)
    .option('--projects-not-in <keys>', 'sync every project but these keys (comma separated)', projectKeys)
    .option('--created-after <time>', 'issues created at or after this ISO 8601 date or time', isoTime)
    .option('--created-before <time>', 'issues created before this time', isoTime)
    .option('--modified-after <time>', 'issues updated at or after this time', isoTime)
    .option('--modified-before <time>', 'issues updated before this time', isoTime)
    .option('--index-issues', 'mark issues for indexing (the default)')
    .option('--no-index-issues', 'store issues but do not mark them for indexing')
    .option('--index-attachments', 'mark attachments for indexing (the default)')
    .option('--no-index-attachments', 'store attachment metadata but do not mark attachments for indexing');
}

/** Builds the command tree; every action resolves to the exit status it means. */
function buildProgram(io: CliIo, options: RunOptions, setExit: (code: number) => void): Command {
  const program = new Command('jira-sync')
    .description('Operate jira-sync through its api: tenants, keys, connectors, syncs and records.')
    .addOption(new Option('--api-url <url>', 'the api (tRPC over HTTP)').env('JIRA_SYNC_API_URL').default(DEFAULT_API_URL))
    .addOption(new Option('--api-key <key>', "your tenant's API key (tenants create takes the admin key)").env('JIRA_SYNC_API_KEY'))
    .option('--json', 'print JSON for scripts instead of tables', false)
    .showHelpAfterError('(run with --help for the commands and their options)')
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.out(text), writeErr: (text) => io.err(text) });

  const flags = (command: Command) => command.optsWithGlobals<TGlobalFlags>();
  const api = (command: Command) => {
    const { apiUrl, apiKey } = flags(command);
    return (options.client ?? createApiClient)(apiUrl, apiKey ?? io.env['JIRA_SYNC_API_KEY']);
  };

  const tenants = program.command('tenants').description('tenants (with the admin key)');
  tenants
    .command('create <tenantId>')
    .description("create a tenant and its first API key (the key is printed once: keep it)")
    .requiredOption('--name <name>', "the tenant's display name")
    .action(async (tenantId: string, opts: { name: string }, command: Command) => {
      const created = await api(command).tenants.create.mutate({ tenantId, name: opts.name });
      emit(io, flags(command).json, created, () => details([['tenant', created.tenant.tenantId], ['name', created.tenant.name], ['api key', created.apiKey.key], ['key id', created.apiKey.keyId]]));
      if (!flags(command).json) io.err('the API key is shown this once; store it now (export JIRA_SYNC_API_KEY=...)');
    });

  const keys = program.command('keys').description("your tenant's API keys");
  keys
    .command('issue <name>')
    .description('issue another API key (printed once)')
    .action(async (name: string, _opts: unknown, command: Command) => {
      const issued = await api(command).apiKeys.issue.mutate({ name });
      emit(io, flags(command).json, issued, () => details([['key id', issued.keyId], ['name', issued.name], ['api key', issued.key]]));
    });
  keys
    .command('list')
    .description('list API keys (ids and names, never the keys)')
    .action(async (_opts: unknown, command: Command) => {
      const listed = await api(command).apiKeys.list.query();
      emit(io, flags(command).json, listed, () => table(['key id', 'name', 'created', 'revoked'], listed.map((key) => [key.keyId, key.name, key.createdAt, key.revokedAt])));
    });
  keys
    .command('revoke <keyId>')
    .description('revoke an API key at once')
    .action(async (keyId: string, _opts: unknown, command: Command) => {
      const revoked = await api(command).apiKeys.revoke.mutate({ keyId });
      emit(io, flags(command).json, revoked, () => `revoked ${revoked.keyId}`);
    });

  const connectors = program.command('connectors').description('connector instances (a Jira site each)');
  connectors
    .command('list')
    .action(async (_opts: unknown, command: Command) => {
      const listed = await api(command).connectors.list.query();
      emit(io, flags(command).json, listed, () => table(['connector', 'name', 'site', 'auth'], listed.map((c) => [c.connectorId, c.name, c.siteUrl, c.authMethod])));
    });
  connectors
    .command('get <connectorId>')
    .action(async (connectorId: string, _opts: unknown, command: Command) => {
      const c = await api(command).connectors.get.query({ connectorId });
      emit(io, flags(command).json, c, () =>
        details([
          ['connector', c.connectorId],
          ['name', c.name],
          ['site', c.siteUrl],
          ['auth', c.authMethod],
          ['sync filters', c.syncFilters],
          ['indexing', c.indexingFilters],
          ['attachment cap', c.attachmentMaxBytes],
          ['project concurrency', c.projectConcurrency],
        ]),
      );
    });
  addFilterOptions(
    connectors
      .command('create <connectorId>')
      .description('create a connector; the API token is read from $JIRA_API_TOKEN (or the variable --api-token-env names)')
      .requiredOption('--site-url <url>', 'the Jira Cloud site, e.g. https://your-site.atlassian.net')
      .option('--email <email>', 'the Atlassian account the API token belongs to')
      .option('--api-token-env <variable>', 'the environment variable holding the API token', 'JIRA_API_TOKEN')
      .option('--oauth', 'OAuth 2.0 (3LO) instead of an API token: give --client-id and --redirect-url, the secret in $JIRA_OAUTH_CLIENT_SECRET')
      .option('--client-id <id>', 'the OAuth app client id')
      .option('--client-secret-env <variable>', 'the environment variable holding the OAuth client secret', 'JIRA_OAUTH_CLIENT_SECRET')
      .option('--redirect-url <url>', 'the callback URL registered for the OAuth app')
      .option('--name <name>', 'a display name')
      .option('--attachment-max-bytes <bytes>', 'attachments larger than this keep metadata only', integer(1, 1024 * 1024 * 1024)),
  ).action(async (connectorId: string, opts: TFilterFlags & Record<string, string | boolean | number | undefined>, command: Command) => {
    const auth = opts['oauth']
      ? {
          method: 'oauth' as const,
          clientId: String(opts['clientId'] ?? ''),
          clientSecret: secretFrom(io, String(opts['clientSecretEnv']), 'the OAuth client secret'),
          redirectUrl: String(opts['redirectUrl'] ?? ''),
        }
      : {
          method: 'api_token' as const,
          email: String(opts['email'] ?? ''),
          apiToken: secretFrom(io, String(opts['apiTokenEnv']), 'the API token'),
        };
    if (auth.method === 'api_token' && !auth.email) throw new CliError('give --email: the Atlassian account the API token belongs to', EXIT.usage);
    const created = await api(command).connectors.create.mutate({
      connectorId,
      siteUrl: String(opts['siteUrl']),
      auth,
      ...(opts['name'] ? { name: String(opts['name']) } : {}),
      ...(opts['attachmentMaxBytes'] ? { attachmentMaxBytes: Number(opts['attachmentMaxBytes']) } : {}),
      ...(syncFiltersOf(opts) ? { syncFilters: syncFiltersOf(opts) } : {}),
      ...(indexingFiltersOf(opts) ? { indexingFilters: indexingFiltersOf(opts) } : {}),
    });
    emit(io, flags(command).json, created, () => `created connector ${created.connectorId} for ${created.siteUrl}`);
  });
  addFilterOptions(
    connectors
      .command('configure <connectorId>')
      .description('sync strategy and filters; says whether the next sync will be full or incremental')
      .addOption(new Option('--strategy <strategy>', 'manual, or scheduled every --interval minutes').choices(['manual', 'scheduled']).makeOptionMandatory())
      .option('--interval <minutes>', 'minutes between scheduled syncs', integer(5, 7 * 24 * 60), 60),
  ).action(async (connectorId: string, opts: TFilterFlags & { strategy: 'manual' | 'scheduled'; interval: number }, command: Command) => {
    const syncFilters = syncFiltersOf(opts);
    const indexingFilters = indexingFiltersOf(opts);
    const saved = await api(command).configure.save.mutate({
      connectorId,
      strategy: opts.strategy,
      intervalMinutes: opts.interval,
      ...(syncFilters ? { syncFilters } : {}),
      ...(indexingFilters ? { indexingFilters } : {}),
    });
    emit(io, flags(command).json, saved, () =>
      [`${connectorId}: ${saved.strategy}${saved.intervalMinutes ? ` every ${saved.intervalMinutes} minutes` : ''}`, `next sync: ${saved.nextSync}`].join('\n'),
    );
  });
  connectors
    .command('delete <connectorId>')
    .description("delete a connector with all its records, attachment content, checkpoints and schedule")
    .option('--yes', 'confirm: the records cannot be brought back without a full sync')
    .action(async (connectorId: string, opts: { yes?: boolean }, command: Command) => {
      if (!opts.yes) throw new CliError(`deleting ${connectorId} removes all its records; run again with --yes to confirm`, EXIT.usage);
      const deleted = await api(command).connectors.delete.mutate({ connectorId });
      emit(io, flags(command).json, deleted, () => `deleted connector ${connectorId}`);
    });

  const sync = program.command('sync').description("a connector's syncs");
  sync
    .command('start <connectorId>')
    .description('start a sync now (incremental when possible; --full to read everything)')
    .option('--full', 'a full sync, whatever the checkpoints say')
    .option('--follow', 'show live progress until the sync ends; the exit status says how it ended')
    .action(async (connectorId: string, opts: { full?: boolean; follow?: boolean }, command: Command) => {
      const client = api(command);
      const started = await client.sync.start.mutate({ connectorId, mode: opts.full ? 'full' : 'auto' });
      const { json } = flags(command);
      if (!opts.follow) {
        emit(io, json, started, () => `${started.attached ? 'attached to the running' : 'started a'} ${started.mode} sync: ${started.temporalUiUrl}`);
        return;
      }
      if (!json) io.err(`${started.attached ? 'attached to the running' : 'started a'} ${started.mode} sync: ${started.temporalUiUrl}`);
      const abort = new AbortController();
      const onSigint = () => abort.abort();
      process.once('SIGINT', onSigint);
      try {
        const final = await followSync(client, io, { connectorId, bars: io.isTTY && !json, pollMs: options.pollMs, signal: abort.signal });
        emit(io, json, final, () => statusText(final));
        setExit(exitCodeOf(final));
      } finally {
        process.off('SIGINT', onSigint);
      }
    });
  sync
    .command('status <connectorId>')
    .description('the latest sync: live progress while it runs, its outcome once it ended')
    .action(async (connectorId: string, _opts: unknown, command: Command) => {
      const status = await api(command).sync.status.query({ connectorId });
      emit(io, flags(command).json, status, () => statusText(status));
    });
  sync
    .command('history <connectorId>')
    .description('past runs, newest first, with per-project counts')
    .option('--limit <n>', 'how many runs', integer(1, 50), 10)
    .action(async (connectorId: string, opts: { limit: number }, command: Command) => {
      const runs = await api(command).sync.history.query({ connectorId, limit: opts.limit });
      emit(io, flags(command).json, runs, () =>
        table(
          ['started', 'closed', 'mode', 'status', 'issues', 'projects'],
          runs.map((run) => [
            run.startedAt,
            run.closedAt,
            run.mode,
            run.syncStatus ?? run.workflowStatus,
            run.projects?.reduce((sum, project) => sum + project.issues, 0),
            run.projects?.map((project) => `${project.projectKey} ${project.status}`),
          ]),
        ),
      );
    });
  sync
    .command('cancel <connectorId>')
    .description('ask the running sync to stop')
    .action(async (connectorId: string, _opts: unknown, command: Command) => {
      const cancelled = await api(command).sync.cancel.mutate({ connectorId });
      emit(io, flags(command).json, cancelled, () => ('runId' in cancelled ? `cancelling run ${cancelled.runId}` : cancelled.reason));
    });

  const kinds = ['issue', 'comment', 'attachment', 'project', 'user', 'group'] as const;
  const records = program.command('records').description("a connector's stored records");
  records
    .command('list <connectorId>')
    .addOption(new Option('--kind <kind>', 'record kind').choices(kinds).default('issue'))
    .option('--project <key>', 'only this project')
    .option('--issue-type <name>', 'only this issue type, e.g. Bug')
    .option('--updated-after <time>', 'updated at or after', isoTime)
    .option('--updated-before <time>', 'updated before', isoTime)
    .option('--limit <n>', 'records per page', integer(1, 200), 50)
    .option('--cursor <cursor>', 'the next page, as a previous answer gave it')
    .action(async (connectorId: string, opts: { kind: (typeof kinds)[number]; project?: string; issueType?: string; updatedAfter?: string; updatedBefore?: string; limit: number; cursor?: string }, command: Command) => {
      const page = await api(command).records.list.query({
        connectorId,
        kind: opts.kind,
        limit: opts.limit,
        ...(opts.project ? { projectKey: opts.project } : {}),
        ...(opts.issueType ? { issueType: opts.issueType } : {}),
        ...(opts.updatedAfter ? { updatedAfter: opts.updatedAfter } : {}),
        ...(opts.updatedBefore ? { updatedBefore: opts.updatedBefore } : {}),
        ...(opts.cursor ? { cursor: opts.cursor } : {}),
      });
      emit(io, flags(command).json, page, () => recordsText(page.items, page.nextCursor));
    });
  records
    .command('get <connectorId> <kind> <externalId>')
    .description('one record by its Jira id (issue id, comment id, account id ...)')
    .action(async (connectorId: string, kind: string, externalId: string, _opts: unknown, command: Command) => {
      if (!(kinds as readonly string[]).includes(kind)) throw new CliError(`kind must be one of ${kinds.join(', ')}`, EXIT.usage);
      const record = await api(command).records.get.query({ connectorId, kind: kind as (typeof kinds)[number], externalId });
      emit(io, true, record, () => '');
    });
  records
    .command('as-user <connectorId>')
    .description('what one Jira account may read')
    .option('--account-id <id>', 'the Atlassian account id')
    .option('--email <email>', 'the account email (only for accounts that show it)')
    .addOption(new Option('--kind <kind>', 'record kind').choices(['issue', 'comment', 'attachment', 'project']).default('issue'))
    .option('--limit <n>', 'records per page', integer(1, 200), 50)
    .option('--cursor <cursor>', 'the next page')
    .action(async (connectorId: string, opts: { accountId?: string; email?: string; kind: 'issue' | 'comment' | 'attachment' | 'project'; limit: number; cursor?: string }, command: Command) => {
      if ((opts.accountId === undefined) === (opts.email === undefined)) throw new CliError('give exactly one of --account-id or --email', EXIT.usage);
      const page = await api(command).records.asUser.query({
        connectorId,
        kind: opts.kind,
        limit: opts.limit,
        ...(opts.accountId ? { accountId: opts.accountId } : { email: opts.email }),
        ...(opts.cursor ? { cursor: opts.cursor } : {}),
      });
      emit(io, flags(command).json, page, () => `account ${page.accountId} may read:\n${recordsText(page.items, page.nextCursor)}`);
    });
  return program;
}

type TStatus = Awaited<ReturnType<ApiClient['sync']['status']['query']>>;

function statusText(status: TStatus): string {
  const lines: Array<[string, unknown]> = [
    ['state', status.state],
    ['mode', status.mode],
    ['started', status.startedAt],
    ['closed', status.closedAt],
    ['error', status.error],
    ['temporal ui', status.temporalUiUrl],
  ];
  if (status.progress) lines.push(['step', status.progress.step]);
  let text = details(lines);
  if (status.result) {
    const projects = status.result.projects;
    text += `\noutcome: ${status.result.status}; ${status.result.users} users, ${status.result.groups} groups, ${status.result.roles} roles\n`;
    text += table(
      ['project', 'status', 'issues', 'comments', 'attachments', 'closed ACLs', 'errors'],
      projects.map((project) => [project.projectKey, project.status, project.issues, project.comments, project.attachments, project.closedAcls, project.errors]),
    );
    if (status.result.diagnostics.length > 0) text += `\ndiagnostics:\n  ${status.result.diagnostics.join('\n  ')}`;
  }
  return text;
}

function recordsText(items: Array<Record<string, unknown>>, nextCursor: string | undefined): string {
  const rows = items.map((item) => [item['externalId'], item['key'] ?? item['displayName'] ?? item['name'], cell(item['summary'] ?? item['issueId'] ?? ''), item['updated']]);
  return `${table(['id', 'key / name', 'summary / issue', 'updated'], rows)}${nextCursor ? `\nnext page: --cursor ${nextCursor}` : ''}`;
}

/** Runs one command line; resolves to its exit status (see exit-codes.ts) and never throws. */
export async function runCli(argv: string[], options: RunOptions = {}): Promise<number> {
  const io = options.io ?? processIo;
  let exitCode: number = EXIT.ok;
  const program = buildProgram(io, options, (code) => (exitCode = code));
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are successes; a bad command line is the caller's to fix.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    const { message, exitCode: code } = describeFailure(error, program.opts<TGlobalFlags>().apiUrl);
    io.err(`jira-sync: ${message}`);
    return code;
  }
}
