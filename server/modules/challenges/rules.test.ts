import { describe, expect, it } from 'vitest';
import { completeCreditCode } from '../../../common/credit-code.js';
import { CONSORTIUM_RULE, eligibilityIssues, stageIssues, timelineIssues } from './rules.js';

const code = (n: number) => completeCreditCode(`91120116MA${String(n).padStart(6, '0')}0`);
const lead = { type: 'enterprise', status: 'active', creditCode: code(1) };
const members = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `成员单位 ${i + 1}`, creditCode: code(100 + i) }));
const fields = (issues: { field: string }[]) => issues.map((i) => i.field);

describe('eligibility and consortium size (工信厅科函〔2023〕235号)', () => {
  it('keeps the rule as data with its source', () => {
    expect(CONSORTIUM_RULE.maxMembers).toBe(4);
    expect(CONSORTIUM_RULE.source).toContain('工信厅科函〔2023〕235号');
  });

  it.each([
    [0, true],
    [1, true],
    [4, true],
    [5, false],
  ])('a lead with %i other members is eligible: %s', (n, ok) => {
    const issues = eligibilityIssues({ lead, members: members(n) });
    expect(issues.length === 0).toBe(ok);
    if (!ok) expect(fields(issues)).toEqual(['body.consortiumMembers']);
  });

  it('follows a changed parameter at its boundary', () => {
    expect(eligibilityIssues({ lead, members: members(2), maxMembers: 2 })).toEqual([]);
    expect(fields(eligibilityIssues({ lead, members: members(3), maxMembers: 2 }))).toEqual(['body.consortiumMembers']);
  });

  it('needs a PRC legal entity: an active organisation with a valid credit code, not a government body', () => {
    expect(fields(eligibilityIssues({ lead: { ...lead, creditCode: null }, members: [] }))).toEqual(['body.organizationId']);
    expect(fields(eligibilityIssues({ lead: { ...lead, creditCode: '91120116MA00000000' }, members: [] }))).toEqual([
      'body.organizationId',
    ]);
    expect(fields(eligibilityIssues({ lead: { ...lead, status: 'suspended' }, members: [] }))).toEqual(['body.organizationId']);
    expect(fields(eligibilityIssues({ lead: { ...lead, type: 'government' }, members: [] }))).toEqual(['body.organizationId']);
    expect(eligibilityIssues({ lead: { ...lead, type: 'university' }, members: [] })).toEqual([]);
  });

  it('names a member without a valid credit code, or listed twice, or the lead again', () => {
    const bad = eligibilityIssues({
      lead,
      members: [{ name: '境外公司', creditCode: 'XYZ' }, members(1)[0]!, members(1)[0]!, { name: '牵头单位', creditCode: lead.creditCode }],
    });
    expect(fields(bad)).toEqual([
      'body.consortiumMembers.0.creditCode',
      'body.consortiumMembers.2.creditCode',
      'body.consortiumMembers.3.creditCode',
    ]);
  });
});

describe('timeline', () => {
  const t0 = new Date('2027-03-01T00:00:00Z');
  const at = (days: number) => new Date(t0.getTime() + days * 86_400_000);
  it('accepts publication → registration → submission → scoring → roadshow → award in order', () => {
    expect(
      timelineIssues(
        { registrationDeadline: at(10), submissionDeadline: at(10), scoringDueAt: at(20), roadshowAt: at(30), awardAt: at(31) },
        t0,
      ),
    ).toEqual([]);
  });
  it('refuses each step out of order, naming it', () => {
    expect(fields(timelineIssues({ registrationDeadline: at(10), submissionDeadline: at(9) }))).toEqual([
      'body.timeline.submissionDeadline',
    ]);
    expect(fields(timelineIssues({ registrationDeadline: at(1), submissionDeadline: at(10), scoringDueAt: at(10) }))).toEqual([
      'body.timeline.scoringDueAt',
    ]);
    expect(
      fields(timelineIssues({ registrationDeadline: at(1), submissionDeadline: at(10), roadshowAt: at(20), awardAt: at(19) })),
    ).toEqual(['body.timeline.awardAt']);
  });
  it('at publication the registration deadline must still be ahead', () => {
    expect(fields(timelineIssues({ registrationDeadline: t0, submissionDeadline: at(5) }, t0))).toEqual([
      'body.timeline.registrationDeadline',
    ]);
    expect(timelineIssues({ registrationDeadline: new Date(t0.getTime() + 1), submissionDeadline: at(5) }, t0)).toEqual([]);
  });
});

describe('赛马 down-selection', () => {
  it('keeps a subset of the teams still in, and pays only kept teams', () => {
    expect(stageIssues({ stillIn: ['a', 'b', 'c'], kept: ['a', 'c'], payments: [{ proposalId: 'a' }] })).toEqual([]);
    expect(fields(stageIssues({ stillIn: ['a', 'b'], kept: ['a', 'x'], payments: [] }))).toEqual(['body.keptProposalIds.1']);
    expect(fields(stageIssues({ stillIn: ['a', 'b'], kept: ['a'], payments: [{ proposalId: 'b' }] }))).toEqual([
      'body.payments.0.proposalId',
    ]);
    expect(fields(stageIssues({ stillIn: ['a', 'b'], kept: ['a', 'a'], payments: [] }))).toEqual(['body.keptProposalIds']);
  });
});
