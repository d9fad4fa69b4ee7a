import { resolveStackPaths } from './paths.js';
import type { ServiceContext } from './services/service.js';
import { services, stackDown, stackStatus, stackUp, type ServiceStatus } from './stack.js';
import { StackError } from './stack-error.js';

const usage = 'usage: stack <up|down|status> [temporal|kafka|ferretdb ...]';

function printStatus(statuses: ServiceStatus[]): void {
  for (const status of statuses) {
    const state = status.pid === undefined ? 'stopped' : status.ready ? `ready (pid ${status.pid})` : `starting (pid ${status.pid})`;
    console.log(`  ${status.name.padEnd(9)} ${status.version.padEnd(7)} ${state}`);
    if (status.pid !== undefined) {
      for (const endpoint of status.endpoints) console.log(`      ${endpoint.label.padEnd(22)} ${endpoint.url}`);
    }
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...names] = argv;
  const unknown = names.filter((name) => !services.some((service) => service.name === name));
  if (!command || !['up', 'down', 'status'].includes(command) || unknown.length > 0) {
    console.error(unknown.length > 0 ? `stack: unknown service(s) ${unknown.join(', ')}\n${usage}` : usage);
    return 2;
  }
  const selected = names.length > 0 ? services.filter((service) => names.includes(service.name)) : services;
  const paths = resolveStackPaths();
  const ctx: ServiceContext = { paths, log: (message) => console.log(`stack: ${message}`) };
  if (command === 'up') {
    const statuses = await stackUp(ctx, selected);
    console.log('stack: up');
    printStatus(statuses);
    console.log(`  data and logs in ${paths.stateDir}`);
  } else if (command === 'down') {
    const stopped = await stackDown(ctx, selected);
    console.log(stopped.length > 0 ? `stack: stopped ${stopped.join(', ')}` : 'stack: nothing of ours was running');
  } else {
    const statuses = await stackStatus(ctx, selected);
    printStatus(statuses);
    return statuses.every((status) => status.ready) ? 0 : 1;
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof StackError ? error.describe() : error);
    process.exit(1);
  },
);
