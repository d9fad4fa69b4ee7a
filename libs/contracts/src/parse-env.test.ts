import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseEnv } from './parse-env.js';

const schema = z.object({ PORT: z.coerce.number().int().default(3000), TOKEN: z.string().min(10) });

describe('parseEnv', () => {
  it('applies defaults and coercions', () => {
    expect(parseEnv('api', schema, { TOKEN: 'abcdefghijkl' })).toEqual({ PORT: 3000, TOKEN: 'abcdefghijkl' });
  });

  it('names every bad variable without echoing its value', () => {
    const run = () => parseEnv('api', schema, { PORT: 'eighty', TOKEN: 'short-sec' });
    expect(run).toThrow(/^api configuration is invalid:\n {2}PORT: .*\n {2}TOKEN: /);
    expect(run).not.toThrow('short-sec');
  });
});
