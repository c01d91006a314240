/**
 * bench:stats — what keeping the statistics current costs a certification. On the loaded database
 * (millions of facts, full rollups): N applications go through the contracts module (apply, scan,
 * submit), then each is certified (timed: the certifying transaction includes putContractFact).
 * The fact update is then timed alone — putContractFact for N fresh facts of the same shape, each
 * in its own transaction — beside an empty transaction: overhead = fact update − empty transaction,
 * so certification without it would take certify − overhead.
 */
import type { ContractInput } from '../common/api/contracts.js';
import { ContractInput as ContractInputSchema } from '../common/api/contracts.js';
import type { Database } from '../server/db/client.js';
import { newId } from '../server/lib/ids.js';
import { addAttachment, createContract, transitionContract } from '../server/modules/contracts/service.js';
import { putContractFact, type ContractFact } from '../server/modules/statistics/facts.js';
import { actorFor, createOrganization, createUser, uniqueCreditCode } from '../test/factories.js';

const SCAN = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');
const p50 = (xs: number[]) => Math.round([...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]! * 100) / 100;

function input(i: number, pointId: string): ContractInput {
  return ContractInputSchema.parse({
    type: 'development',
    subtype: 'commissioned',
    title: `基准测试委托开发合同 ${i}`,
    subject: '委托开发一套工业视觉检测算法并交付源代码与文档（基准测试数据）。',
    fieldCode: 'SEI1',
    signedOn: '2025-06-01',
    seller: { name: '（由申请单位填充）', organizationType: 'university', regionCode: '120116', creditCode: uniqueCreditCode('120116') },
    buyer: {
      name: `北京某科技有限公司 ${i}`,
      organizationType: 'enterprise',
      regionCode: '110000',
      creditCode: uniqueCreditCode('110105'),
    },
    contractAmountFen: 30_000_000 + i * 1000,
    nonTechnicalCosts: [{ kind: 'equipment', description: '工控机', amountFen: 2_000_000, note: '随技术交付的设备' }],
    registrationOrganizationId: pointId,
  });
}

export async function measureCertify(database: Database, n: number) {
  const db = database.db;
  const point = await createOrganization(db, { type: 'government', name: '基准测试登记点', regionCode: '120103' });
  const registrar = await actorFor(db, await createUser(db, { role: 'registrar', organizationId: point.id }));
  const org = await createOrganization(db, { type: 'university', name: '基准测试大学', regionCode: '120116' });
  const applicant = await actorFor(db, await createUser(db, { role: 'org_member', organizationId: org.id }));
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const draft = await createContract({ db, actor: applicant, input: input(i, point.id), organizationId: org.id });
    await addAttachment({
      db,
      actor: applicant,
      id: draft.row.id,
      query: { kind: 'signed_contract', name: 'scan.pdf' },
      contentType: 'application/pdf',
      body: SCAN,
    });
    await transitionContract({ db, actor: applicant, id: draft.row.id, body: { action: 'submit' } });
    ids.push(draft.row.id);
  }
  const certify: number[] = [];
  for (const id of ids) {
    const t = performance.now();
    await transitionContract({ db, actor: registrar, id, body: { action: 'certify' } });
    certify.push(performance.now() - t);
  }
  const put: number[] = [];
  const empty: number[] = [];
  for (let i = 0; i < n; i++) {
    const fact: ContractFact = {
      contractId: newId(),
      registrationNumber: `BENCH${i}`,
      type: 'development',
      subtype: 'commissioned',
      fieldCode: 'SEI1',
      certifiedAt: new Date(),
      signedOn: '2025-06-01',
      contractAmountFen: 30_000_000 + i,
      technologyTransactionAmountFen: 28_000_000,
      seller: { organizationId: org.id, name: org.name, organizationType: 'university', regionCode: '120116', country: 'CN' },
      buyer: { organizationId: null, name: `北京某科技有限公司 ${i}`, organizationType: 'enterprise', regionCode: '110000', country: 'CN' },
      registrationOrganizationId: point.id,
      brokerUserId: null,
      brokerName: null,
      intermediaryOrganizationId: null,
      dealId: null,
    };
    let t = performance.now();
    await db.transaction((tx) => putContractFact(tx, fact));
    put.push(performance.now() - t);
    t = performance.now();
    await db.transaction(async () => {});
    empty.push(performance.now() - t);
  }
  const overheadMs = Math.round((p50(put) - p50(empty)) * 100) / 100;
  return {
    n,
    certifyP50Ms: p50(certify),
    factUpdateP50Ms: p50(put),
    emptyTxP50Ms: p50(empty),
    overheadMs,
    certifyWithoutP50Ms: Math.round((p50(certify) - overheadMs) * 100) / 100,
  };
}
