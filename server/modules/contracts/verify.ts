import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { localDateOf } from '../../lib/calendar.js';
import { contracts } from './schema.js';
import { loadContract } from './records.js';

/** Legal-form endings kept visible when a party's name is masked (longest first). */
const SUFFIXES = [
  '股份有限公司',
  '有限责任公司',
  '有限公司',
  '研究院',
  '研究所',
  '研究中心',
  '大学',
  '学院',
  '医院',
  '中心',
  '公司',
  '集团',
];

/**
 * A party name as the public may see it: the first two characters and the legal form, the rest
 * starred (天津某某科技有限公司 → 天津***有限公司); a person's name keeps only its first character.
 */
export function maskPartyName(name: string, isOrganization = true): string {
  const chars = [...name.trim()];
  if (!isOrganization) return `${chars[0] ?? ''}**`;
  if (chars.length <= 4) return `${chars[0] ?? ''}***`;
  const suffix = SUFFIXES.find((s) => name.endsWith(s) && chars.length - [...s].length >= 2) ?? '';
  return `${chars.slice(0, 2).join('')}***${suffix}`;
}

/**
 * The certificate's verification code (验证码): ten characters derived from the registration number and
 * the facts the certificate states, printed on it and answered by the verify page, so a reader can see
 * at a glance that the paper and the register say the same.
 */
export function verificationCode(f: {
  registrationNumber: string;
  contractAmountFen: number;
  technologyTransactionAmountFen: number;
  certifiedOn: string;
}): string {
  const hex = createHash('sha256')
    .update(`${f.registrationNumber}|${f.contractAmountFen}|${f.technologyTransactionAmountFen}|${f.certifiedOn}`)
    .digest('hex')
    .toUpperCase();
  return `${hex.slice(0, 5)}-${hex.slice(5, 10)}`;
}

export interface PublicCertificate {
  registrationNumber: string;
  status: 'certified' | 'cancelled';
  type: string;
  subtype: string | null;
  signedOn: string;
  certifiedOn: string;
  contractAmountFen: number;
  technologyTransactionAmountFen: number;
  registrationPoint: string;
  seller: string;
  buyer: string;
  verificationCode: string;
}

/**
 * What anyone may check about a registered contract by its registration number (the certificate's
 * QR code points here): the key facts, the parties masked. Null for a number never certified.
 */
export async function verifyRegistration(opts: { db: Db; registrationNumber: string }): Promise<PublicCertificate | null> {
  const [hit] = await opts.db
    .select({ id: contracts.id })
    .from(contracts)
    .where(eq(contracts.registrationNumber, opts.registrationNumber))
    .limit(1);
  const c = hit && (await loadContract(opts.db, hit.id));
  if (!c || !c.row.registrationNumber || !c.row.certifiedAt) return null;
  const party = (p: { name: string; creditCode: string | null; organizationId: string | null }) =>
    maskPartyName(p.name, Boolean(p.creditCode || p.organizationId) || [...p.name].length > 4);
  const certifiedOn = localDateOf(c.row.certifiedAt);
  return {
    registrationNumber: c.row.registrationNumber,
    status: c.row.status === 'cancelled' ? 'cancelled' : 'certified',
    type: c.row.type,
    subtype: c.row.subtype,
    signedOn: c.row.signedOn,
    certifiedOn,
    contractAmountFen: c.row.contractAmountFen,
    technologyTransactionAmountFen: c.row.technologyTransactionAmountFen,
    registrationPoint: c.registrationPoint.name,
    seller: party(c.parties.seller),
    buyer: party(c.parties.buyer),
    verificationCode: verificationCode({
      registrationNumber: c.row.registrationNumber,
      contractAmountFen: c.row.contractAmountFen,
      technologyTransactionAmountFen: c.row.technologyTransactionAmountFen,
      certifiedOn,
    }),
  };
}
