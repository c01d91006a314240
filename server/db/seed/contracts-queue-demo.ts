import type { ContractInput } from '../../../common/api/contracts.js';
import { creditCodeFromSerialBody } from '../../../common/credit-code.js';
import type { Db } from '../client.js';
import { addAttachment } from '../../modules/contracts/attachments.js';
import { createContract } from '../../modules/contracts/applications.js';
import { transitionContract } from '../../modules/contracts/service.js';
import { actorForUserId } from '../../modules/identity/service.js';

/**
 * Applications in flight for the demo registrar's queue (the 32,363 statistics contracts are all
 * certified): filed, documented and submitted through the contracts services as the demo accounts,
 * so they carry real deadlines from the working-day calendar and their audit entries.
 * - 津沽大学 (member@): a patent assignment under review, a ¥6.8M cooperative development that
 *   needs expert review (30 working days), a know-how licence returned for correction, and a draft;
 * - 滨港智能 (enterprise@): a technical service under review.
 */
const SCAN = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');

function input(
  registrationOrganizationId: string,
  fields: Partial<ContractInput> &
    Pick<ContractInput, 'type' | 'subtype' | 'title' | 'subject' | 'fieldCode' | 'contractAmountFen' | 'buyer'>,
): ContractInput {
  return {
    signedOn: '2026-10-20',
    validFrom: '2026-10-20',
    validUntil: '2027-10-19',
    ipInvolved: [],
    // The applicant's side is taken from the applicant organisation.
    seller: { name: '（由申请单位填充）', organizationType: 'university', country: 'CN', regionCode: '120104', creditCode: null },
    intermediary: null,
    broker: null,
    nonTechnicalCosts: [],
    relatedServicesInvoicedTogether: false,
    payments: [{ dueOn: null, amountFen: fields.contractAmountFen, condition: '合同生效后 30 日内一次付清' }],
    registrationOrganizationId,
    dealId: null,
    ...fields,
  } as ContractInput;
}

export async function seedContractQueueDemo(
  db: Db,
  opts: { memberUserId: string; enterpriseUserId: string; registrarUserId: string; registrationPointId: string },
) {
  const member = await actorForUserId({ db, userId: opts.memberUserId });
  const enterprise = await actorForUserId({ db, userId: opts.enterpriseUserId });
  const registrar = await actorForUserId({ db, userId: opts.registrarUserId });
  if (!member || !enterprise || !registrar) throw new Error('demo accounts for the contract queue are missing');
  const point = opts.registrationPointId;
  const buyer = (name: string, body: string, regionCode: string) => ({
    name,
    organizationType: 'enterprise' as const,
    country: 'CN',
    regionCode,
    creditCode: creditCodeFromSerialBody(body),
  });

  const file = async (actor: typeof member, body: ContractInput, steps: { submit?: boolean; returnNote?: string } = {}) => {
    const c = await createContract({ db, actor, input: body });
    await addAttachment({
      db,
      actor,
      id: c.row.id,
      query: { kind: 'signed_contract', name: '合同扫描件.pdf' },
      contentType: 'application/pdf',
      body: SCAN,
    });
    if (steps.submit) await transitionContract({ db, actor, id: c.row.id, body: { action: 'submit' } });
    if (steps.returnNote)
      await transitionContract({ db, actor: registrar, id: c.row.id, body: { action: 'return', note: steps.returnNote } });
  };

  await file(
    member,
    input(point, {
      type: 'transfer',
      subtype: 'patent_right',
      title: '一种高镍正极材料表面包覆方法专利权转让合同',
      subject: '转让发明专利“一种高镍正极材料表面包覆方法”的专利权，并提供工艺文件与现场指导。',
      fieldCode: 'D15',
      ipInvolved: [{ kind: 'invention_patent', number: '200310102344.5', title: '一种高镍正极材料表面包覆方法' }],
      buyer: buyer('天津东丽新材料股份有限公司', '91120110MA0000107', '120110'),
      contractAmountFen: 180_000_000,
      nonTechnicalCosts: [
        { kind: 'equipment', description: '包覆反应釜一台', amountFen: 22_000_000, note: '随技术交付的专用设备，按采购价计' },
      ],
      relatedServicesInvoicedTogether: true,
      payments: [
        { dueOn: '2026-11-05', amountFen: 90_000_000, condition: '签约后 15 日内' },
        { dueOn: null, amountFen: 90_000_000, condition: '验收合格后 30 日内' },
      ],
    }),
    { submit: true },
  );
  await file(
    member,
    input(point, {
      type: 'development',
      subtype: 'cooperative',
      title: '港口自动化集装箱调度算法合作开发合同',
      subject: '双方合作开发港口自动化码头集装箱调度优化算法及配套软件，津沽大学负责算法研发。',
      fieldCode: 'D22',
      buyer: buyer('天津港航工程有限公司', '91120116MA0000111', '120116'),
      contractAmountFen: 680_000_000,
      payments: [
        { dueOn: '2026-12-01', amountFen: 340_000_000, condition: '合同生效后支付 50%' },
        { dueOn: null, amountFen: 340_000_000, condition: '通过验收后支付 50%' },
      ],
    }),
    { submit: true },
  );
  await file(
    member,
    input(point, {
      type: 'license',
      subtype: 'technical_secret_license',
      title: '功能性益生菌发酵工艺技术秘密使用许可合同',
      subject: '许可使用功能性益生菌高密度发酵工艺技术秘密，期限三年，普通许可。',
      fieldCode: 'D38',
      buyer: buyer('静海绿色食品有限公司', '91120118MA0000109', '120118'),
      contractAmountFen: 45_000_000,
    }),
    { submit: true, returnNote: '请补充技术秘密的范围说明，并上传双方盖章页清晰扫描件。' },
  );
  await file(
    member,
    input(point, {
      type: 'consulting',
      subtype: null,
      title: '海水淡化膜组件选型技术咨询合同',
      subject: '就海水淡化反渗透膜组件选型与系统集成方案提供可行性论证咨询。',
      fieldCode: 'D37',
      buyer: buyer('天津港航工程有限公司', '91120116MA0000111', '120116'),
      contractAmountFen: 8_000_000,
    }),
  );
  await file(
    enterprise,
    input(point, {
      type: 'service',
      subtype: 'general',
      title: '智能仓储机器人产线调试技术服务合同',
      subject: '为委托方智能仓储机器人产线提供调试、参数优化与操作人员技术指导。',
      fieldCode: 'D21',
      seller: { name: '（由申请单位填充）', organizationType: 'enterprise', country: 'CN', regionCode: '120116', creditCode: null },
      buyer: buyer('武清智慧物流科技有限公司', '91120114MA0000108', '12011401'),
      contractAmountFen: 26_000_000,
    }),
    { submit: true },
  );
}
