import type { AnnualFigures, ReportContent } from '../../../common/api/reports.js';

const normalise = (s: string) => s.replace(/[\s「」《》“”"'（）()]/g, '').toLowerCase();

/**
 * A project the organisation adds by hand to the project list (block 6) that is already counted from
 * the platform's records — the same registered contract (by registration number) or the same
 * project (by title) — would be counted twice, e.g. once as the deal's transfer and again by hand as
 * a licence. Returns one field error per such entry, under `prefix` (`body` on save, `content` on
 * submission).
 */
export function duplicatedExtraProjects(content: ReportContent, figures: AnnualFigures, prefix: 'body' | 'content') {
  const records = [...figures.transfers.records, ...figures.cooperation.records];
  const byNumber = new Map(records.filter((r) => r.registrationNumber).map((r) => [r.registrationNumber!, r]));
  const byTitle = new Map(records.map((r) => [normalise(r.title), r]));
  const out: Array<{ field: string; message: string }> = [];
  content.policy.extraProjects.forEach((p, i) => {
    const number = p.registrationNumber.trim();
    const twin = (number && byNumber.get(number)) || byTitle.get(normalise(p.name));
    if (!twin) return;
    const field = number && byNumber.has(number) ? 'registrationNumber' : 'name';
    out.push({
      field: `${prefix}.policy.extraProjects.${i}.${field}`,
      message: `已作为平台${twin.kind === 'deal' ? '成交' : '登记合同'}「${twin.title}」计入（${twin.registrationNumber ?? twin.id}），不能重复填报`,
    });
  });
  return out;
}
