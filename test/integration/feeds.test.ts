// Feeds other markets pull (JSON Feed 1.1 and Atom, paged, filtered, with ETags), the exchange schema,
// and outbound webhooks: signed with HMAC-SHA256 and retried with backoff, to a real local receiver.
import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { clock } from '../../server/lib/clock.js';
import { deliverDue, enqueueEvents } from '../../server/modules/feeds/webhooks.js';
import { createAchievement, createOrganization, createUser, loginAs } from '../factories.js';
import { useTestApp } from '../harness.js';

const t = useTestApp();

/** Published achievements of one organisation in `regionCode`, one clock tick apart (newest last). */
async function publishAchievements(n: number, opts: { regionCode?: string; fieldCode?: string; restricted?: boolean } = {}) {
  const org = await createOrganization(t.db, { regionCode: opts.regionCode ?? '120116' });
  const by = await createUser(t.db, { role: 'org_member', organizationId: org.id });
  const made = [];
  for (let i = 0; i < n; i++) {
    clock.advance(1000);
    made.push(
      await createAchievement(t.db, {
        by,
        status: 'published',
        input: { fieldCode: opts.fieldCode ?? 'D15', restricted: opts.restricted ?? false },
      }),
    );
  }
  return made;
}

const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });
const local = (absolute: string) => absolute.replace(t.app.ctx.config.publicUrl, '');

interface Element {
  name: string;
  attributes: Record<string, string>;
  children: Element[];
  text: string;
}
/** Parses XML strictly (saxes throws on anything not well-formed) into a small element tree. */
function parseXml(xml: string): Element {
  const parser = new SaxesParser({ xmlns: false });
  const stack: Element[] = [];
  let root: Element | null = null;
  parser.on('opentag', (tag) => {
    const el: Element = { name: tag.name, attributes: tag.attributes as Record<string, string>, children: [], text: '' };
    stack.at(-1)?.children.push(el);
    stack.push(el);
    root ??= el;
  });
  parser.on('text', (text) => {
    if (stack.at(-1)) stack.at(-1)!.text += text;
  });
  parser.on('closetag', () => void stack.pop());
  parser.write(xml).close();
  return root!;
}
const child = (el: Element, name: string) => el.children.find((c) => c.name === name);

