// Files on records and negotiations: the type comes from the bytes, sizes are limited, and a file is
// served only to those who may see its record, as a download (inline only for images).
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog } from '../../server/lib/schema.js';
import { createAchievement, createLoggedInUser, type LoggedIn } from '../factories.js';
import { useTestApp } from '../harness.js';

const t = useTestApp();

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const EXE = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00'), Buffer.alloc(256, 0x41)]);

const upload = (s: LoggedIn, kind: string, id: string, name: string, body: Buffer, type = 'application/octet-stream') =>
  s.inject({
    method: 'POST',
    url: `/api/attachments/${kind}/${id}?name=${encodeURIComponent(name)}`,
    headers: { 'content-type': type },
    payload: body,
  });

async function cast() {
  const owner = await createLoggedInUser(t.app, t.db, { role: 'org_member' });
  const stranger = await createLoggedInUser(t.app, t.db, { role: 'org_member' });
  const published = await createAchievement(t.db, { by: owner.user, status: 'published', input: { title: '智能焊接机器人视觉系统' } });
  const draft = await createAchievement(t.db, { by: owner.user, status: 'draft', input: { title: '尚未提交的成果' } });
  return { owner, stranger, published, draft };
}

describe('attachments', () => {
  it('the owner uploads a PDF and an image; anyone who sees the record downloads them with safe headers', async () => {
    const { owner, stranger, published } = await cast();
    const res = await upload(owner.session, 'achievement', published.id, '检测报告.pdf', PDF, 'application/pdf');
    expect(res.statusCode, res.body).toBe(201);
    const pdf = res.json();
    expect(pdf).toMatchObject({
      name: '检测报告.pdf',
      fileType: 'pdf',
      contentType: 'application/pdf',
      image: false,
      sizeBytes: PDF.length,
    });
    const img = (await upload(owner.session, 'achievement', published.id, 'photo.png', PNG)).json();
    expect(img).toMatchObject({ fileType: 'png', image: true });

    const list = await t.app.inject({ method: 'GET', url: `/api/attachments/achievement/${published.id}` });
    expect(list.json().items.map((i: { name: string }) => i.name)).toEqual(['检测报告.pdf', 'photo.png']);

    const file = await stranger.session.inject({ method: 'GET', url: pdf.url });
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(PDF)).toBe(true);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toMatch(/^attachment; /);
    expect(file.headers['content-disposition']).toContain(encodeURIComponent('检测报告.pdf'));
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    const image = await t.app.inject({ method: 'GET', url: img.url });
    expect(image.headers['content-type']).toBe('image/png');
    expect(image.headers['content-disposition']).toMatch(/^inline; /);

    const audited = await t.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'achievement'), eq(auditLog.entityId, published.id), eq(auditLog.action, 'attachment.add')));
    expect(audited).toHaveLength(2);
  });

  it('refuses a renamed .exe, an oversize file and an upload by someone who does not own the record', async () => {
    const { owner, stranger, published } = await cast();
    const exe = await upload(owner.session, 'achievement', published.id, 'report.pdf', EXE, 'application/pdf');
    expect(exe.statusCode).toBe(400);
    expect(exe.headers['content-type']).toContain('application/problem+json');
    expect(exe.json().errors).toEqual([expect.objectContaining({ field: 'body' })]);

    // A PNG over the 5 MB image limit, and a PDF over the 10 MB document limit.
    const bigImage = Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)]);
    const tooBigImage = await upload(owner.session, 'achievement', published.id, 'big.png', bigImage);
    expect(tooBigImage.statusCode).toBe(400);
    expect(tooBigImage.json().errors).toEqual([expect.objectContaining({ field: 'body' })]);
    const bigPdf = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]);
    const tooBigPdf = await upload(owner.session, 'achievement', published.id, 'big.pdf', bigPdf);
    expect(tooBigPdf.statusCode).toBe(400);

    expect((await upload(stranger.session, 'achievement', published.id, 'x.pdf', PDF)).statusCode).toBe(403);
    const anonymous = await t.app.inject({
      method: 'POST',
      url: `/api/attachments/achievement/${published.id}?name=x.pdf`,
      headers: { 'content-type': 'application/pdf' },
      payload: PDF,
    });
    expect(anonymous.statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: `/api/attachments/achievement/${published.id}` })).json().items).toEqual([]);
  });

  it('does not serve a private record’s file to a stranger', async () => {
    const { owner, stranger, draft } = await cast();
    const file = (await upload(owner.session, 'achievement', draft.id, '专利证书.pdf', PDF)).json();
    expect((await owner.session.inject({ method: 'GET', url: file.url })).statusCode).toBe(200);
    expect((await stranger.session.inject({ method: 'GET', url: file.url })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: file.url })).statusCode).toBe(404);
    expect((await stranger.session.inject({ method: 'GET', url: `/api/attachments/achievement/${draft.id}` })).statusCode).toBe(404);
    expect((await stranger.session.inject({ method: 'DELETE', url: file.url })).statusCode).toBe(404);
    expect((await owner.session.inject({ method: 'DELETE', url: file.url })).statusCode).toBe(204);
    expect((await owner.session.inject({ method: 'GET', url: file.url })).statusCode).toBe(404);
  });

  it('files in a negotiation are for its two parties only', async () => {
    const { owner, stranger, published } = await cast();
    const enterprise = await createLoggedInUser(t.app, t.db, { role: 'org_member' });
    const inquiry = (
      await enterprise.session.inject({
        method: 'POST',
        url: '/api/inquiries',
        payload: { recordKind: 'achievement', recordId: published.id, message: '附上我方需求说明。' },
      })
    ).json();
    const file = await upload(enterprise.session, 'inquiry', inquiry.id, '需求说明.pdf', PDF);
    expect(file.statusCode, file.body).toBe(201);
    const url = file.json().url as string;
    expect((await owner.session.inject({ method: 'GET', url })).statusCode).toBe(200);
    expect((await owner.session.inject({ method: 'GET', url: `/api/attachments/inquiry/${inquiry.id}` })).json().items).toHaveLength(1);
    expect((await stranger.session.inject({ method: 'GET', url })).statusCode).toBe(404);
    expect((await upload(stranger.session, 'inquiry', inquiry.id, 'x.pdf', PDF)).statusCode).toBe(404);
    // Only the uploading side removes it.
    expect((await owner.session.inject({ method: 'DELETE', url })).statusCode).toBe(403);
  });
});
