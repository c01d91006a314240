import { describe, expect, it } from 'vitest';
import { atomFeed, etagOf, jsonFeed, notModified, xmlEscape, type FeedEntry, type FeedMeta } from './format.js';

const meta: FeedMeta = {
  title: '津桥 科技成果',
  homePageUrl: 'https://jq.example/achievements',
  feedUrl: 'https://jq.example/api/feeds/achievements.json',
  nextUrl: 'https://jq.example/api/feeds/achievements.json?page=2',
  description: '已发布的科技成果',
  updated: new Date('2026-12-01T00:00:00Z'),
};
const entry: FeedEntry = {
  id: 'https://jq.example/achievements/1',
  url: 'https://jq.example/achievements/1',
  title: 'A < B & "C"',
  summary: '摘要',
  contentText: '正文',
  published: new Date('2026-11-01T00:00:00Z'),
  modified: new Date('2026-11-02T00:00:00Z'),
  tags: ['材料'],
  author: '天津大学',
  exchange: { type: 'offer' },
};

describe('feed formats', () => {
  it('JSON Feed 1.1 carries version, title and items with id and content', () => {
    const f = jsonFeed(meta, [entry]);
    expect(f.version).toBe('https://jsonfeed.org/version/1.1');
    expect(f.next_url).toBe(meta.nextUrl);
    expect(f.items[0]).toMatchObject({
      id: entry.id,
      content_text: '正文',
      date_modified: '2026-11-02T00:00:00.000Z',
      _jinqiao: { type: 'offer' },
    });
    expect('next_url' in jsonFeed({ ...meta, nextUrl: null }, [])).toBe(false);
  });

  it('Atom escapes text and links the next page', () => {
    const xml = atomFeed(meta, [entry]);
    expect(xml).toContain('<title>A &lt; B &amp; &quot;C&quot;</title>');
    expect(xml).toContain('<link rel="next" type="application/atom+xml" href="https://jq.example/api/feeds/achievements.json?page=2"/>');
    expect(xmlEscape('a\u0001b')).toBe('ab');
  });

  it('If-None-Match matches the ETag, weak or strong, in a list or as *', () => {
    const tag = etagOf('body');
    expect(etagOf('body')).toBe(tag);
    expect(etagOf('body2')).not.toBe(tag);
    expect(notModified(tag, tag)).toBe(true);
    expect(notModified(`W/${tag}`, tag)).toBe(true);
    expect(notModified(`"x", ${tag}`, tag)).toBe(true);
    expect(notModified('*', tag)).toBe(true);
    expect(notModified('"other"', tag)).toBe(false);
    expect(notModified(undefined, tag)).toBe(false);
  });
});
