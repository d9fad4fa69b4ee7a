import { InvalidArgumentError } from 'commander';
import { describe, expect, it } from 'vitest';
import { indexingFiltersOf, integer, isoTime, projectKeys, syncFiltersOf } from './options.js';

describe('command-line values', () => {
  it('reads comma-separated project keys and names the bad ones', () => {
    expect(projectKeys('ENG, OPS_2,')).toEqual(['ENG', 'OPS_2']);
    expect(() => projectKeys('ENG,eng,1X')).toThrow(/eng, 1X: project keys are upper-case/);
    expect(() => projectKeys(' , ')).toThrow(InvalidArgumentError);
  });

  it('takes a bare date as midnight UTC and refuses times without an offset', () => {
    expect(isoTime('2026-01-31')).toBe('2026-01-31T00:00:00Z');
    expect(isoTime('2026-01-31T09:00:00+01:00')).toBe('2026-01-31T09:00:00+01:00');
    expect(() => isoTime('2026-01-31T09:00:00')).toThrow(/with an offset/);
    expect(() => isoTime('yesterday')).toThrow(/ISO 8601/);
  });

  it('bounds whole numbers and says the bounds', () => {
    expect(integer(5, 10)('7')).toBe(7);
    expect(() => integer(5, 10)('4')).toThrow('give a whole number from 5 to 10');
    expect(() => integer(5, 10)('7.5')).toThrow(InvalidArgumentError);
  });

  it('builds sync filters only from the flags given, and refuses In with Not In', () => {
    expect(syncFiltersOf({})).toBeUndefined();
    expect(syncFiltersOf({ projectsNotIn: ['OPS'], modifiedAfter: '2026-01-01T00:00:00Z' })).toEqual({
      projects: { operator: 'not_in', keys: ['OPS'] },
      modified: { after: '2026-01-01T00:00:00Z' },
    });
    expect(() => syncFiltersOf({ projectsIn: ['ENG'], projectsNotIn: ['OPS'] })).toThrow(/not both/);
  });

  it('turns one indexing filter off and leaves the other on', () => {
    expect(indexingFiltersOf({})).toBeUndefined();
    expect(indexingFiltersOf({ indexAttachments: false })).toEqual({ issues: true, attachments: false });
  });
});
