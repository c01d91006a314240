import { eq } from 'drizzle-orm';
import { ReportContent } from '../../../common/api/reports.js';
import { ANNUAL_REPORT_PARAMETERS, mustFileAnnualReport, stReportNumber } from '../../../common/reports.js';
import { penaltyEndsOn } from '../../../common/integrity.js';
import type { Db } from '../client.js';
import { annualReports, integrityRecords, stReports } from '../schema/index.js';
import { systemActor } from '../../lib/actor.js';
import { writeAudit } from '../../lib/audit.js';
import { localDateOf } from '../../lib/calendar.js';
import { clock } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { recordAutomaticEntry } from '../../modules/integrity/service.js';
import { activeOrganizationsOfTypes } from '../../modules/organizations/lookups.js';
import { ensureReport } from '../../modules/reports/annual.js';
import { computeFigures } from '../../modules/reports/figures.js';
import { graceEndsAt, localYearOf } from '../../modules/reports/window.js';

interface SeedOrg {
  key: string;
  id: string;
  name: string;
  regionCode: string;
  creditCode: string;
}

const DAY = 86400_000;

const filled = (name: string): ReportContent =>
  ReportContent.parse({
    work: {
      summary: `${name}本年度修订了科技成果转化管理办法，完善了成果披露、评估、定价和公示流程，技术转移中心全年组织成果推介和路演活动，推动一批成果在天津落地转化。`,
      problems: '专职技术经理人数量不足；部分成果成熟度偏低，中试熟化经费不足。',
    },
    achievements: { sourceNote: '国家级项目形成的成果占多数，其余来自天津市科技计划和横向委托。' },
    policy: {
      implementation:
        '落实促进科技成果转化法和《天津市促进科技成果转化条例》，执行成果转化收益不低于 70% 奖励团队的规定，作价投资实行“先赋权后转化”试点。',
    },
  });

/**
 * Demo reports and integrity records: last year's annual reports of the publicly funded
 * universities and institutes — 津沽大学's submitted and awaiting review, 海河工业大学's never handed
 * in (overdue, and past the grace period an integrity entry), the others accepted —, two S&T
 * reports of 津沽大学 (one public, one delayed) and one integrity record entered by the city bureau.
 */
