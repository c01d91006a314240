/**
 * Which policies apply to an organisation: a pure function of the policy's conditions and what is
 * known of the organisation. Each criterion is met, not met, or unknown; a policy applies when every
 * criterion is met, may apply when none fails but some are unknown, and does not apply otherwise.
 */
export interface PolicyConditions {
  /** Materialised path of the governed region (`/120000/120116/`), null for national policies. */
  regionPath: string | null;
  regionName: string | null;
  organizationTypes: readonly string[];
  fieldCodes: readonly string[];
  smeOnly: boolean;
  effectiveFrom: string | null;
  effectiveUntil: string | null;
}

export interface OrganizationFacts {
  type: string;
  /** Materialised path of the organisation's region. */
  regionPath: string;
  /** 科技型中小企业 (国科发政〔2017〕115号) when known; null when not assessed. */
  sme: boolean | null;
  /** The year of the figures the 科技型中小企业 self-assessment was made on, when there is one. */
  smeYear?: number;
  /** Technical fields the organisation works in; null when not said. */
  fieldCodes: readonly string[] | null;
}

export type Verdict = 'applies' | 'maybe' | 'no';
export interface Reason {
  criterion: 'region' | 'organization_type' | 'sme' | 'fields' | 'in_force';
  met: boolean | null;
  note: string;
}

/** A field code covers its children: 520 covers 52010 (the taxonomy's codes extend their parent's). */
const fieldCovers = (policyCode: string, orgCode: string) => orgCode.startsWith(policyCode) || policyCode.startsWith(orgCode);

export function matchPolicy(p: PolicyConditions, org: OrganizationFacts, today: string): { verdict: Verdict; reasons: Reason[] } {
  const reasons: Reason[] = [];
  // Region: the organisation's region lies in the policy's region subtree (walks city → district → park).
  if (p.regionPath === null) reasons.push({ criterion: 'region', met: true, note: '全国适用' });
  else {
    const inside = org.regionPath.startsWith(p.regionPath);
    reasons.push({
      criterion: 'region',
      met: inside,
      note: inside ? `位于${p.regionName ?? '适用地区'}` : `仅适用于${p.regionName ?? '指定地区'}`,
    });
  }
  if (p.organizationTypes.length === 0) reasons.push({ criterion: 'organization_type', met: true, note: '不限单位类型' });
  else {
    const ok = p.organizationTypes.includes(org.type);
    reasons.push({ criterion: 'organization_type', met: ok, note: ok ? '单位类型符合' : '单位类型不在适用范围' });
  }
  if (!p.smeOnly) reasons.push({ criterion: 'sme', met: true, note: '不限科技型中小企业' });
  else if (org.sme === null) reasons.push({ criterion: 'sme', met: null, note: '须为科技型中小企业（尚未评价）' });
  else {
    const basis = org.smeYear ? `（${org.smeYear} 年度自评${org.sme ? '通过' : '未通过'}）` : '';
    reasons.push({ criterion: 'sme', met: org.sme, note: `${org.sme ? '科技型中小企业' : '须为科技型中小企业'}${basis}` });
  }
  if (p.fieldCodes.length === 0) reasons.push({ criterion: 'fields', met: true, note: '不限技术领域' });
  else if (!org.fieldCodes || org.fieldCodes.length === 0)
    reasons.push({ criterion: 'fields', met: null, note: '限定技术领域（未填写单位领域）' });
  else {
    const ok = org.fieldCodes.some((f) => p.fieldCodes.some((c) => fieldCovers(c, f)));
    reasons.push({ criterion: 'fields', met: ok, note: ok ? '技术领域符合' : '技术领域不在适用范围' });
  }
  const started = !p.effectiveFrom || p.effectiveFrom <= today;
  const notEnded = !p.effectiveUntil || today <= p.effectiveUntil;
  // A policy published before it takes effect still applies (from that day); an expired one no longer.
  reasons.push({
    criterion: 'in_force',
    met: notEnded,
    note: !started ? `${p.effectiveFrom} 起施行` : !notEnded ? `已于 ${p.effectiveUntil} 失效` : '现行有效',
  });
  const verdict: Verdict = reasons.some((r) => r.met === false) ? 'no' : reasons.some((r) => r.met === null) ? 'maybe' : 'applies';
  return { verdict, reasons };
}
