import { describe, expect, it } from 'vitest';
import { anonymousActor, systemActor } from '../../lib/actor.js';
import { HISTORY_SETTINGS, rememberedQuery, searcherKey } from './history.js';

describe('the query as remembered', () => {
  it('normalises width and spaces', () => {
    expect(rememberedQuery('  锂离子   电池 ')).toBe('锂离子 电池');
    expect(rememberedQuery('ＬＥＤ')).toBe(rememberedQuery('LED'));
  });
  it('keeps nothing without searchable text or past the longest', () => {
    expect(rememberedQuery(undefined)).toBeNull();
    expect(rememberedQuery('   ')).toBeNull();
    expect(rememberedQuery('，。！')).toBeNull();
    expect(rememberedQuery('锂'.repeat(HISTORY_SETTINGS.maxQueryLength))).not.toBeNull();
    expect(rememberedQuery('锂'.repeat(HISTORY_SETTINGS.maxQueryLength + 1))).toBeNull();
  });
});

describe('who counts as a searcher', () => {
  it('is the user, or a hash of a visitor’s address that does not show the address', () => {
    const a = searcherKey(anonymousActor(), '203.0.113.7');
    expect(a).toMatch(/^a:[0-9a-f]{40}$/);
    expect(a).not.toContain('203.0.113.7');
    expect(searcherKey(anonymousActor(), '203.0.113.8')).not.toBe(a);
    expect(searcherKey(anonymousActor(), null)).toBeNull();
    expect(searcherKey(systemActor(), '203.0.113.7')).toBeNull();
  });
});
