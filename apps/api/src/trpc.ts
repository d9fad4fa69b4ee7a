import { initTRPC } from '@trpc/server';
import { z, ZodError } from 'zod';
import type { ApiContext } from './context.js';

const t = initTRPC.context<ApiContext>().create({
  errorFormatter({ shape, error, ctx }) {
    // Only failures that are ours are logged as errors; bad input is the caller's to fix and is answered, not logged.
    if (error.code === 'INTERNAL_SERVER_ERROR') ctx?.logger.error({ err: error.cause ?? error }, 'procedure failed');
    return {
      ...shape,
      data: { ...shape.data, zodError: error.cause instanceof ZodError ? z.flattenError(error.cause) : null },
    };
  },
});

export const router = t.router;
export const publicProcedure = t.procedure;
export const createCallerFactory = t.createCallerFactory;
