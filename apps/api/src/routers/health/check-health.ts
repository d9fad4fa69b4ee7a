import { publicProcedure } from '../../trpc.js';

/** Reports whether the api can reach Temporal and MongoDB. */
export const checkHealth = publicProcedure.query(async ({ ctx }) => {
  const [temporal, mongodb] = await Promise.all([
    ctx.temporal.connection.workflowService.getSystemInfo({}).then(
      () => 'ok' as const,
      () => 'unreachable' as const,
    ),
    ctx.db.command({ ping: 1 }).then(
      () => 'ok' as const,
      () => 'unreachable' as const,
    ),
  ]);
  return { temporal, mongodb };
});
