import { describe, expect, it } from 'vitest';
import { findContractViolations } from './openapi-contract.test-support.js';

describe('findContractViolations', () => {
  it('accepts a request that matches its operation', () => {
    expect(findContractViolations({ method: 'GET', path: '/rest/api/3/project/search', pathParams: [], query: ['startAt', 'keys'], body: undefined })).toEqual([]);
  });

  it('flags an unknown path, a wrong method, an undeclared parameter and a bad body', () => {
    expect(findContractViolations({ method: 'GET', path: '/rest/api/3/nope', pathParams: [], query: [], body: undefined })[0]).toContain('no such operation');
    expect(findContractViolations({ method: 'DELETE', path: '/rest/api/3/myself', pathParams: [], query: [], body: undefined })).toHaveLength(1);
    expect(findContractViolations({ method: 'GET', path: '/rest/api/3/myself', pathParams: [], query: ['startAt'], body: undefined })[0]).toContain("'startAt'");
    expect(findContractViolations({ method: 'POST', path: '/rest/api/3/search/jql', pathParams: [], query: [], body: { jql: 'x', startAt: 0 } })[0]).toContain('body');
  });
});
