import { expect, it } from 'vitest';
import { JIRA_CLIENT_AVAILABLE } from './index.js';

it('says the client has not landed yet', () => {
  expect(JIRA_CLIENT_AVAILABLE).toBe(false);
});
