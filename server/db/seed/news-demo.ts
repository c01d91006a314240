import type { Db } from '../client.js';
import { systemActor } from '../../lib/actor.js';
import { writeAudit } from '../../lib/audit.js';
import { clock } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { newsItems } from '../../modules/news/schema.js';

/**
 * Demo news (新闻动态): the operator's items on the home page. Texts are written for the demo; the
 * documents and programmes they mention are real, the platform's own events are not.
 */
const DEMO_NEWS = [
  {
    daysAgo: 2,
    category: 'platform',
    title: '津桥平台开通技术合同网上认定登记',
    summary: '技术合同卖方可在线提交认定登记申请，登记机构按规定时限审查并出具登记证明。',
    body: '为方便市场主体办理技术合同认定登记，津桥平台即日起开通网上登记服务。卖方在“我的合同”中填写合同要素并上传合同文本，登记机构受理后在规定的工作日内完成审查；登记证明载有登记编号和验证二维码，可在平台“证书验证”页面核对。',
    source: '平台运营中心',
  },
  {
    daysAgo: 6,
    category: 'policy',
    title: '解读：技术转让、技术开发免征增值税的办理要点',
    summary: '财税〔2016〕36号附件3规定，纳税人提供技术转让、技术开发和与之相关的技术咨询、技术服务免征增值税。',
    body: '根据《营业税改征增值税试点过渡政策的规定》（财税〔2016〕36号附件3），试点纳税人提供技术转让、技术开发和与之相关的技术咨询、技术服务免征增值税。享受政策须持经认定登记的技术合同，合同中与技术转让、技术开发相关的咨询、服务价款应与技术转让、技术开发价款开在同一张发票上。',
    source: '平台政策研究室',
  },
  {
    daysAgo: 11,
    category: 'market',
    title: '滨海新区三项海水淡化成果完成挂牌交易',
    summary: '三项膜法海水淡化相关成果经公开挂牌征集受让方，均已签订技术转让合同。',
    body: '本月，滨海新区三项膜法海水淡化相关科技成果在津桥平台公开挂牌，挂牌期满后与受让企业签订技术转让合同，成交价格经公示无异议。平台将持续跟踪成果后续实施情况。',
    source: '交易服务部',
  },
  {
    daysAgo: 18,
    category: 'event',
    title: '“科技成果直通车”生物医药专场路演报名开始',
    summary: '面向在津高校院所征集生物医药领域待转化项目，入选项目将与投资机构、企业现场对接。',
    body: '“科技成果直通车”生物医药专场路演将于下月举行，现面向在津高校、科研院所征集待转化项目。项目方可在平台“活动”栏目在线报名，入选项目安排现场路演和一对一对接。',
    source: '活动组织部',
  },
] as const;

export async function seedNewsDemo(db: Db, opts: { adminUserId: string }): Promise<void> {
  const actor = systemActor('demo');
  const now = clock.now().getTime();
  await db.transaction(async (tx) => {
    for (const n of DEMO_NEWS) {
      const at = new Date(now - n.daysAgo * 86_400_000);
      const row = {
        id: newId(),
        title: n.title,
        category: n.category,
        summary: n.summary,
        body: n.body,
        source: n.source,
        status: 'published',
        withdrawnReason: null,
        publishedBy: opts.adminUserId,
        publishedAt: at,
        updatedAt: at,
      };
      await tx.insert(newsItems).values(row);
      await writeAudit(tx, actor, {
        action: 'news.publish',
        entity: 'news_item',
        entityId: row.id,
        after: { title: row.title, status: row.status },
      });
    }
  });
}
