import { creditCodeFromSerialBody } from '../../../common/credit-code.js';
import type { Db } from '../client.js';
import { systemActor } from '../../lib/actor.js';
import { writeAudit } from '../../lib/audit.js';
import { newId } from '../../lib/ids.js';
import { priceRangeWan } from './demo-text.js';
import { createRecord, transitionRecord } from '../../modules/catalog/service.js';
import { screenRecord, transitionScreening } from '../../modules/export-control/service.js';
import { assignRole } from '../../modules/identity/roles.js';
import { actorForUserId, createUser } from '../../modules/identity/service.js';
import { insertDeal } from '../../modules/trading/deals.js';
import { organizations } from '../schema/index.js';

/**
 * Export control in the demo: a US buyer (with a Tianjin office on the platform) bought a licence to
 * 津沽大学's lithium iron phosphate cathode process; the screening found 252604X (电池正极材料制备技术)
 * and the city officer decided restricted, so the deal is held pending the letter of intent.
 * Log in as buyer.us@jinqiao.demo to see the held deal; officer@jinqiao.demo sees the queue.
 */
export async function seedExportControlDemo(
  db: Db,
  opts: { memberUserId: string; officerUserId: string; password: string },
): Promise<void> {
  const seed = systemActor('seed:demo');
  // Priced like the rest of the demo catalogue: the middle of the range for its TRL and field.
  const [lo, hi] = priceRangeWan(7, 'D15');
  const priceFen = Math.round((lo + hi) / 2) * 1_000_000;
  const buyerOrgId = newId();
  await db.transaction(async (tx) => {
    const row = {
      id: buyerOrgId,
      type: 'enterprise',
      name: 'Acme Energy Storage Inc.（美国）天津代表处',
      creditCode: creditCodeFromSerialBody('91120116MA0000901'),
      regionCode: '120116',
      status: 'active',
      country: 'US',
      address: '天津市滨海新区中心商务区响螺湾 1 号',
    };
    await tx.insert(organizations).values(row);
    await writeAudit(tx, seed, {
      action: 'organization.register',
      entity: 'organization',
      entityId: row.id,
      organizationId: row.id,
      after: row,
    });
    const user = await createUser(tx, { email: 'buyer.us@jinqiao.demo', name: 'Jane Miller（美方采购）', password: opts.password });
    await writeAudit(tx, seed, { action: 'user.create', entity: 'user', entityId: user.id, after: { email: user.email } });
    await assignRole(tx, seed, { userId: user.id, role: 'org_admin', organizationId: buyerOrgId });
  });

  const member = await actorForUserId({ db, userId: opts.memberUserId });
  const officer = await actorForUserId({ db, userId: opts.officerUserId });
  if (!member || !officer) throw new Error('demo accounts for export control are missing');
  const rec = await createRecord({
    db,
    actor: member,
    kind: 'achievement',
    input: {
      title: '高压实密度磷酸铁锂正极材料连续化制备技术',
      summary:
        '以草酸亚铁与磷酸二氢锂为原料，经砂磨—喷雾干燥—连续回转窑烧结制备磷酸铁锂正极材料；220 MPa 下粉体压实密度 2.62 g/cc，0.1C 放电克容量 161 mAh/g，首次库伦效率 97.5%，适用于动力电池与储能电池。',
      fieldCode: 'D15',
      keywords: ['磷酸铁锂', '正极材料', '压实密度', '储能电池'],
      contacts: [{ name: '刘教授', phone: '022-23500000', email: 'liu.cathode@jingu.edu.cn' }],
      attachments: [],
      restricted: false,
      problemSolved: '解决高压实与高容量难以兼得、批次一致性差的问题。',
      advantage: '连续化烧结，能耗较间歇工艺降低约 20%。',
      trl: 7,
      ipAssets: [{ kind: 'invention_patent', number: '202310456789.1', title: '一种高压实密度磷酸铁锂正极材料的制备方法' }],
      transferModes: ['license_exclusive', 'license_ordinary'],
      priceFen,
      priceNegotiable: false,
      publicFunding: true,
      team: [{ name: '刘教授', title: '教授', role: '负责人' }],
    },
  });
  for (const transition of ['submit', 'approve', 'publish'] as const) {
    await transitionRecord({ db, actor: systemActor('seed:demo'), kind: 'achievement', id: rec.row.id, transition });
  }
  const dealId = await db.transaction((tx) =>
    insertDeal(tx, seed, {
      route: 'listing',
      achievementId: rec.row.id,
      sellerOrganizationId: rec.row.organizationId,
      buyerOrganizationId: buyerOrgId,
      regionCode: rec.row.regionCode,
      title: rec.row.title,
      achievementSummary: rec.row.summary,
      fieldCode: 'D15',
      priceFen,
      transferMode: 'license_exclusive',
    }),
  );
  const { row } = await screenRecord({ db, actor: officer, input: { subject: 'deal', id: dealId } });
  const item = row.candidates.find((c) => c.code === '252604X');
  if (!item) return;
  await transitionScreening({
    db,
    actor: officer,
    id: row.id,
    input: {
      action: 'decide',
      decision: 'restricted',
      itemIds: [item.itemId],
      reason:
        '压实密度、克容量与首次库伦效率均达到 252604X 控制要点 1 的参数，属限制出口技术：请向商务主管部门申请技术出口许可意向书，取得前不得进行实质性谈判。',
    },
  });
}