describe('feeds', () => {
  it('JSON Feed 1.1: required fields, newest first, paged with next_url, exchange records valid against the served schema', async () => {
    const since = new Date(clock.now().getTime() + 1).toISOString();
    const made = await publishAchievements(3);
    const hidden = await publishAchievements(1, { restricted: true });
    const first = await get(`/api/feeds/achievements.json?since=${encodeURIComponent(since)}&limit=2`);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.headers['content-type']).toBe('application/feed+json; charset=utf-8');
    const feed = first.json();
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(typeof feed.title).toBe('string');
    expect(feed.items.map((i: { id: string }) => i.id.split('/').at(-1))).toEqual([made[2]!.id, made[1]!.id]);
    for (const item of feed.items) {
      expect(typeof item.id).toBe('string');
      expect(typeof item.content_text === 'string' || typeof item.content_html === 'string').toBe(true);
    }
    expect(feed.next_url).toMatch(/page=2/);
    const second = (await get(local(feed.next_url))).json();
    expect(second.items.map((i: { id: string }) => i.id.split('/').at(-1))).toEqual([made[0]!.id]);
    expect(second.next_url).toBeUndefined();
    expect(JSON.stringify([feed, second])).not.toContain(hidden[0]!.id); // restricted records are not public

    const schemaRes = await get('/api/feeds/schema/technology-profile.json');
    expect(schemaRes.headers['content-type']).toMatch(/^application\/schema\+json/);
    const ajv = new Ajv2020({ strict: false });
    addFormats.default(ajv);
    const validate = ajv.compile(schemaRes.json());
    for (const item of [...feed.items, ...second.items]) expect(validate(item._jinqiao), JSON.stringify(validate.errors)).toBe(true);
    expect(feed.items[0]._jinqiao).toMatchObject({ profileType: 'technology_offer', externalId: `jinqiao:achievement:${made[2]!.id}` });
  });

  it('answers 304 to If-None-Match with the current ETag, and a new ETag once a record changes', async () => {
    await publishAchievements(1);
    const url = '/api/feeds/achievements.json?limit=5';
    const a = await get(url);
    const etag = a.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await get(url, { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    await publishAchievements(1);
    const changed = await get(url, { 'if-none-match': etag });
    expect(changed.statusCode).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
    const atom = await get('/api/feeds/achievements.atom?limit=5');
    expect((await get('/api/feeds/achievements.atom?limit=5', { 'if-none-match': atom.headers.etag as string })).statusCode).toBe(304);
  });

  it('Atom is well-formed with the required feed and entry elements and a next link', async () => {
    await publishAchievements(3);
    const res = await get('/api/feeds/achievements.atom?limit=2');
    expect(res.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    const feed = parseXml(res.body);
    expect(feed.name).toBe('feed');
    expect(feed.attributes.xmlns).toBe('http://www.w3.org/2005/Atom');
    for (const name of ['id', 'title', 'updated', 'author']) expect(child(feed, name), name).toBeDefined();
    expect(feed.children.find((c) => c.name === 'link' && c.attributes.rel === 'next')!.attributes.href).toMatch(/page=2/);
    const entries = feed.children.filter((c) => c.name === 'entry');
    expect(entries).toHaveLength(2);
    for (const e of entries) {
      for (const name of ['id', 'title', 'updated', 'summary']) expect(child(e, name)?.text, name).toBeTruthy();
      expect(new Date(child(e, 'updated')!.text).toISOString()).toBe(child(e, 'updated')!.text);
    }
  });

  it('filters by region subtree and technical field; bad filters are 400 naming the parameter', async () => {
    const heping = await publishAchievements(1, { regionCode: '120101', fieldCode: 'D18' });
    const ids = async (q: string) =>
      ((await get(`/api/feeds/achievements.json?${q}`)).json().items as Array<{ id: string }>).map((i) => i.id.split('/').at(-1));
    expect(await ids('region=120101')).toEqual([heping[0]!.id]);
    expect(await ids('field=D18&region=120101')).toEqual([heping[0]!.id]);
    expect(await ids('field=D15&region=120101')).toEqual([]);
    const bad = await get('/api/feeds/achievements.json?since=yesterday');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toMatch(/since/);
  });

  it('the OpenAPI document lists the feeds and declares the webhooks', async () => {
    const doc = (await get('/api/openapi.json')).json();
    expect(doc.paths['/api/feeds/achievements.json']).toBeDefined();
    expect(doc.paths['/api/feeds/achievements.atom']).toBeDefined();
    expect(Object.keys(doc.webhooks)).toEqual(['record.published', 'deal.concluded', 'contract.certified']);
  });
});

describe('webhooks', () => {
  it('a publication is POSTed signed to the subscriber; a failure is retried after the backoff; the log shows it', async () => {
    const received: Array<{ headers: IncomingMessage['headers']; body: string }> = [];
    let answer = 500;
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        received.push({ headers: req.headers, body });
        res.writeHead(answer).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const port = (server.address() as AddressInfo).port;
      const admin = await loginAs(t.app, await createUser(t.db, { role: 'platform_admin' }));
      const member = await loginAs(t.app, await createUser(t.db, { role: 'org_member' }));
      const payload = { url: `http://127.0.0.1:${port}/hook`, events: ['record.published'] };
      expect((await member.inject({ method: 'POST', url: '/api/webhooks/subscriptions', payload })).statusCode).toBe(403);
      const sub = await admin.inject({ method: 'POST', url: '/api/webhooks/subscriptions', payload });
      expect(sub.statusCode, sub.body).toBe(201);
      const { id: subscriptionId, secret } = sub.json() as { id: string; secret: string };
      expect(secret.length).toBeGreaterThanOrEqual(32);
      expect((await admin.inject({ method: 'GET', url: '/api/webhooks/subscriptions' })).json().items[0].secret).toBeUndefined();

      await enqueueEvents({ db: t.db, publicUrl: 'http://jq.test' }); // the cursor starts at the log's end
      const [published] = await publishAchievements(1);
      expect(await enqueueEvents({ db: t.db, publicUrl: 'http://jq.test' })).toBe(1);
      expect(await enqueueEvents({ db: t.db, publicUrl: 'http://jq.test' })).toBe(0); // the cursor moved

      expect(await deliverDue({ db: t.db })).toMatchObject({ retried: 1 });
      expect(received).toHaveLength(1);
      expect(await deliverDue({ db: t.db })).toMatchObject({ delivered: 0, retried: 0 }); // waiting its backoff
      expect(received).toHaveLength(1);

      answer = 204;
      clock.advance(60_000);
      expect(await deliverDue({ db: t.db })).toMatchObject({ delivered: 1 });
      expect(received).toHaveLength(2);
      const [firstTry, retry] = received;
      expect(retry!.headers['x-jinqiao-delivery']).toBe(firstTry!.headers['x-jinqiao-delivery']);
      const body = JSON.parse(retry!.body);
      expect(body).toMatchObject({
        event: 'record.published',
        data: { entity: 'achievement', id: published!.id, url: `http://jq.test/achievements/${published!.id}` },
      });
      const ts = retry!.headers['x-jinqiao-timestamp'] as string;
      const expected = `sha256=${createHmac('sha256', secret).update(`${ts}.${retry!.body}`).digest('hex')}`;
      expect(retry!.headers['x-jinqiao-signature']).toBe(expected);
      expect(retry!.headers['x-jinqiao-signature']).not.toBe(
        `sha256=${createHmac('sha256', 'wrong').update(`${ts}.${retry!.body}`).digest('hex')}`,
      );

      const log = (await admin.inject({ method: 'GET', url: `/api/webhooks/deliveries?subscriptionId=${subscriptionId}` })).json().items;
      expect(log).toEqual([expect.objectContaining({ status: 'delivered', attempts: 2, lastStatusCode: 204, event: 'record.published' })]);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
