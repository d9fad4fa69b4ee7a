import { describe, expect, it } from 'vitest';
import { useJiraSimulator } from '../test-support/simulator.test-support.js';

const h = useJiraSimulator();

describe('fields against the simulator', () => {
  it('lists system and custom fields with their schema types, so custom field ids can be named', async () => {
    const fields = await h.apiTokenClient('apiUser').fields();
    const byId = new Map(fields.map((field) => [field.id, field]));
    expect(byId.get('summary')).toMatchObject({ name: 'Summary', custom: false, schema: { type: 'string', system: 'summary' } });
    const custom = fields.filter((field) => field.custom);
    expect(custom.map((field) => field.id)).toEqual(['customfield_10030', 'customfield_10031', 'customfield_10032', 'customfield_10033', 'customfield_10034', 'customfield_10035', 'customfield_10036']);
    expect(byId.get('customfield_10033')?.schema).toMatchObject({ type: 'user', customId: 10033 });
    expect(custom.every((field) => field.name.length > 0 && field.schema?.custom?.startsWith('com.atlassian.jira.plugin.system.customfieldtypes:'))).toBe(true);
  });
});