export async function seedReportsDemo(db: Db, orgs: SeedOrg[], officerUserId: string) {
  const actor = systemActor('seed:demo');
  const now = clock.now();
  const year = localYearOf(now) - 1;
  const byKey = new Map(orgs.map((o) => [o.key, o]));
  // Every other organisation that must file (the statistics demo's generated universities and
  // institutes) filed last year's report and had it accepted: only 海河工业大学 is overdue.
  const named = new Set(orgs.map((o) => o.id));
  const others = (await activeOrganizationsOfTypes(db, ['university', 'research_institute']))
    .filter((o) => mustFileAnnualReport(o) && !named.has(o.id))
    .map((o) => ({ key: `generated:${o.id}`, id: o.id, name: o.name, regionCode: o.regionCode, creditCode: o.creditCode }));
  for (const org of [...orgs, ...others]) {
    const { id } = await db.transaction((tx) => ensureReport(tx, actor, org, year));
    if (org.key === 'univ2') continue; // 海河工业大学: never handed in
    const [row] = await db.select().from(annualReports).where(eq(annualReports.id, id));
    // Handed in ten days before the due date, or now when the window is still open.
    const submittedAt = new Date(Math.min(now.getTime(), row!.dueAt.getTime() - 10 * DAY));
    if (submittedAt < row!.windowOpensAt) continue;
    const accepted = org.key !== 'univ';
    await db.transaction(async (tx) => {
      const figures = await computeFigures(tx, org.id, year);
      const content = filled(org.name);
      if (org.key === 'univ') {
        content.cooperation.coBuiltBodies = [
          {
            name: '津沽大学—滨港智能装备联合研发中心',
            partner: '天津滨港智能装备有限公司',
            kind: 'rd_institute',
            establishedOn: `${year}-05-18`,
          },
        ];
        content.distribution = {
          cashRewardFen: 86_400_000,
          equityRewardFen: 0,
          cashPersons: 14,
          equityPersons: 0,
          note: '现金奖励按学校成果转化收益分配办法发放，奖励比例 70%。',
        };
      }
      await tx
        .update(annualReports)
        .set({
          content,
          figures,
          status: accepted ? 'accepted' : 'submitted',
          submittedAt,
          submittedBy: null,
          reviewedAt: accepted ? new Date(submittedAt.getTime() + 5 * DAY) : null,
          reviewedBy: accepted ? officerUserId : null,
          updatedAt: submittedAt,
        })
        .where(eq(annualReports.id, id));
      await writeAudit(tx, actor, {
        action: 'annual_report.submit',
        entity: 'annual_report',
        entityId: id,
        organizationId: org.id,
        before: { status: 'draft' },
        after: { status: 'submitted', figures },
      });
      if (accepted)
        await writeAudit(tx, actor, {
          action: 'annual_report.accept',
          entity: 'annual_report',
          entityId: id,
          organizationId: org.id,
          before: { status: 'submitted' },
          after: { status: 'accepted' },
        });
    });
  }

  // 海河工业大学's report, past the grace period: the entry the duties job would make.
  const late = byKey.get('univ2');
  const [lateReport] = late ? await db.select().from(annualReports).where(eq(annualReports.organizationId, late.id)) : [];
  if (late && lateReport && now > graceEndsAt(lateReport.dueAt)) {
    await db.transaction((tx) =>
      recordAutomaticEntry(tx, actor, {
        source: 'annual_report',
        sourceRef: lateReport.id,
        organizationId: late.id,
        regionCode: late.regionCode,
        misconduct: `${late.name}未按期报送 ${year} 年度科技成果转化年度报告（宽限 ${ANNUAL_REPORT_PARAMETERS.integrityGraceDays.value} 天）`,
        penaltyKind: 'record_only',
        decidingBody: '科技成果转化年度报告主管部门（平台自动记录）',
        legalBasis: 'transformation_law_21',
        effectiveOn: localDateOf(new Date(graceEndsAt(lateReport.dueAt).getTime() + 1)),
        periodMonths: ANNUAL_REPORT_PARAMETERS.overduePenaltyMonths.value,
      }),
    );
  }

  await db.transaction(async (tx) => {
    // One record entered by the city bureau: a researcher of 海河新材料研究院.
    const inst = byKey.get('inst');
    if (inst) {
      const effectiveOn = localDateOf(new Date(now.getTime() - 120 * DAY));
      const row = {
        id: newId(),
        partyKind: 'person',
        organizationId: inst.id,
        personName: '王某某',
        regionCode: inst.regionCode,
        misconduct: '在天津市科技计划项目结题验收材料中篡改实验数据。',
        penaltyKind: 'funding_ban',
        penaltyDetail: '取消 3 年内申报或承担天津市财政性资金支持的科学技术活动资格',
        decidingBody: '天津市科学技术局',
        legalBasis: 'most_order_19',
        legalBasisDetail: '',
        effectiveOn,
        periodMonths: 36,
        endsOn: penaltyEndsOn(effectiveOn, 36),
        status: 'recorded',
        source: 'officer',
        sourceRef: null,
        createdBy: officerUserId,
        createdAt: now,
        updatedAt: now,
      };
      await tx.insert(integrityRecords).values(row);
      await writeAudit(tx, actor, {
        action: 'integrity.record',
        entity: 'integrity_record',
        entityId: row.id,
        organizationId: inst.id,
        after: row,
      });
    }
    const univ = byKey.get('univ');
    if (univ) {
      const reports = [
        {
          access: 'public',
          releaseOn: null,
          title: '高镍三元正极材料表面包覆改性及其循环稳定性研究',
          keywords: ['锂离子电池', '高镍正极', '表面包覆', '循环稳定性'],
        },
        {
          access: 'delayed',
          releaseOn: `${year + 3}-06-30`,
          title: '智能焊接机器人视觉定位关键技术研究（延期公开）',
          keywords: ['焊接机器人', '视觉定位', '深度学习'],
        },
      ];
      let seq = 0;
      for (const r of reports) {
        seq += 1;
        const row = {
          id: newId(),
          organizationId: univ.id,
          regionCode: univ.regionCode,
          number: stReportNumber(univ.creditCode, '2022YFB3803600', seq),
          projectNumber: '2022YFB3803600',
          sequence: seq,
          projectName: '高安全长寿命动力电池关键材料与装备',
          fundingProgramme: '国家重点研发计划',
          title: r.title,
          abstract:
            '本报告针对高镍三元正极材料在长循环过程中容量衰减快、热稳定性差的问题，系统研究了表面包覆层的组成、厚度与界面结构对材料电化学性能的影响。采用液相包覆结合低温热处理的工艺，在正极颗粒表面构筑了均匀致密的快离子导体包覆层，有效抑制了电解液对正极表面的侵蚀和过渡金属溶出。实验结果表明，包覆后材料在 1C 倍率下循环 1000 次容量保持率由 78% 提升至 92%，热失控起始温度提高约 25℃。报告还给出了中试放大工艺参数和成本分析，为该技术的产业化应用提供了依据。',
          keywords: r.keywords,
          access: r.access,
          releaseOn: r.releaseOn,
          createdBy: null,
          createdAt: now,
        };
        await tx.insert(stReports).values(row);
        await writeAudit(tx, actor, {
          action: 'st_report.file',
          entity: 'st_report',
          entityId: row.id,
          organizationId: univ.id,
          after: row,
        });
      }
    }
  });
}
