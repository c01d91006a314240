import { loadExcel } from '../../lib/spreadsheet/exceljs.js';
import type { AnnualFigures, ReportContent, SourceRecord } from '../../../common/api/reports.js';
import {
  CO_BUILT_KIND_LABELS,
  largeDealWan,
  REPORT_COOPERATION_TYPE_LABELS,
  REPORT_TRANSFER_MODE_LABELS,
  REPORT_COOPERATION_TYPES,
  REPORT_TRANSFER_MODES,
} from '../../../common/reports.js';
import { IP_KIND_LABELS, type IpKind } from '../../../common/catalog.js';

/**
 * The report as a workbook in the layout of the yearly template (财科教〔2017〕22号: six blocks, then
 * the project list): amounts in 万元 for reading and in 分 (exact) beside them.
 */
const wan = (fen: number) => Math.round(fen / 100) / 10000;
const CATEGORY_LABELS: Record<string, string> = { ...REPORT_TRANSFER_MODE_LABELS, ...REPORT_COOPERATION_TYPE_LABELS };

export async function reportWorkbook(r: {
  organization: { name: string; creditCode: string };
  year: number;
  status: string;
  content: ReportContent;
  figures: AnnualFigures;
}): Promise<Buffer> {
  const { content: c, figures: f } = r;
  const Excel = await loadExcel();
  const wb = new Excel.Workbook();
  wb.creator = 'Jinqiao 津桥';
  const ws = wb.addWorksheet('年度报告');
  ws.columns = [{ width: 34 }, { width: 18 }, { width: 18 }, { width: 18 }, { width: 40 }];
  const title = ws.addRow([`${r.organization.name} ${r.year} 年度科技成果转化年度报告`]);
  title.font = { bold: true, size: 14 };
  ws.mergeCells(title.number, 1, title.number, 5);
  ws.addRow(['单位名称', r.organization.name]);
  ws.addRow(['统一社会信用代码', r.organization.creditCode]);
  ws.addRow(['报告年度', r.year]);
  ws.addRow(['报告状态', r.status]);
  const block = (name: string) => {
    ws.addRow([]);
    ws.addRow([name]).font = { bold: true };
  };
  const head = (...cells: string[]) => (ws.addRow(cells).font = { bold: true });

  block('一、科技成果转化工作开展情况及存在的问题');
  ws.addRow(['工作开展情况', c.work.summary]);
  ws.addRow(['存在的问题', c.work.problems]);

  block('二、科技成果情况');
  head('项目', '数量（项）');
  ws.addRow(['本年度新增科技成果', f.achievements.total]);
  ws.addRow(['其中：财政资金支持形成的', f.achievements.publiclyFunded]);
  for (const [kind, n] of Object.entries(f.achievements.byIpKind)) ws.addRow([`  ${IP_KIND_LABELS[kind as IpKind]?.zh ?? kind}`, n]);
  ws.addRow(['成果来源说明', c.achievements.sourceNote]);

  block('三、科技成果转让、许可、作价投资情况');
  head('转化方式', '项数', '合同金额（万元）', '合同金额（分）');
  for (const m of REPORT_TRANSFER_MODES) {
    const t = f.transfers.byMode[m];
    ws.addRow([REPORT_TRANSFER_MODE_LABELS[m], t.count, wan(t.amountFen), t.amountFen]);
  }
  ws.addRow(['合计', f.transfers.total.count, wan(f.transfers.total.amountFen), f.transfers.total.amountFen]);
  ws.addRow([`合同金额 ${largeDealWan()} 万元及以上的项目`]).font = { italic: true };
  for (const d of f.transfers.largeDeals)
    ws.addRow([d.title, CATEGORY_LABELS[d.category] ?? d.category, wan(d.amountFen), d.amountFen, d.counterparty]);
  ws.addRow(['说明', c.transfers.note]);

  block('四、产学研合作情况');
  head('合同类型', '项数', '合同金额（万元）', '合同金额（分）');
  for (const t of REPORT_COOPERATION_TYPES) {
    const x = f.cooperation.byType[t];
    ws.addRow([REPORT_COOPERATION_TYPE_LABELS[t], x.count, wan(x.amountFen), x.amountFen]);
  }
  head('共建机构名称', '合作方', '类型', '成立日期');
  for (const b of c.cooperation.coBuiltBodies) ws.addRow([b.name, b.partner, CO_BUILT_KIND_LABELS[b.kind], b.establishedOn ?? '']);
  ws.addRow(['说明', c.cooperation.note]);

  block('五、科技成果转化收入分配及奖励情况');
  const d = c.distribution;
  head('方式', '金额（万元）', '金额（分）', '人次');
  // The platform's paid distributions and what the organisation adds by hand (paid outside the
  // platform) are separate rows, so neither is read as including the other.
  const p = f.distribution;
  if (p) {
    ws.addRow(['平台记录的现金奖励（已发放的收益分配）', wan(p.cashFen), p.cashFen, p.persons]);
    ws.addRow(['平台记录的股权奖励', wan(p.equityFen), p.equityFen, '']);
  }
  ws.addRow(['单位补充填报：现金奖励（平台外）', wan(d.cashRewardFen), d.cashRewardFen, d.cashPersons]);
  ws.addRow(['单位补充填报：股权奖励（平台外）', wan(d.equityRewardFen), d.equityRewardFen, d.equityPersons]);
  ws.addRow(['说明', d.note]);

  block('六、政策落实情况');
  ws.addRow(['政策落实情况', c.policy.implementation]);
  for (const row of ws.getRows(1, ws.rowCount) ?? []) row.alignment = { wrapText: true, vertical: 'top' };

  const list = wb.addWorksheet('项目清单');
  list.columns = [
    { header: '项目名称', width: 40 },
    { header: '转化方式/合同类型', width: 16 },
    { header: '合作方', width: 30 },
    { header: '金额（万元）', width: 14 },
    { header: '金额（分）', width: 16 },
    { header: '日期', width: 12 },
    { header: '登记号', width: 20 },
    { header: '来源', width: 10 },
  ];
  list.getRow(1).font = { bold: true };
  const rows: SourceRecord[] = [...f.transfers.records, ...f.cooperation.records];
  for (const p of rows)
    list.addRow([
      p.title,
      CATEGORY_LABELS[p.category] ?? p.category,
      p.counterparty,
      wan(p.amountFen),
      p.amountFen,
      p.date,
      p.registrationNumber ?? '',
      p.kind === 'deal' ? '平台成交' : '登记合同',
    ]);
  for (const p of c.policy.extraProjects)
    list.addRow([p.name, p.mode, p.partner, wan(p.amountFen), p.amountFen, '', p.registrationNumber, '单位填报']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
