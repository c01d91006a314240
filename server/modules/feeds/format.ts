/**
 * The two feed formats other markets pull, built from one list of entries: JSON Feed 1.1
 * (https://jsonfeed.org/version/1.1, `application/feed+json`) and Atom (RFC 4287, with RFC 5005
 * `next` paging). Pure: the routes hand in entries and links and get the body and its ETag.
 */
import { createHash } from 'node:crypto';

export const JSON_FEED_TYPE = 'application/feed+json; charset=utf-8';
export const ATOM_TYPE = 'application/atom+xml; charset=utf-8';

export interface FeedEntry {
  /** A stable, globally unique id (the record's URL at this platform). */
  id: string;
  url: string;
  title: string;
  summary: string;
  /** The text shown as content (JSON Feed requires content_html or content_text). */
  contentText: string;
  published: Date | null;
  modified: Date;
  tags: string[];
  author: string;
  /** The exchange record (schema served at /api/feeds/schema/technology-profile.json). */
  exchange: Record<string, unknown>;
}

export interface FeedMeta {
  title: string;
  homePageUrl: string;
  feedUrl: string;
  nextUrl: string | null;
  description: string;
  /** The newest change among all entries the query matches (the feed's `updated`). */
  updated: Date;
}

export function jsonFeed(meta: FeedMeta, entries: FeedEntry[]) {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: meta.title,
    home_page_url: meta.homePageUrl,
    feed_url: meta.feedUrl,
    ...(meta.nextUrl ? { next_url: meta.nextUrl } : {}),
    description: meta.description,
    language: 'zh-CN',
    items: entries.map((e) => ({
      id: e.id,
      url: e.url,
      title: e.title,
      content_text: e.contentText,
      summary: e.summary,
      ...(e.published ? { date_published: e.published.toISOString() } : {}),
      date_modified: e.modified.toISOString(),
      tags: e.tags,
      authors: [{ name: e.author }],
      // Extensions start with an underscore (JSON Feed 1.1, "Extensions").
      _jinqiao: e.exchange,
    })),
  };
}

// Characters XML 1.0 does not allow at all (C0 controls but tab, LF, CR) are dropped.
// eslint-disable-next-line no-control-regex
const XML_UNSAFE = /[<>&'"\u0000-\u0008\u000B\u000C\u000E-\u001F]/g;
export function xmlEscape(s: string): string {
  return s.replace(XML_UNSAFE, (c) =>
    c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : c === "'" ? '&apos;' : c === '"' ? '&quot;' : '',
  );
}

export function atomFeed(meta: FeedMeta, entries: FeedEntry[]): string {
  const x = xmlEscape;
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">',
    `  <id>${x(meta.feedUrl)}</id>`,
    `  <title>${x(meta.title)}</title>`,
    `  <subtitle>${x(meta.description)}</subtitle>`,
    `  <updated>${meta.updated.toISOString()}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${x(meta.feedUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${x(meta.homePageUrl)}"/>`,
    ...(meta.nextUrl ? [`  <link rel="next" type="application/atom+xml" href="${x(meta.nextUrl)}"/>`] : []),
    '  <author><name>津桥技术交易平台</name></author>',
    '  <generator>Jinqiao</generator>',
  ];
  for (const e of entries) {
    lines.push(
      '  <entry>',
      `    <id>${x(e.id)}</id>`,
      `    <title>${x(e.title)}</title>`,
      `    <updated>${e.modified.toISOString()}</updated>`,
      ...(e.published ? [`    <published>${e.published.toISOString()}</published>`] : []),
      `    <link rel="alternate" type="text/html" href="${x(e.url)}"/>`,
      `    <author><name>${x(e.author)}</name></author>`,
      ...e.tags.map((tag) => `    <category term="${x(tag)}"/>`),
      `    <summary type="text">${x(e.summary)}</summary>`,
      `    <content type="text">${x(e.contentText)}</content>`,
      '  </entry>',
    );
  }
  lines.push('</feed>', '');
  return lines.join('\n');
}

/** A strong ETag of the exact body (RFC 9110 §8.8.3). */
export const etagOf = (body: string): string => `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;

/** Does If-None-Match name this ETag (or `*`)? Weak comparison, as RFC 9110 §13.1.2 asks for GET. */
export function notModified(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = (t: string) => t.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((t) => t.trim() === '*' || bare(t) === bare(etag));
}
