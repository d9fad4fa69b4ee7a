import { describe, expect, it } from 'vitest';
import { readNode } from './adf-node.js';
import { cardName, cardUrl, dateText, emojiText, isUnreadableDate, mentionText } from './leaf-text.js';

const node = (type: string, attrs: Record<string, unknown>) => readNode({ type, attrs })!;

describe('dateText', () => {
  it('turns epoch milliseconds into an ISO calendar date in UTC', () => {
    expect(dateText(node('date', { timestamp: '1735689599999' }))).toBe('2024-12-31');
    expect(dateText(node('date', { timestamp: 1735689600000 }))).toBe('2025-01-01');
  });

  it('accepts an ISO timestamp and keeps unreadable values as written', () => {
    expect(dateText(node('date', { timestamp: '2024-02-29T23:00:00Z' }))).toBe('2024-02-29');
    const bad = node('date', { timestamp: '99999999999999999999' });
    expect(dateText(bad)).toBe('99999999999999999999');
    expect(isUnreadableDate(bad)).toBe(true);
  });
});

describe('mentionText', () => {
  it('prefixes @ and falls back to the account id', () => {
    expect(mentionText(node('mention', { id: 'abc', text: 'Jane' }))).toBe('@Jane');
    expect(mentionText(node('mention', { id: 'abc', text: '' }))).toBe('@abc');
    expect(mentionText(node('mention', {}))).toBe('@unknown');
  });
});

describe('emojiText', () => {
  it('prefers the emoji character over the short name', () => {
    expect(emojiText(node('emoji', { shortName: ':grin:', text: '😁' }))).toBe('😁');
    expect(emojiText(node('emoji', { shortName: ':custom:' }))).toBe(':custom:');
  });
});

describe('cardUrl and cardName', () => {
  it('reads the URL from attrs or from JSON-LD data, and names a datasource', () => {
    expect(cardUrl(node('inlineCard', { data: { url: 'https://x.example', name: 'X' } }))).toBe('https://x.example');
    expect(cardName(node('inlineCard', { data: { name: 'X' } }))).toBe('X');
    expect(cardName(node('blockCard', { datasource: { id: 'ds' } }))).toBe('datasource ds');
  });
});
