import { describe, expect, it } from 'vitest';
import { ALL_ROUTES } from '../routes/all-routes.js';
import { OpenApiContract } from './openapi-contract.test-support.js';

const contract = new OpenApiContract();

describe('the OpenAPI contract checker', () => {
  it('rejects a body that breaks the documented schema', () => {
    const problems = contract.check({ method: 'GET', template: '/rest/api/3/myself', status: 200, contentType: undefined, body: { accountId: 7, surprise: true } });
    expect(problems.length).toBeGreaterThan(0);
  });

  it('accepts a conforming body', () => {
    expect(contract.check({ method: 'GET', template: '/rest/api/3/attachment/meta', status: 200, contentType: undefined, body: { enabled: true, uploadLimit: 10 } })).toEqual([]);
  });

  it('finds every route the simulator serves in the OpenAPI document', () => {
    const missing = ALL_ROUTES.filter((route) => !contract.operation(route.method, route.path)).map((route) => `${route.method} ${route.path}`);
    expect(missing).toEqual([]);
  });

  it('uses only documented query parameter names in route paths', () => {
    const undocumented = ALL_ROUTES.flatMap((route) => {
      const documented = new Set((contract.operation(route.method, route.path)?.parameters ?? []).filter((parameter) => parameter.in === 'path').map((parameter) => parameter.name));
      return [...route.path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1] ?? '').filter((name) => !documented.has(name)).map((name) => `${route.path}: ${name}`);
    });
    expect(undocumented).toEqual([]);
  });
});
